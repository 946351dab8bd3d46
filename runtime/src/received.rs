//! Rebuilding a typed variant from a body received on the client side.
//!
//! The derive generates [`ApiError::from_received`](crate::ApiError::from_received): for the
//! variant a code names, it reads each field back from what the body carries: a placeholder
//! of the message template, the Oney `field`, or the message itself for a `#[message]`
//! override. A field that cannot be read back makes the variant unbuildable (`None`), never
//! an error: the caller still has the code and its metadata.

use std::marker::PhantomData;
use std::str::FromStr;

/// A piece of a message template, kept in [`VariantMeta::pieces`](crate::VariantMeta::pieces)
/// so that a received message can be matched against it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum TemplatePiece {
    /// Literal text.
    Literal(&'static str),
    /// A placeholder: the field's name (`"min"`, or `"0"` in a tuple variant).
    Field(&'static str),
}

/// What a received error body carries that a variant's fields can be read back from.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Received<'a> {
    /// The message (`message`, `detail` or `error_label`).
    pub message: Option<&'a str>,
    /// The Oney `field`.
    pub field: Option<&'a str>,
}

/// The values of a template's placeholders in `message`, by field name; `None` when the
/// message does not have the template's shape.
///
/// ```
/// use apierror::{capture, TemplatePiece::{Field, Literal}};
/// let pieces = [Literal("amount must be at least "), Field("min"), Literal(" "), Field("currency")];
/// let captured = capture(&pieces, "amount must be at least 2000 thb").unwrap();
/// assert_eq!(captured, [("min", "2000"), ("currency", "thb")]);
/// assert!(capture(&pieces, "something else").is_none());
/// ```
pub fn capture<'m>(
    pieces: &[TemplatePiece],
    message: &'m str,
) -> Option<Vec<(&'static str, &'m str)>> {
    let mut captured = Vec::new();
    matches(pieces, message, &mut captured).then_some(captured)
}

/// Matches `pieces` against all of `text`, each placeholder taking the shortest text after
/// which the rest still matches.
fn matches<'m>(
    pieces: &[TemplatePiece],
    text: &'m str,
    captured: &mut Vec<(&'static str, &'m str)>,
) -> bool {
    match pieces.split_first() {
        None => text.is_empty(),
        Some((TemplatePiece::Literal(literal), rest)) => text
            .strip_prefix(literal)
            .is_some_and(|tail| matches(rest, tail, captured)),
        Some((TemplatePiece::Field(name), rest)) => {
            let mark = captured.len();
            for (end, _) in text.char_indices().chain([(text.len(), ' ')]) {
                captured.push((name, &text[..end]));
                if matches(rest, &text[end..], captured) {
                    return true;
                }
                captured.truncate(mark);
            }
            false
        }
    }
}

/// The value captured for `name`.
pub fn captured<'m>(captured: &[(&'static str, &'m str)], name: &str) -> Option<&'m str> {
    captured.iter().find(|(n, _)| *n == name).map(|(_, v)| *v)
}

/// Turns received text into a field's type, choosing at compile time the best way the type
/// supports (autoref specialization): `From<String>` (String, `Cow<'static, str>`, `Box<str>`),
/// then `FromStr` (numbers, `bool`, `char`, addresses), else no way (`None`).
pub struct Parse<T>(PhantomData<T>);

impl<T> Parse<T> {
    /// A parser for `T`.
    #[allow(clippy::new_without_default)]
    pub const fn new() -> Self {
        Parse(PhantomData)
    }
}

/// Tier 1 of [`Parse`]: types built from an owned `String`.
pub trait ParseFromString<T> {
    /// The value of `text`, if `T` can hold it.
    fn parse_text(&self, text: &str) -> Option<T>;
}

impl<T: From<String>> ParseFromString<T> for &&Parse<T> {
    fn parse_text(&self, text: &str) -> Option<T> {
        Some(T::from(text.to_owned()))
    }
}

/// Tier 2 of [`Parse`]: types with `FromStr`.
pub trait ParseFromStr<T> {
    /// The value of `text`, if it parses.
    fn parse_text(&self, text: &str) -> Option<T>;
}

impl<T: FromStr> ParseFromStr<T> for &Parse<T> {
    fn parse_text(&self, text: &str) -> Option<T> {
        text.trim().parse().ok()
    }
}

/// Tier 3 of [`Parse`]: a type that cannot be read from text (`&'static str`, an error
/// source) makes its variant unbuildable.
pub trait ParseUnsupported<T> {
    /// Always `None`.
    fn parse_text(&self, text: &str) -> Option<T>;
}

impl<T> ParseUnsupported<T> for Parse<T> {
    fn parse_text(&self, _text: &str) -> Option<T> {
        None
    }
}

#[cfg(test)]
// The borrows are the point: they pick the tier, as generated code does.
#[allow(clippy::needless_borrow)]
mod tests {
    use super::*;
    use std::borrow::Cow;
    use TemplatePiece::{Field, Literal};

    #[test]
    fn tiers_pick_the_best_parser() {
        assert_eq!(
            (&&&Parse::<String>::new()).parse_text("a b"),
            Some("a b".to_owned())
        );
        assert_eq!(
            (&&&Parse::<Cow<'static, str>>::new()).parse_text("x"),
            Some(Cow::Borrowed("x"))
        );
        assert_eq!((&&&Parse::<u64>::new()).parse_text(" 42 "), Some(42));
        assert_eq!((&&&Parse::<u64>::new()).parse_text("4x"), None);
        assert_eq!((&&&Parse::<&'static str>::new()).parse_text("x"), None);
        assert_eq!(
            (&&&Parse::<std::io::Error>::new())
                .parse_text("x")
                .map(|_| ()),
            None
        );
    }

    #[test]
    fn captures_shortest_match_that_fits() {
        let pieces = [Field("a"), Literal(" and "), Field("b")];
        assert_eq!(
            capture(&pieces, "x and y and z").unwrap(),
            [("a", "x"), ("b", "y and z")]
        );
        assert_eq!(capture(&[], "").unwrap(), []);
        assert!(capture(&[], "x").is_none());
        let unicode = [Literal("é"), Field("v"), Literal("ü")];
        assert_eq!(capture(&unicode, "éトüü").unwrap(), [("v", "トü")]);
    }
}
