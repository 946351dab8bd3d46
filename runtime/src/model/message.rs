//! Messages are written piece by piece into a [`MessageSink`], so that a wire format can copy
//! the template's literal parts pre-escaped and escape only the interpolated values.

use core::fmt;

/// Receives a message as a sequence of literal parts and interpolated values.
///
/// The derive generates `write_message` as one call per template piece. A sink that writes
/// JSON copies `json_escaped` as is and escapes only what `value` prints; a sink that writes
/// plain text ignores `json_escaped`.
pub trait MessageSink {
    /// A literal part of the template; `json_escaped` is the same text already escaped for a
    /// JSON string at compile time.
    fn literal(&mut self, text: &'static str, json_escaped: &'static str) -> fmt::Result;

    /// An interpolated value, printed with its `Display` (or the template's format spec).
    fn value(&mut self, value: &dyn fmt::Display) -> fmt::Result;

    /// An interpolated value that is text already (a `String` or `&str` field without a
    /// format spec): the same as [`MessageSink::value`] of it, without the formatting
    /// machinery. The derive calls this for fields whose type is plainly text.
    fn text(&mut self, value: &str) -> fmt::Result {
        self.value(&value)
    }
}

/// Writes a message as plain text into a [`fmt::Formatter`] or any [`fmt::Write`].
pub(crate) struct PlainSink<'w, W: fmt::Write + ?Sized>(pub(crate) &'w mut W);

impl<W: fmt::Write + ?Sized> MessageSink for PlainSink<'_, W> {
    fn literal(&mut self, text: &'static str, _json_escaped: &'static str) -> fmt::Result {
        self.0.write_str(text)
    }

    fn value(&mut self, value: &dyn fmt::Display) -> fmt::Result {
        self.0.write_fmt(format_args!("{value}"))
    }

    fn text(&mut self, value: &str) -> fmt::Result {
        self.0.write_str(value)
    }
}
