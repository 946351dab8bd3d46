//! Looking a received code up in a derived type's catalog.

use super::{capture, rebuild, ReceivedBody, ReceivedEntry};
use crate::parse::Received;
use crate::{format, ApiError, Catalog, Format, VariantMeta};

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
    // One scan to the first variant the code names; the candidates start there.
    let first_exact = variants.iter().position(|v| names(format, code, v.code));
    let oney = format == Some(Format::Oney);
    let (from, exact) = match first_exact {
        Some(at) => (at, true),
        None => (0, false),
    };
    let is_candidate = |v: &&'static VariantMeta| {
        if exact {
            names(format, code, v.code)
        } else {
            oney && format::code_may_be_cut(code, v.code)
        }
    };
    let candidates = variants[from..].iter().filter(is_candidate);
    let Some(first) = candidates.clone().next() else {
        return (None, None);
    };
    let meta = candidates
        .clone()
        .find(|m| fits(m, received))
        .unwrap_or(first);
    // Another candidate is tried only where the received text fits it too: a unit variant
    // rebuilds from any text, and must not stand in for a variant whose fields the body
    // lacks.
    let typed = E::from_received(meta, received).or_else(|| {
        candidates
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
        _ => received == code,
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
