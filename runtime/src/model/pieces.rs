//! How generated code writes a message: piece by piece into a [`MessageSink`], or from the
//! variant's tables. Reached through `__private` only.

use core::fmt;

use crate::model::api_error::ApiError;
use crate::model::catalog::{TemplatePiece, VariantMeta};
use crate::model::message::MessageSink;
use crate::model::parts::JsonParts;

/// One piece of a message, as generated `write_message` passes it to [`write_pieces`].
#[doc(hidden)]
pub enum Piece<'a> {
    /// A literal part and its JSON-escaped form.
    Literal(&'static str, &'static str),
    /// An interpolated value.
    Value(&'a dyn fmt::Display),
    /// An interpolated value that is text already.
    Text(&'a str),
}

/// Writes `pieces` in order into `out`, stopping at the first error.
///
/// Generated code calls this once per templated variant rather than one `?` per piece:
/// one call type-checks faster than a chain, which matters in an enum of many variants.
#[doc(hidden)]
pub fn write_pieces(out: &mut dyn MessageSink, pieces: &[Piece<'_>]) -> fmt::Result {
    for piece in pieces {
        match piece {
            Piece::Literal(text, json_escaped) => out.literal(text, json_escaped)?,
            Piece::Value(value) => out.value(*value)?,
            Piece::Text(text) => out.text(text)?,
        }
    }
    Ok(())
}

/// Writes a message from the variant's tables: the derive's one arm of `write_message` for
/// every variant whose message it leaves to them, so that `write_message` holds an arm only
/// for the others (a format spec, a field that replaces the message, a literal that JSON
/// escapes, a field printed twice or one that is a `#[source]`, or no template at all).
///
/// - A message known at compile time (a template without placeholders): its text and the
///   copy the derive escaped.
/// - A template: its literals, which need no escaping, and its fields' values, which
///   [`ApiError::for_each_value`] gives in the order the template first prints them, one
///   call for the whole message. Each field is printed once, so the values come in the
///   order of the template's placeholders.
#[doc(hidden)]
pub fn write_message_from_tables(
    out: &mut dyn MessageSink,
    err: &dyn ApiError,
    meta: &'static VariantMeta,
    parts: &'static JsonParts,
) -> fmt::Result {
    match (meta.pieces, parts.message) {
        ([], Some(_)) => Ok(()),
        ([TemplatePiece::Literal(text)], Some(json_escaped)) => out.literal(text, json_escaped),
        (pieces, None) => write_plain_template(out, err, pieces),
        // Not a message of the tables: the derive never sends one here.
        _ => Err(fmt::Error),
    }
}

/// Writes `pieces`, a template the derive left to the tables (see
/// [`write_message_from_tables`]), with the values of `err`'s fields.
fn write_plain_template(
    out: &mut dyn MessageSink,
    err: &dyn ApiError,
    pieces: &'static [TemplatePiece],
) -> fmt::Result {
    // The literals up to the next placeholder, and that placeholder's field.
    fn literals_then_field(
        out: &mut dyn MessageSink,
        rest: &mut core::slice::Iter<'static, TemplatePiece>,
    ) -> Result<Option<&'static str>, fmt::Error> {
        for piece in rest.by_ref() {
            match piece {
                // A literal of these needs no escaping: it is its own escaped copy.
                TemplatePiece::Literal(text) => out.literal(text, text)?,
                TemplatePiece::Field(name) => return Ok(Some(name)),
            }
        }
        Ok(None)
    }
    let mut rest = pieces.iter();
    let mut result = Ok(());
    err.for_each_value(&mut |name, value| {
        if result.is_ok() {
            result = match literals_then_field(out, &mut rest) {
                Ok(Some(field)) if field == name => out.value(value),
                // The values and the placeholders disagree: not a template of the tables.
                Ok(_) => Err(fmt::Error),
                Err(err) => Err(err),
            };
        }
    });
    result?;
    match literals_then_field(out, &mut rest)? {
        None => Ok(()),
        // A placeholder no value answered.
        Some(_) => Err(fmt::Error),
    }
}
