//! Looking a received code up in a derived type's catalog.

use super::{capture, rebuild, ReceivedBody, ReceivedEntry};
use crate::format;
use crate::format::Format;
use crate::model::api_error::ApiError;
use crate::model::catalog::{Catalog, VariantMeta};
use crate::model::received::Received;

/// What a catalog knows of a received code; see [`ReceivedBody::lookup`].
#[derive(Debug, Clone, PartialEq)]
pub struct Lookup<E> {
    /// Every variant with the code, in declaration order: empty for an unknown code, more
    /// than one where the type allows duplicate codes.
    pub candidates: Vec<&'static VariantMeta>,
    /// The candidate the received message and field fit best (see
    /// [`ReceivedBody::best_match`]).
    pub meta: Option<&'static VariantMeta>,
    /// The typed value, where [`ApiError::from_received`] can rebuild one.
    pub typed: Option<E>,
}

impl<E> Lookup<E> {
    /// Whether the catalog knows the code.
    pub fn is_known(&self) -> bool {
        !self.candidates.is_empty()
    }
}

impl ReceivedBody {
    /// Looks the body's code up in `E`'s catalog. An unknown (or absent) code gives an
    /// empty [`Lookup`], never an error: the body still says what happened.
    ///
    /// ```
    /// use apierror::parse::{parse, ParseOptions};
    /// use apierror::ApiError;
    ///
    /// #[derive(Debug, ApiError)]
    /// enum E {
    ///     #[status(400)]
    ///     #[code("used_token")]
    ///     #[message("token was already used")]
    ///     UsedToken,
    /// }
    ///
    /// let body = br#"{"object":"error","code":"brand_new_code","message":"?"}"#;
    /// let received = parse(Some(400), None, body, None, &ParseOptions::default()).unwrap();
    /// let found = received.lookup::<E>();
    /// assert!(!found.is_known());
    /// assert_eq!(received.code.as_deref(), Some("brand_new_code"));
    /// ```
    pub fn lookup<E: ApiError>(&self) -> Lookup<E> {
        lookup_code(Some(self.format), self.code.as_deref(), &self.received())
    }

    /// The variant of `catalog` the body's code names that its message and field fit best:
    /// the first whose constant field (if any) matches and whose message is the default or
    /// has the template's shape; failing that, the first with the code. In an Oney body,
    /// whose format cuts codes to `OneyFormat::CODE_MAX` characters, a code of exactly that
    /// length also names the variants whose code starts with it.
    ///
    /// ```
    /// use apierror::parse::{parse, ParseOptions};
    /// use apierror::ApiError;
    ///
    /// #[derive(Debug, ApiError)]
    /// #[api_error(allow_duplicate_codes)]
    /// enum E {
    ///     #[status(400)]
    ///     #[code("ERR_07")]
    ///     #[message("Unknown merchant")]
    ///     UnknownMerchant,
    ///     #[status(400)]
    ///     #[code("ERR_07")]
    ///     #[message("Unknown business transaction {code}")]
    ///     UnknownTransaction { code: String },
    /// }
    ///
    /// let body = br#"{"language_code":"EN","error_list":[{"error":{"error_code":"ERR_07","error_label":"Unknown business transaction X1"}}]}"#;
    /// let received = parse(Some(400), None, body, None, &ParseOptions::default()).unwrap();
    /// assert_eq!(received.best_match(E::catalog()).unwrap().name, "UnknownTransaction");
    /// ```
    pub fn best_match(&self, catalog: &Catalog) -> Option<&'static VariantMeta> {
        best_match(
            catalog,
            Some(self.format),
            self.code.as_deref()?,
            &self.received(),
        )
    }
}

impl ReceivedEntry {
    /// Looks this list entry's code up in `E`'s catalog; see [`ReceivedBody::lookup`].
    pub fn lookup<E: ApiError>(&self) -> Lookup<E> {
        lookup_code(self.format, self.code.as_deref(), &self.received())
    }
}

/// The variant the code names that the received text fits best, and the typed value: what
/// [`lookup_code`] finds, without collecting the candidates (the client's hot path, see
/// `benches/client.rs`).
pub(crate) fn find<E: ApiError>(
    format: Option<Format>,
    code: &str,
    received: &Received<'_>,
) -> (Option<&'static VariantMeta>, Option<E>) {
    let variants = E::catalog().variants;
    // One scan to the first variant the code names; the candidates start there. Failing
    // that, in an Oney body, the first whose code the received one may be the cut start of.
    let oney = format == Some(Format::Oney);
    let first_exact = match format {
        Some(Format::Google) => variants.iter().position(|v| names(format, code, v.code)),
        // The commonest scan, with the comparison inline (`names` is not, for its Google
        // arm).
        _ => variants.iter().position(|v| same_code(code, v.code)),
    };
    let (at, exact) = match first_exact {
        Some(at) => (at, true),
        None if oney => match variants
            .iter()
            .position(|v| format::code_may_be_cut(code, v.code))
        {
            Some(at) => (at, false),
            None => return (None, None),
        },
        None => return (None, None),
    };
    let is_candidate = |v: &&'static VariantMeta| {
        if exact {
            names(format, code, v.code)
        } else {
            format::code_may_be_cut(code, v.code)
        }
    };
    let first = &variants[at];
    let others = variants[at + 1..].iter().filter(is_candidate);
    // The first candidate nearly always fits: the others are looked at only when it does not.
    let meta = if fits(first, received) {
        first
    } else {
        others.clone().find(|m| fits(m, received)).unwrap_or(first)
    };
    // Another candidate is tried only where the received text fits it too: a unit variant
    // rebuilds from any text, and must not stand in for a variant whose fields the body
    // lacks.
    let typed = E::from_received(meta, received).or_else(|| {
        core::iter::once(first)
            .chain(others)
            .filter(|m| fits(m, received))
            .find_map(|m| E::from_received(m, received))
    });
    (Some(meta), typed)
}

/// Whether `received`, a code read from a body of `format`, names the variant code `code`:
/// equal, or for a Google body the code's `ErrorInfo.reason`.
#[inline]
fn names(format: Option<Format>, received: &str, code: &str) -> bool {
    match format {
        Some(Format::Google) => received == code || format::google_reason(code) == received,
        _ => same_code(received, code),
    }
}

/// `a == b`, compared inline for codes of up to 16 bytes (nearly all are): a catalog scan
/// meets many codes of the received one's length, and a call to `memcmp` for each costs
/// more than the comparison.
#[inline(always)]
fn same_code(a: &str, b: &str) -> bool {
    let (a, b) = (a.as_bytes(), b.as_bytes());
    let len = a.len();
    if len != b.len() {
        return false;
    }
    // Two loads from each side that overlap where the text is shorter than both.
    let word = |bytes: &[u8], at: usize| -> u64 {
        let mut w = [0; 8];
        w.copy_from_slice(&bytes[at..at + 8]);
        u64::from_ne_bytes(w)
    };
    let half = |bytes: &[u8], at: usize| -> u32 {
        let mut w = [0; 4];
        w.copy_from_slice(&bytes[at..at + 4]);
        u32::from_ne_bytes(w)
    };
    match len {
        8..=16 => word(a, 0) == word(b, 0) && word(a, len - 8) == word(b, len - 8),
        4..=7 => half(a, 0) == half(b, 0) && half(a, len - 4) == half(b, len - 4),
        _ => a == b,
    }
}

/// Whether the received message and field fit `m`: its constant field (if any) matches,
/// and the message is the default or has the template's shape.
fn fits(m: &VariantMeta, received: &Received<'_>) -> bool {
    let field_fits = match (m.field, received.field) {
        (Some(constant), Some(got)) => constant == got,
        _ => true,
    };
    let message_fits = match received.message {
        Some(message) => {
            rebuild::is_declared(m, message)
                || (!m.pieces.is_empty()
                    && rebuild::templates(m).any(|pieces| capture(pieces, message).is_some()))
        }
        None => true,
    };
    field_fits && message_fits
}

fn lookup_code<E: ApiError>(
    format: Option<Format>,
    code: Option<&str>,
    received: &Received<'_>,
) -> Lookup<E> {
    let catalog = E::catalog();
    let Some(code) = code else {
        return Lookup {
            candidates: Vec::new(),
            meta: None,
            typed: None,
        };
    };
    let (meta, typed) = find::<E>(format, code, received);
    Lookup {
        candidates: candidates(catalog, format, code),
        meta,
        typed,
    }
}

/// The variants of `catalog` with `code`; where there is none and the body is an Oney one,
/// those whose code it may be the cut start of.
fn candidates(catalog: &Catalog, format: Option<Format>, code: &str) -> Vec<&'static VariantMeta> {
    let exact: Vec<_> = catalog
        .variants
        .iter()
        .filter(|v| names(format, code, v.code))
        .collect();
    if !exact.is_empty() || format != Some(Format::Oney) {
        return exact;
    }
    catalog
        .variants
        .iter()
        .filter(|v| format::code_may_be_cut(code, v.code))
        .collect()
}

fn best_match(
    catalog: &Catalog,
    format: Option<Format>,
    code: &str,
    received: &Received<'_>,
) -> Option<&'static VariantMeta> {
    let all = candidates(catalog, format, code);
    all.iter()
        .copied()
        .find(|m| fits(m, received))
        .or_else(|| all.first().copied())
}

#[cfg(test)]
mod tests {
    use super::same_code;

    #[test]
    fn same_code_is_equality() {
        let texts = [
            "",
            "a",
            "ab",
            "abc",
            "abcd",
            "abcde",
            "used_tok",
            "used_toke",
            "used_token",
            "used_tokem",
            "xsed_token",
            "invalid_charge",
            "invalid_chargf",
            "0123456789abcdef",
            "0123456789abcdeF",
            "0123456789abcdefg",
            "0123456789abcdefh",
            "abcé",
            "abcè",
        ];
        for a in texts {
            for b in texts {
                assert_eq!(same_code(a, b), a == b, "{a:?} {b:?}");
            }
        }
    }
}
