//! [`FieldViolation`]: one invalid field of a request, as a validator reports it (path,
//! code, message), and [`Violations`], the list a validation failure carries.
//!
//! A violation is an [`ApiError`] of its own, so every format writes it with the same
//! writers as a declared error; a body whose error carries violations lists them as its
//! entries ([`Body::entries`](crate::format::Body::entries)) under that error, which is not
//! repeated among them.

use std::borrow::Cow;

use crate::model::field_path::FieldPath;
use crate::model::rule::Rule;

/// Most violations a validation failure keeps; the rest are counted
/// ([`Violations::omitted`]), so a request with thousands of invalid fields gets a body of
/// bounded size, written in bounded time.
pub const MAX_VIOLATIONS: usize = 100;

/// One invalid field of a request: where it is, the validator's code (`length`, `email`, or
/// a code of your own) and the message.
///
/// The message is the validator's own where it gave one, in the catalog's default
/// language; otherwise a readable default built from the [`Rule`] and its parameters
/// ("must be at least 3 characters"), in English, Thai or Japanese as the body's language
/// asks.
///
/// ```
/// use apierror::{ApiError, FieldPath, FieldViolation, Notation, Rule};
///
/// let v = FieldViolation::new(
///     FieldPath::new().key("items").index(2).key("sku"),
///     "length",
///     Rule::Length { min: Some(3), max: None, equal: None },
/// );
/// assert_eq!(v.code(), "length");
/// assert_eq!(v.path().display(Notation::Dotted).to_string(), "items[2].sku");
/// assert_eq!(apierror::Message::new(&v).to_string(), "must be at least 3 characters");
/// assert!(v.has_message_in("th"));
/// ```
#[derive(Debug, Clone, PartialEq)]
pub struct FieldViolation {
    pub(crate) path: FieldPath,
    pub(crate) code: Cow<'static, str>,
    pub(crate) rule: Rule,
    /// The validator's own message, which replaces the rule's defaults.
    pub(crate) message: Option<Cow<'static, str>>,
}

impl FieldViolation {
    /// The violation of `rule` at `path`, reported under `code`.
    pub fn new(path: FieldPath, code: impl Into<Cow<'static, str>>, rule: Rule) -> Self {
        FieldViolation {
            path,
            code: code.into(),
            rule,
            message: None,
        }
    }

    /// The same violation with the validator's own message, written in place of the
    /// rule's default in every language.
    #[must_use]
    pub fn with_message(mut self, message: impl Into<Cow<'static, str>>) -> Self {
        self.message = Some(message.into());
        self
    }

    /// Where the invalid field is.
    pub fn path(&self) -> &FieldPath {
        &self.path
    }

    /// The validator's code, as given (also where it is not `'static`, which
    /// [`ApiError::code`](crate::ApiError::code) needs: that answers `invalid` for such a
    /// code).
    pub fn code_text(&self) -> &str {
        &self.code
    }

    /// The rule the field broke.
    pub fn rule(&self) -> &Rule {
        &self.rule
    }

    /// The validator's own message, if it gave one.
    pub fn message_text(&self) -> Option<&str> {
        self.message.as_deref()
    }
}

/// The violations a validation failure carries
/// ([`ApiError::violations`](crate::ApiError::violations)): at most
/// [`MAX_VIOLATIONS`], and how many more there were.
#[derive(Debug, Clone, Copy, Default)]
pub struct Violations<'a> {
    /// The violations kept, in the order the validator reported them.
    pub list: &'a [FieldViolation],
    /// How many more the validator reported and the failure left out.
    pub omitted: usize,
}

impl Violations<'_> {
    /// None: what an error that is not a validation failure carries.
    pub const NONE: Violations<'static> = Violations {
        list: &[],
        omitted: 0,
    };

    /// Whether there are none.
    pub fn is_empty(&self) -> bool {
        self.list.is_empty()
    }
}
