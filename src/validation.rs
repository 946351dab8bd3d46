//! Validation failures: every invalid field of a request in one error response, in the
//! API's own format.
//!
//! A [`ValidationFailure`] is a catalog error of yours (its *summary*: status, code, title
//! and message; [`InvalidFields`] by default) carrying the [`FieldViolation`]s a validator
//! reported. Each format writes the summary where it writes an error and lists the
//! violations where it has a list, each with its path in the format's own notation
//! (`/items/2/sku` in a problem's `errors`, `items[2].sku` in Oney's `field`, …); the
//! summary is not repeated among them. A format without a list (Omise, Stripe) writes the
//! summary with the first violation.
//!
//! Where failures come from:
//!
//! - the `validator` crate (feature `validator`): `ValidationFailure::from(&errors)`, every
//!   error of every field, nested structs and lists included (module `validation::validator`);
//! - the `garde` crate (feature `garde`): `ValidationFailure::from(&report)` (module
//!   `validation::garde`);
//! - the validated extractors of the integrations, `Valid<X>` and `Garde<X>` (`X` the
//!   framework's `Json`, `Query`, `Form` or `Path`), which also answer a value that does not
//!   deserialize with the field it is about;
//! - your own checks: [`ValidationFailure::new`] of [`FieldViolation`]s.
//!
//! A handler returns a failure as it returns a derived error (`Result<T, ValidationFailure>`):
//! the axum layer or actix-web middleware answers it with the request's context in the
//! negotiated format, and under the server's own summary where one is set
//! (`ApiErrorLayer::validation_summary`, `ErrorConfig::validation_summary`); the default
//! summary is [`InvalidFields`], 422 `validation_failed`.
//!
//! ```
//! use apierror::validation::ValidationFailure;
//! use apierror::{FieldPath, FieldViolation, Format, Renderer, RequestContext, Rule};
//!
//! let failure = ValidationFailure::new([FieldViolation::new(
//!     FieldPath::new().key("items").index(2).key("sku"),
//!     "length",
//!     Rule::Length { min: Some(3), max: None, equal: None },
//! )]);
//! let res = Renderer::default().response(Format::Problem, &failure, &RequestContext::new());
//! assert_eq!(res.status(), 422);
//! // `about:blank`: the title is the status's reason phrase, as `http` spells it.
//! assert_eq!(
//!     std::str::from_utf8(res.body()).unwrap(),
//!     r#"{"type":"about:blank","title":"Unprocessable Entity","status":422,"detail":"the request has invalid fields","code":"validation_failed","errors":[{"code":"length","detail":"must be at least 3 characters","pointer":"/items/2/sku"}]}"#
//! );
//! ```

use core::fmt;
use std::sync::{Arc, OnceLock};

use apierror_runtime::private::JsonParts;
use apierror_runtime::{
    ApiError, Catalog, FieldPath, FieldViolation, MessageSink, VariantMeta, Violations,
    MAX_VIOLATIONS,
};
use http::StatusCode;

#[cfg(all(
    any(feature = "validator", feature = "garde"),
    any(feature = "axum", feature = "actix-web")
))]
pub(crate) mod extract;
#[cfg(feature = "garde")]
pub mod garde;
mod invalid_fields;
#[cfg(any(feature = "axum", feature = "actix-web"))]
mod responses;
// Used by the validated extractors.
#[cfg_attr(
    not(all(
        any(feature = "validator", feature = "garde"),
        any(feature = "axum", feature = "actix-web")
    )),
    allow(dead_code)
)]
pub(crate) mod serde_error;
#[cfg(feature = "validator")]
pub mod validator;
#[cfg(any(feature = "validator", feature = "garde"))]
mod wrappers;

pub use invalid_fields::InvalidFields;
#[cfg(feature = "garde")]
pub use wrappers::Garde;
#[cfg(feature = "validator")]
pub use wrappers::Valid;

/// A validation failure: a summary error of your catalog and the invalid fields under it,
/// at most [`MAX_VIOLATIONS`] of them (the rest counted as omitted).
///
/// It renders like the summary (status, code, title, message), with the violations as the
/// body's entries ([`Body::entries`](crate::format::Body::entries)).
#[derive(Clone)]
pub struct ValidationFailure {
    summary: Arc<dyn ApiError + Send + Sync>,
    violations: Vec<FieldViolation>,
    omitted: usize,
}

impl ValidationFailure {
    /// The failure of `violations` under the default summary, [`InvalidFields`].
    pub fn new(violations: impl IntoIterator<Item = FieldViolation>) -> Self {
        let (kept, omitted) = capped(violations);
        Self::from_parts(kept, omitted)
    }

    /// The failure of `kept` (at most [`MAX_VIOLATIONS`]) and `omitted` more under the
    /// default summary, shared by every such failure rather than allocated for each.
    pub(crate) fn from_parts(kept: Vec<FieldViolation>, omitted: usize) -> Self {
        static DEFAULT: OnceLock<Arc<dyn ApiError + Send + Sync>> = OnceLock::new();
        let summary = DEFAULT.get_or_init(|| Arc::new(InvalidFields));
        debug_assert!(kept.len() <= MAX_VIOLATIONS);
        ValidationFailure {
            summary: Arc::clone(summary),
            violations: kept,
            omitted,
        }
    }

    /// The failure of `violations` under `summary`, an error of your own catalog.
    pub fn with_summary<E>(summary: E, violations: impl IntoIterator<Item = FieldViolation>) -> Self
    where
        E: ApiError + Send + Sync + 'static,
    {
        let (kept, omitted) = capped(violations);
        ValidationFailure {
            summary: Arc::new(summary),
            violations: kept,
            omitted,
        }
    }

    /// The same violations under another summary.
    #[must_use]
    pub fn summarized_by<E>(mut self, summary: E) -> Self
    where
        E: ApiError + Send + Sync + 'static,
    {
        self.summary = Arc::new(summary);
        self
    }

    /// The summary error.
    pub fn summary(&self) -> &(dyn ApiError + Send + Sync) {
        &*self.summary
    }

    /// The violations kept.
    pub fn list(&self) -> &[FieldViolation] {
        &self.violations
    }

    /// How many violations were left out beyond [`MAX_VIOLATIONS`].
    pub fn omitted(&self) -> usize {
        self.omitted
    }
}

/// The first [`MAX_VIOLATIONS`] of `violations`, and how many more there were.
fn capped(violations: impl IntoIterator<Item = FieldViolation>) -> (Vec<FieldViolation>, usize) {
    let violations = violations.into_iter();
    let mut kept = Vec::with_capacity(violations.size_hint().0.min(MAX_VIOLATIONS));
    let mut omitted = 0;
    for violation in violations {
        if kept.len() < MAX_VIOLATIONS {
            kept.push(violation);
        } else {
            omitted += 1;
        }
    }
    (kept, omitted)
}

impl fmt::Debug for ValidationFailure {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("ValidationFailure")
            .field("summary", &self.summary.code())
            .field("violations", &self.violations)
            .field("omitted", &self.omitted)
            .finish()
    }
}

/// The summary's message, then each violation as `path: message`: the log line's text.
impl fmt::Display for ValidationFailure {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        fmt::Display::fmt(&apierror_runtime::Message::new(self.summary()), f)?;
        for v in &self.violations {
            let path = v.path().display(apierror_runtime::Notation::Dotted);
            write!(f, "; {path}: {}", apierror_runtime::Message::new(v))?;
        }
        Ok(())
    }
}

impl std::error::Error for ValidationFailure {}

/// The methods of [`ApiError`] that say what the summary says, forwarded to `self.summary`.
macro_rules! forward_to_summary {
    () => {
        fn write_message(&self, out: &mut dyn MessageSink) -> fmt::Result {
            self.summary.write_message(out)
        }

        fn has_message_in(&self, lang: &str) -> bool {
            self.summary.has_message_in(lang)
        }

        fn write_message_in(&self, lang: &str, out: &mut dyn MessageSink) -> Option<fmt::Result> {
            self.summary.write_message_in(lang, out)
        }

        fn json_parts(&self) -> Option<&'static JsonParts> {
            self.summary.json_parts()
        }

        fn write_json_rest(&self, out: &mut Vec<u8>) -> fmt::Result {
            self.summary.write_json_rest(out)
        }

        fn write_json_rest_in(&self, index: usize, out: &mut Vec<u8>) -> fmt::Result {
            self.summary.write_json_rest_in(index, out)
        }

        fn for_each_value(&self, visit: &mut dyn FnMut(&'static str, &dyn fmt::Display)) {
            self.summary.for_each_value(visit)
        }

        fn field(&self) -> Option<&dyn fmt::Display> {
            self.summary.field()
        }

        fn field_text(&self) -> Option<&str> {
            self.summary.field_text()
        }

        fn field_path(&self) -> Option<&FieldPath> {
            self.summary.field_path()
        }

        fn status(&self) -> StatusCode {
            self.summary.status()
        }

        fn code(&self) -> &'static str {
            self.summary.code()
        }

        fn title(&self) -> &'static str {
            self.summary.title()
        }

        fn write_public_message(&self, out: &mut dyn MessageSink) -> fmt::Result {
            self.summary.write_public_message(out)
        }

        fn write_public_message_in(
            &self,
            lang: &str,
            out: &mut dyn MessageSink,
        ) -> Option<fmt::Result> {
            self.summary.write_public_message_in(lang, out)
        }
    };
}

/// Everything the summary says, and the violations.
impl ApiError for ValidationFailure {
    fn catalog() -> &'static Catalog {
        InvalidFields::catalog()
    }

    fn meta(&self) -> &'static VariantMeta {
        self.summary.meta()
    }

    fn violations(&self) -> Violations<'_> {
        Violations {
            list: &self.violations,
            omitted: self.omitted,
        }
    }

    forward_to_summary!();
}

/// A failure whose summary the server chose apart from the one it was made with (the
/// integrations' `validation_summary`): that summary, the same violations. Built on the
/// stack where a failure is answered.
#[cfg_attr(not(any(feature = "axum", feature = "actix-web")), allow(dead_code))]
pub(crate) struct Summarized<'a> {
    pub(crate) summary: &'a dyn ApiError,
    pub(crate) violations: Violations<'a>,
}

impl ApiError for Summarized<'_> {
    fn catalog() -> &'static Catalog {
        InvalidFields::catalog()
    }

    fn meta(&self) -> &'static VariantMeta {
        self.summary.meta()
    }

    fn violations(&self) -> Violations<'_> {
        self.violations
    }

    forward_to_summary!();
}
