//! The request context (instance, trace id, language preferences) read through a header
//! lookup, so that every framework's header types serve.

use std::borrow::Cow;
use std::collections::hash_map::RandomState;
use std::hash::{BuildHasher, Hasher};
use std::sync::atomic::{AtomicU64, Ordering};
use std::time::{SystemTime, UNIX_EPOCH};

use apierror_runtime::private::{Traceparent, TRACEPARENT_LEN};

use crate::RequestContext;

/// The header a trace id is read from (W3C trace context).
pub(crate) const TRACEPARENT: &str = "traceparent";
/// The header the language preferences are read from.
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

impl Headers for http::HeaderMap {
    fn first(&self, name: &str) -> Option<&[u8]> {
        self.get(name).map(http::HeaderValue::as_bytes)
    }

    fn all<'h>(&'h self, name: &str) -> impl Iterator<Item = &'h [u8]> {
        self.get_all(name).iter().map(http::HeaderValue::as_bytes)
    }
}

/// `value` as text when it is visible ASCII (or tab), as `http`'s `HeaderValue::to_str`
/// reads it; anything else is not a value the integrations act on.
pub(crate) fn visible(value: &[u8]) -> Option<&str> {
    // A fold without early exit, which the compiler turns into a vector loop.
    let ok = value
        .iter()
        .fold(true, |ok, &b| ok & (b == b'\t' || (32..127).contains(&b)));
    // Visible ASCII is UTF-8.
    ok.then(|| std::str::from_utf8(value).ok()).flatten()
}

/// The context of a request from its path and headers, borrowing from them (and from
/// `fresh`, where a trace id is made because the request brought none): reading it
/// allocates nothing. See [`request_context`].
pub(crate) fn read<'h>(
    path: &'h str,
    headers: &'h impl Headers,
    fresh: &'h mut Option<FreshTraceId>,
) -> RequestContext<'h> {
    let language = headers.first(ACCEPT_LANGUAGE).and_then(visible);
    build(
        Cow::Borrowed(path),
        trace_id(headers, fresh),
        language.map(Cow::Borrowed),
    )
}

/// The trace id of a request with `headers`: its `traceparent` when valid, else the one
/// kept in `fresh` (made on first use, so that a log line and the body agree).
pub(crate) fn trace_id<'h>(
    headers: &'h impl Headers,
    fresh: &'h mut Option<FreshTraceId>,
) -> Option<Traceparent<'h>> {
    chosen_trace_id(headers.first(TRACEPARENT), fresh)
}

/// The request's `traceparent`, when it is valid.
pub(crate) fn given_trace_id(headers: &impl Headers) -> Option<&str> {
    valid_trace_id(headers.first(TRACEPARENT)).map(Traceparent::as_str)
}

fn valid_trace_id(given: Option<&[u8]>) -> Option<Traceparent<'_>> {
    given.and_then(|v| Traceparent::parse(v.trim_ascii()))
}

fn chosen_trace_id<'a>(
    given: Option<&'a [u8]>,
    fresh: &'a mut Option<FreshTraceId>,
) -> Option<Traceparent<'a>> {
    match valid_trace_id(given) {
        Some(given) => Some(given),
        None => fresh.get_or_insert_with(FreshTraceId::new).traceparent(),
    }
}

/// The context of a request: `instance` = its path, trace id = its W3C `traceparent` when
/// valid (otherwise a fresh one), language preferences = its `Accept-Language` (each error
/// is then written in the preferred language it has). Never fails: a value that does not
/// validate is left out rather than failing the response.
pub fn request_context(
    path: &str,
    traceparent: Option<&str>,
    accept_language: Option<&str>,
) -> RequestContext<'static> {
    let mut fresh = None;
    let trace_id = chosen_trace_id(traceparent.map(str::as_bytes), &mut fresh);
    let mut ctx = build(
        Cow::Owned(path.to_owned()),
        None,
        accept_language.map(|l| Cow::Owned(l.to_owned())),
    );
    if let Some(trace_id) = trace_id {
        let _ = ctx.set_trace_id(trace_id.as_str().to_owned());
    }
    ctx
}

/// The context of these values, leaving out each one that does not validate (a refused
/// value leaves the context as it was).
fn build<'a>(
    instance: Cow<'a, str>,
    trace_id: Option<Traceparent<'a>>,
    accept_language: Option<Cow<'a, str>>,
) -> RequestContext<'a> {
    let mut ctx = RequestContext::new();
    let _ = ctx.set_instance(instance);
    if let Some(trace_id) = trace_id {
        trace_id.set_in(&mut ctx);
    }
    if let Some(preferences) = accept_language {
        let _ = ctx.set_accept_language(preferences);
    }
    ctx
}

/// Whether `value` is a W3C trace context `traceparent`
/// (`00-<32 hex>-<16 hex>-<2 hex>`, lower case, ids not all zeros, version not `ff`).
pub fn is_traceparent(value: &str) -> bool {
    Traceparent::parse(value.as_bytes()).is_some()
}

/// A new `traceparent` with random ids, kept inline: a context borrows it, nothing is
/// allocated.
///
/// The ids come from std's randomly keyed SipHash over a counter and the clock: unique and
/// unpredictable enough for tracing, with no extra dependency (they are not secrets).
#[derive(Clone, Copy)]
pub(crate) struct FreshTraceId([u8; TRACEPARENT_LEN]);

impl FreshTraceId {
    pub(crate) fn new() -> Self {
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
        let parent = hasher.finish();
        let mut id = *b"00-################################-################-01";
        // `| 1` keeps both ids from being all zeros, which the format forbids.
        write_hex(&mut id[3..19], high | 1);
        write_hex(&mut id[19..35], low);
        write_hex(&mut id[36..52], parent | 1);
        FreshTraceId(id)
    }

    pub(crate) fn as_str(&self) -> &str {
        self.traceparent().map_or("", Traceparent::as_str)
    }

    /// Always `Some`: made valid, and checked all the same, so that no unchecked value
    /// reaches a body.
    pub(crate) fn traceparent(&self) -> Option<Traceparent<'_>> {
        Traceparent::parse(&self.0)
    }
}

/// `value` as 16 lower-case hex digits into `out`.
fn write_hex(out: &mut [u8], value: u64) {
    for (i, digit) in out.iter_mut().enumerate() {
        let nibble = (value >> (60 - 4 * i)) & 0xf;
        *digit = b"0123456789abcdef"[nibble as usize];
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn traceparents() {
        for _ in 0..100 {
            assert!(is_traceparent(FreshTraceId::new().as_str()));
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
        assert_ne!(FreshTraceId::new().as_str(), FreshTraceId::new().as_str());
        let mut hex = [0; 16];
        write_hex(&mut hex, 0x0123_4567_89ab_cdef);
        assert_eq!(&hex, b"0123456789abcdef");
    }

    #[test]
    fn read_borrows_and_keeps_its_fresh_trace_id() {
        let mut headers = http::HeaderMap::new();
        headers.insert("accept-language", "ja, en;q=0.5".parse().unwrap());
        headers.insert("traceparent", "garbage".parse().unwrap());
        let mut fresh = None;
        let made = read("/carts/7", &headers, &mut fresh)
            .trace_id()
            .map(str::to_owned);
        let kept = fresh.map(|f| f.as_str().to_owned());
        assert_eq!(made, kept);
        let ctx = read("/carts/7", &headers, &mut fresh);
        assert_eq!(ctx.trace_id().map(str::to_owned), kept);
        assert_eq!(ctx.instance(), Some("/carts/7"));
        assert_eq!(ctx.accept_language(), Some("ja, en;q=0.5"));
        // A value that does not validate is left out, the others stay.
        let trace = Traceparent::parse(TRACE.as_bytes());
        let ctx = build(Cow::Borrowed("/a b"), trace, None);
        assert_eq!((ctx.instance(), ctx.trace_id()), (None, Some(TRACE)));
    }

    const TRACE: &str = "00-813b63975adcaaeef2b0ec7c103c40e3-706492e906541d31-01";

    #[test]
    fn visible_ascii_only() {
        assert_eq!(visible(b"en;q=0.8\tx"), Some("en;q=0.8\tx"));
        assert_eq!(visible("é".as_bytes()), None);
        assert_eq!(visible(b"a\x7fb"), None);
    }
}
