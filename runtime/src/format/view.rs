//! Helpers of the `Serialize` views: text written through `Display` so that serde's
//! `collect_str` streams it without an intermediate `String` where the serializer allows.

use core::fmt;

use serde::ser::{Serialize, Serializer};

use crate::format::json;
use crate::model::api_error::ApiError;
use crate::model::field_path::{FieldPath, Notation};
use crate::model::message::PlainSink;

/// Serializes a `Display` as a string.
pub(crate) struct Collect<'a>(pub &'a dyn fmt::Display);

impl Serialize for Collect<'_> {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.collect_str(self.0)
    }
}

/// The message that may go on the wire ([`ApiError::write_public_message`]) in a language,
/// as text.
pub(crate) struct PublicMessage<'a> {
    pub err: &'a dyn ApiError,
    pub lang: &'a str,
}

impl fmt::Display for PublicMessage<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        crate::format::json::public_message_in(self.err, self.lang, &mut PlainSink(f))
    }
}

/// A `Display` cut to at most `max` characters, at a char boundary.
pub(crate) struct Limited<'a> {
    pub text: &'a dyn fmt::Display,
    pub max: usize,
}

impl fmt::Display for Limited<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        struct Cut<'f, 'g> {
            f: &'f mut fmt::Formatter<'g>,
            remaining: usize,
        }
        impl fmt::Write for Cut<'_, '_> {
            fn write_str(&mut self, s: &str) -> fmt::Result {
                if self.remaining == 0 {
                    return Ok(());
                }
                let cut = s
                    .char_indices()
                    .nth(self.remaining)
                    .map_or(s.len(), |(at, _)| at);
                self.remaining -= s[..cut].chars().count();
                self.f.write_str(&s[..cut])
            }
        }
        fmt::write(
            &mut Cut {
                f,
                remaining: self.max,
            },
            format_args!("{}", self.text),
        )
    }
}

/// An error's field as a format writes it: its path ([`ApiError::field_path`]) in the
/// format's notation, else its declared field ([`ApiError::field`]) as it is. The writers
/// escape it with [`FieldText::write_escaped`], the views serialize it through [`Collect`],
/// so both write the same text.
#[derive(Clone, Copy)]
pub(crate) enum FieldText<'a> {
    /// A path, in a notation.
    Path(&'a FieldPath, Notation),
    /// A declared field.
    Declared(&'a dyn fmt::Display),
    /// A declared field that is text already ([`ApiError::field_text`]).
    Text(&'a str),
}

impl<'a> FieldText<'a> {
    /// The field of `err` in `notation`, if it has one.
    #[inline]
    pub(crate) fn of(err: &'a dyn ApiError, notation: Notation) -> Option<Self> {
        if let Some(path) = err.field_path() {
            return Some(FieldText::Path(path, notation));
        }
        match err.field_text() {
            Some(text) => Some(FieldText::Text(text)),
            None => err.field().map(FieldText::Declared),
        }
    }

    /// Appends it escaped for the inside of a JSON string, at most `max` characters where
    /// given: text is escaped as it is, anything else through what it displays.
    #[inline]
    pub(crate) fn write_escaped(&self, out: &mut Vec<u8>, max: Option<usize>) {
        match (self, max) {
            (FieldText::Text(text), None) => json::escape_str(out, text),
            _ => json::write_display(out, self, max),
        }
    }

    /// Whether it is a path (a problem's `pointer`) rather than a declared field (`field`).
    pub(crate) fn is_path(&self) -> bool {
        matches!(self, FieldText::Path(..))
    }
}

impl fmt::Display for FieldText<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            FieldText::Path(path, notation) => fmt::Display::fmt(&path.display(*notation), f),
            FieldText::Declared(field) => field.fmt(f),
            FieldText::Text(text) => f.write_str(text),
        }
    }
}
