//! Looking a received code up in a derived type's catalog, by the rule of the body's format:
//! how a code received in it names a declared code ([`WireFormat::code_match`](crate::format::WireFormat::code_match)), passed
//! around as `rule(received, declared)`.

use super::{capture, rebuild, Decoder, ReceivedBody, ReceivedEntry};
use crate::format::{CodeMatch, Format};
use crate::model::api_error::ApiError;
use crate::model::catalog::{Catalog, VariantMeta};
use crate::model::received::Received;

/// What a catalog knows of a received code; see [`ReceivedBody::lookup`].
#[derive(Debug, Clone, PartialEq)]
pub struct Lookup<E> {
    /// Every variant the code names by the rule of the body's format
    /// ([`WireFormat::code_match`](crate::format::WireFormat::code_match)), in declaration
    /// order: empty for an unknown code, more than one where the type allows duplicate
    /// codes (or the code may be a cut start of several).
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
    /// Looks the body's code up in `E`'s catalog, by the rule of the body's format among
    /// the built-ins ([`WireFormat::code_match`](crate::format::WireFormat::code_match); a format of your own's rule is asked by
    /// [`ReceivedBody::lookup_with`]). An unknown (or absent) code gives an empty
    /// [`Lookup`], never an error: the body still says what happened.
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
        self.lookup_with(Decoder::built_in())
    }

    /// Looks the body's code up in `E`'s catalog as [`ReceivedBody::lookup`] does, by the
    /// rule of `decoder`'s format of the body's name ([`WireFormat::code_match`](crate::format::WireFormat::code_match)): how a
    /// body a decoder of your own formats read is looked up. A body of a format `decoder`
    /// does not read is looked up by the default rule, the same code.
    ///
    /// ```
    /// use apierror::format::{Body, CodeMatch, Confidence, ParseError, ReadMode, ReceivedBody, WireFormat};
    /// use apierror::parse::{Decoder, ParseOptions};
    /// use apierror::{ApiError, Format};
    /// use serde_json::{Map, Value};
    ///
    /// /// `{"fault":"USED_TOKEN"}`: codes in upper case.
    /// #[derive(Debug)]
    /// struct Loud;
    /// impl WireFormat for Loud {
    ///     fn name(&self) -> &'static str { "loud" }
    ///     fn write(&self, _: &Body<'_>, out: &mut Vec<u8>) { out.extend_from_slice(b"{}") }
    ///     fn detect(&self, object: &Map<String, Value>, _: &str) -> Confidence {
    ///         if object.contains_key("fault") { Confidence::CERTAIN } else { Confidence::NONE }
    ///     }
    ///     fn read(&self, mut object: Map<String, Value>, _: ReadMode) -> Result<ReceivedBody, ParseError> {
    ///         let mut body = ReceivedBody::new(Format::named("loud"));
    ///         body.code = object.remove("fault").and_then(|v| v.as_str().map(str::to_owned));
    ///         Ok(body)
    ///     }
    ///     fn code_match(&self, received: &str, declared: &str) -> CodeMatch {
    ///         CodeMatch::equal(received, &declared.to_ascii_uppercase())
    ///     }
    /// }
    ///
    /// #[derive(Debug, PartialEq, ApiError)]
    /// enum E {
    ///     #[status(400)]
    ///     #[code("used_token")]
    ///     #[message("token was already used")]
    ///     UsedToken,
    /// }
    ///
    /// let decoder = Decoder::new().with_format(Loud)?;
    /// let received = decoder.parse(Some(400), None, br#"{"fault":"USED_TOKEN"}"#, None, &ParseOptions::default())?;
    /// assert_eq!(received.lookup_with::<E>(&decoder).typed, Some(E::UsedToken));
    /// // The built-ins' decoder does not know the format's rule.
    /// assert!(!received.lookup::<E>().is_known());
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn lookup_with<E: ApiError>(&self, decoder: &Decoder) -> Lookup<E> {
        lookup_code(
            rule_of(decoder, Some(self.format)),
            self.code.as_deref(),
            &self.received(),
        )
    }

    /// The variant of `catalog` the body's code names that its message and field fit best:
    /// the first whose constant field (if any) matches and whose message is the default or
    /// has the template's shape; failing that, the first with the code. The code names a
    /// variant by the rule of the body's format ([`WireFormat::code_match`](crate::format::WireFormat::code_match)): in a Google
    /// body it may be the code's `ErrorInfo.reason`; in an Oney body, whose format cuts
    /// codes to `OneyFormat::CODE_MAX` characters, a code of exactly that length also names
    /// the variants whose code starts with it, where none has the code itself.
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
        self.best_match_with(catalog, Decoder::built_in())
    }

    /// [`ReceivedBody::best_match`] by the rule of `decoder`'s format of the body's name;
    /// see [`ReceivedBody::lookup_with`].
    pub fn best_match_with(
        &self,
        catalog: &Catalog,
        decoder: &Decoder,
    ) -> Option<&'static VariantMeta> {
        best_match(
            catalog,
            rule_of(decoder, Some(self.format)),
            self.code.as_deref()?,
            &self.received(),
        )
    }
}

impl ReceivedEntry {
    /// Looks this list entry's code up in `E`'s catalog; see [`ReceivedBody::lookup`].
    pub fn lookup<E: ApiError>(&self) -> Lookup<E> {
        self.lookup_with(Decoder::built_in())
    }

    /// Looks this list entry's code up in `E`'s catalog by the rule of `decoder`'s format
    /// of the entry's; see [`ReceivedBody::lookup_with`].
    pub fn lookup_with<E: ApiError>(&self, decoder: &Decoder) -> Lookup<E> {
        lookup_code(
            rule_of(decoder, self.format),
            self.code.as_deref(),
            &self.received(),
        )
    }
}

/// The rule of the codes of a body of `format`: that of the format `decoder` reads it by,
/// else the default of [`WireFormat::code_match`](crate::format::WireFormat::code_match) (a body of a format the decoder does not
/// read, a list entry of no format).
fn rule_of(decoder: &Decoder, format: Option<Format>) -> impl Fn(&str, &str) -> CodeMatch + '_ {
    let wire = format.and_then(|f| decoder.format(f));
    move |received: &str, declared: &str| match wire {
        Some(wire) => wire.code_match(received, declared),
        None => CodeMatch::equal(received, declared),
    }
}

/// The variant the code names by `rule` that the received text fits best, and the typed
/// value: what [`lookup_code`] finds, without collecting the candidates (the client's hot
/// path, see `benches/client.rs`, where `rule` is the Omise format's, called without the
/// vtable and inlined).
pub(crate) fn find<E: ApiError>(
    rule: impl Fn(&str, &str) -> CodeMatch,
    code: &str,
    received: &Received<'_>,
) -> (Option<&'static VariantMeta>, Option<E>) {
    let variants = E::catalog().variants;
    // One scan to the first variant the code names exactly, noting the first it may name;
    // the candidates start there.
    let mut first_possible = None;
    let mut first_exact = None;
    for (at, v) in variants.iter().enumerate() {
        match rule(code, v.code) {
            CodeMatch::Exact => {
                first_exact = Some(at);
                break;
            }
            CodeMatch::Possible if first_possible.is_none() => first_possible = Some(at),
            _ => {}
        }
    }
    let (at, kind) = match (first_exact, first_possible) {
        (Some(at), _) => (at, CodeMatch::Exact),
        // Possible matches count only where no variant is an exact one.
        (None, Some(at)) => (at, CodeMatch::Possible),
        (None, None) => return (None, None),
    };
    let is_candidate = |v: &&'static VariantMeta| rule(code, v.code) == kind;
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
    rule: impl Fn(&str, &str) -> CodeMatch,
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
    let (meta, typed) = find::<E>(&rule, code, received);
    Lookup {
        candidates: candidates(catalog, &rule, code),
        meta,
        typed,
    }
}

/// The variants of `catalog` that `code` names exactly by `rule`; where there is none,
/// those it possibly names.
fn candidates(
    catalog: &Catalog,
    rule: impl Fn(&str, &str) -> CodeMatch,
    code: &str,
) -> Vec<&'static VariantMeta> {
    let mut exact = Vec::new();
    let mut possible = Vec::new();
    for v in catalog.variants {
        match rule(code, v.code) {
            CodeMatch::Exact => exact.push(v),
            CodeMatch::Possible if exact.is_empty() => possible.push(v),
            _ => {}
        }
    }
    if exact.is_empty() {
        possible
    } else {
        exact
    }
}

fn best_match(
    catalog: &Catalog,
    rule: impl Fn(&str, &str) -> CodeMatch,
    code: &str,
    received: &Received<'_>,
) -> Option<&'static VariantMeta> {
    let all = candidates(catalog, rule, code);
    all.iter()
        .copied()
        .find(|m| fits(m, received))
        .or_else(|| all.first().copied())
}
