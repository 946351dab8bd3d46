//! The request context (instance, trace id, language) read through a header lookup, so
//! that every framework's header types serve.

use std::collections::hash_map::RandomState;
use std::hash::{BuildHasher, Hasher};
use std::sync::atomic::{AtomicU64, Ordering};
use std::time::{SystemTime, UNIX_EPOCH};

use crate::RequestContext;

/// The header a trace id is read from (W3C trace context).
pub(crate) const TRACEPARENT: &str = "traceparent";
/// The header a language is read from.
pub(crate) const ACCEPT_LANGUAGE: &str = "accept-language";

/// A framework's request headers as the integrations read them: the first value of a
/// header by its lower-case name, and every value of it. Values are raw bytes, so that a
/// value that is not visible ASCII is told apart from an absent one.
pub(crate) trait Headers {
    /// The first value of `name`, if any.
    fn first(&self, name: &str) -> Option<&[u8]>;
    /// Every value of `name`, in order.
    fn all<'h>(&'h self, name: &str) -> impl Iterator<Item = &'h [u8]>;
}

/// `value` as text when it is visible ASCII (or tab), as `http`'s `HeaderValue::to_str`
/// reads it; anything else is not a value the integrations act on.
pub(crate) fn visible(value: &[u8]) -> Option<&str> {
    let ok = value.iter().all(|&b| b == b'\t' || (32..127).contains(&b));
    // Visible ASCII is UTF-8.
    ok.then(|| std::str::from_utf8(value).ok()).flatten()
}

/// The context of a request from its path and headers; see [`request_context`].
pub(crate) fn read(path: &str, headers: &impl Headers) -> RequestContext<'static> {
    let header = |name| headers.first(name).and_then(visible);
    request_context(path, header(TRACEPARENT), header(ACCEPT_LANGUAGE))
}

/// The context of a request: `instance` = its path, trace id = its W3C `traceparent` when
/// valid (otherwise a fresh one), language = the first tag of `Accept-Language` when it is
/// a language tag (otherwise the default `en`). Never fails: a value that does not validate
/// is left out rather than failing the response.
pub fn request_context(
    path: &str,
    traceparent: Option<&str>,
    accept_language: Option<&str>,
) -> RequestContext<'static> {
    let mut ctx = RequestContext::new();
    if let Ok(with) = ctx.clone().with_instance(path.to_owned()) {
        ctx = with;
    }
    let trace_id = match traceparent.map(str::trim) {
        Some(given) if is_traceparent(given) => given.to_owned(),
        _ => fresh_traceparent(),
    };
    if let Ok(with) = ctx.clone().with_trace_id(trace_id) {
        ctx = with;
    }
    if let Some(tag) = accept_language.and_then(first_language) {
        if let Ok(with) = ctx.clone().with_language(tag.to_owned()) {
            ctx = with;
        }
    }
    ctx
}

/// The first language of an `Accept-Language` value, without its weight; `None` for `*`
/// or an empty value.
fn first_language(value: &str) -> Option<&str> {
    let first = value.split(',').next()?.split(';').next()?.trim();
    (!first.is_empty() && first != "*").then_some(first)
}

/// Whether `value` is a W3C trace context `traceparent`
/// (`00-<32 hex>-<16 hex>-<2 hex>`, lower case, ids not all zeros, version not `ff`).
pub fn is_traceparent(value: &str) -> bool {
    let b = value.as_bytes();
    let hex = |s: &[u8]| s.iter().all(|c| matches!(c, b'0'..=b'9' | b'a'..=b'f'));
    let zero = |s: &[u8]| s.iter().all(|c| *c == b'0');
    b.len() == 55
        && b[2] == b'-'
        && b[35] == b'-'
        && b[52] == b'-'
        && hex(&b[0..2])
        && &b[0..2] != b"ff"
        && hex(&b[3..35])
        && !zero(&b[3..35])
        && hex(&b[36..52])
        && !zero(&b[36..52])
        && hex(&b[53..55])
}

/// A new `traceparent` with random ids.
///
/// The ids come from std's randomly keyed SipHash over a counter and the clock: unique and
/// unpredictable enough for tracing, with no extra dependency (they are not secrets).
pub(crate) fn fresh_traceparent() -> String {
    static COUNTER: AtomicU64 = AtomicU64::new(0);
    let nanos = SystemTime::now()
        .duration_since(UNIX_EPOCH)
        .map(|d| d.as_nanos())
        .unwrap_or_default();
    let mut hasher = RandomState::new().build_hasher();
    hasher.write_u64(COUNTER.fetch_add(1, Ordering::Relaxed));
    hasher.write_u128(nanos);
    let high = hasher.finish();
    hasher.write_u8(1);
    let low = hasher.finish();
    hasher.write_u8(2);
    // `| 1` keeps both ids from being all zeros, which the format forbids.
    let parent = hasher.finish() | 1;
    format!("00-{:016x}{:016x}-{parent:016x}-01", high | 1, low)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn traceparents() {
        for _ in 0..100 {
            assert!(is_traceparent(&fresh_traceparent()));
        }
        assert!(!is_traceparent(
            "00-00000000000000000000000000000000-706492e906541d31-01"
        ));
        assert!(!is_traceparent(
            "00-813B63975ADCAAEEF2B0EC7C103C40E3-706492e906541d31-01"
        ));
        assert!(!is_traceparent(
            "ff-813b63975adcaaeef2b0ec7c103c40e3-706492e906541d31-01"
        ));
        assert_ne!(fresh_traceparent(), fresh_traceparent());
    }

    #[test]
    fn visible_ascii_only() {
        assert_eq!(visible(b"en;q=0.8\tx"), Some("en;q=0.8\tx"));
        assert_eq!(visible("é".as_bytes()), None);
        assert_eq!(visible(b"a\x7fb"), None);
    }
}
