//! Looking a received code up in a derived type's catalog.

use super::{ReceivedBody, ReceivedEntry};
use crate::{capture, ApiError, Catalog, Received, VariantMeta};

/// What a catalog knows of a received code; see [`ReceivedBody::lookup`].
#[derive(Debug, Clone, PartialEq)]
pub struct Lookup<E> {
    /// Every variant with the code, in declaration order: empty for an unknown code, more
    /// than one where the type allows duplicate codes.
    pub candidates: Vec<&'static VariantMeta>,
    /// The candidate the received message and field fit best (see [`best_match`]).
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
        lookup_code(self.code.as_deref(), &self.received())
    }
}

impl ReceivedEntry {
    /// Looks this list entry's code up in `E`'s catalog; see [`ReceivedBody::lookup`].
    pub fn lookup<E: ApiError>(&self) -> Lookup<E> {
        lookup_code(self.code.as_deref(), &self.received())
    }
}

fn lookup_code<E: ApiError>(code: Option<&str>, received: &Received<'_>) -> Lookup<E> {
    let catalog = E::catalog();
    let Some(code) = code else {
        return Lookup {
            candidates: Vec::new(),
            meta: None,
            typed: None,
        };
    };
    let candidates = candidates(catalog, code);
    let meta = best_match(catalog, code, received);
    // The best match first, then the others: a template that fits decides the variant.
    let typed = meta
        .into_iter()
        .chain(candidates.iter().copied())
        .find_map(|m| E::from_received(m, received));
    Lookup {
        candidates,
        meta,
        typed,
    }
}

/// The variants of `catalog` with `code`; where there is none and `code` is as long as an
/// Oney `error_code` may be, those whose code it is the start of: the Oney format cuts
/// longer codes, so a received `backend_er` stands for `backend_error`.
pub fn candidates(catalog: &Catalog, code: &str) -> Vec<&'static VariantMeta> {
    let exact: Vec<_> = catalog.find_all(code).collect();
    if !exact.is_empty() || code.chars().count() != crate::oney::CODE_MAX {
        return exact;
    }
    catalog
        .variants
        .iter()
        .filter(|v| v.code.starts_with(code))
        .collect()
}

/// The variant of `catalog` with `code` (see [`candidates`]) that the received message and
/// field fit best: the first whose constant field (if any) matches and whose message is
/// the default or has the template's shape; failing that, the first with the code.
///
/// ```
/// use apierror::parse::best_match;
/// use apierror::{ApiError, Received};
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
/// let received = Received { message: Some("Unknown business transaction X1"), field: None };
/// let meta = best_match(E::catalog(), "ERR_07", &received).unwrap();
/// assert_eq!(meta.name, "UnknownTransaction");
/// ```
pub fn best_match(
    catalog: &Catalog,
    code: &str,
    received: &Received<'_>,
) -> Option<&'static VariantMeta> {
    let fits = |m: &&'static VariantMeta| {
        let field_fits = match (m.field, received.field) {
            (Some(constant), Some(got)) => constant == got,
            _ => true,
        };
        let message_fits = match received.message {
            Some(message) => {
                m.message == Some(message)
                    || (!m.pieces.is_empty() && capture(m.pieces, message).is_some())
            }
            None => true,
        };
        field_fits && message_fits
    };
    let all = candidates(catalog, code);
    all.iter()
        .copied()
        .find(fits)
        .or_else(|| all.first().copied())
}
