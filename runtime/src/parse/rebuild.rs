//! Rebuilding a typed variant from a body received on the client side: [`capture`] reads a
//! message against a variant's template, and generated code reads fields through
//! [`Rebuild`].
//!
//! The derive generates [`ApiError::from_received`](crate::ApiError::from_received): for the
//! variant a code names, it reads each field back from what the body carries: a placeholder
//! of the message template, the Oney `field`, or the message itself for a `#[message]`
//! override. A field that cannot be read back makes the variant unbuildable (`None`), never
//! an error: the caller still has the code and its metadata.

use std::borrow::Cow;
use std::cell::Cell;
use std::rc::Rc;
use std::sync::Arc;

use crate::model::catalog::{TemplatePiece, VariantMeta};
pub use crate::model::received::Received;

/// The values of a template's placeholders in `message`, by field name; `None` when the
/// message does not have the template's shape.
///
/// ```
/// use apierror::parse::{capture, TemplatePiece::{Field, Literal}};
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
    let mut failed = Failed::new(pieces.len(), message.len());
    matches(pieces, 0, message, 0, &mut captured, &mut failed).then_some(captured)
}

/// The (piece, offset) states already known not to match: whether `pieces[i..]` matches
/// `text[at..]` does not depend on what was captured before, so each state is tried once.
/// Without this, a hostile message against a template with several placeholders took time
/// exponential in their number.
struct Failed {
    bits: Vec<u64>,
    stride: usize,
}

impl Failed {
    fn new(pieces: usize, len: usize) -> Self {
        let stride = len + 1;
        Failed {
            bits: vec![0; (pieces * stride).div_ceil(64)],
            stride,
        }
    }

    fn index(&self, piece: usize, at: usize) -> usize {
        piece * self.stride + at
    }

    fn contains(&self, piece: usize, at: usize) -> bool {
        let i = self.index(piece, at);
        self.bits[i / 64] & (1 << (i % 64)) != 0
    }

    fn insert(&mut self, piece: usize, at: usize) {
        let i = self.index(piece, at);
        self.bits[i / 64] |= 1 << (i % 64);
    }
}

/// Matches `pieces[i..]` against all of `text[at..]`, each placeholder taking the shortest
/// text after which the rest still matches.
fn matches<'m>(
    pieces: &[TemplatePiece],
    i: usize,
    text: &'m str,
    at: usize,
    captured: &mut Vec<(&'static str, &'m str)>,
    failed: &mut Failed,
) -> bool {
    let Some(piece) = pieces.get(i) else {
        return at == text.len();
    };
    if failed.contains(i, at) {
        return false;
    }
    let found = match piece {
        TemplatePiece::Literal(literal) => {
            text[at..].starts_with(literal)
                && matches(pieces, i + 1, text, at + literal.len(), captured, failed)
        }
        TemplatePiece::Field(name) => {
            let mark = captured.len();
            let try_end = |end: usize, captured: &mut Vec<_>, failed: &mut Failed| {
                captured.push((*name, &text[at..end]));
                let ok = matches(pieces, i + 1, text, end, captured, failed);
                if !ok {
                    captured.truncate(mark);
                }
                ok
            };
            match pieces.get(i + 1) {
                // Last piece: the placeholder takes the rest.
                None => try_end(text.len(), captured, failed),
                // Before a literal: only the ends where that literal starts, shortest first.
                // (Overlapping starts count: `aa` starts twice in `aaa`.)
                Some(TemplatePiece::Literal(next)) if !next.is_empty() => {
                    let step = next.chars().next().map_or(1, char::len_utf8);
                    let mut from = at;
                    loop {
                        let Some(found) = text[from..].find(next) else {
                            break false;
                        };
                        let end = from + found;
                        if try_end(end, captured, failed) {
                            break true;
                        }
                        from = end + step;
                    }
                }
                _ => text[at..]
                    .char_indices()
                    .map(|(end, _)| at + end)
                    .chain([text.len()])
                    .any(|end| try_end(end, captured, failed)),
            }
        }
    };
    if !found {
        failed.insert(i, at);
    }
    found
}

/// The variant's message template in every language it has, the default first.
pub(crate) fn templates(meta: &VariantMeta) -> impl Iterator<Item = &'static [TemplatePiece]> + '_ {
    let translated = meta.localized.iter().map(|l| l.pieces);
    core::iter::once(meta.pieces).chain(translated.filter(|p| !p.is_empty()))
}

/// Whether `message` is one of the variant's own messages, in any of its languages.
pub(crate) fn is_declared(meta: &VariantMeta, message: &str) -> bool {
    meta.message == Some(message) || meta.localized.iter().any(|l| l.message == Some(message))
}

/// The position of `meta` in `variants`: the same entry, or one with the same name (a copy).
pub fn position(variants: &[VariantMeta], meta: &VariantMeta) -> Option<usize> {
    // An entry of the table itself (what lookup hands out): its index from its address,
    // without a scan.
    let size = core::mem::size_of::<VariantMeta>();
    let offset = (meta as *const VariantMeta as usize).wrapping_sub(variants.as_ptr() as usize);
    // (`checked_rem` rather than `is_multiple_of`: the crates support Rust 1.80.)
    if offset.checked_rem(size) == Some(0) && offset / size < variants.len() {
        return Some(offset / size);
    }
    variants.iter().position(|v| v.name == meta.name)
}

/// Received text turned into a field's value. Implemented for owned text (`String`,
/// `Cow<'static, str>`, `Box<str>`, `Rc<str>`, `Arc<str>`) and the scalars with `FromStr`;
/// the derive rebuilds only variants whose fields are all of these types.
pub trait FromWireText: Sized {
    /// The value of `text`, or `None` where it does not parse.
    fn from_wire_text(text: &str) -> Option<Self>;
}

macro_rules! from_owned_text {
    ($($ty:ty),*) => {$(
        impl FromWireText for $ty {
            fn from_wire_text(text: &str) -> Option<Self> {
                Some(String::from(text).into())
            }
        }
    )*};
}

from_owned_text!(String, Cow<'static, str>, Box<str>, Rc<str>, Arc<str>);

macro_rules! from_str_text {
    ($($ty:ty),*) => {$(
        impl FromWireText for $ty {
            fn from_wire_text(text: &str) -> Option<Self> {
                text.trim().parse().ok()
            }
        }
    )*};
}

from_str_text!(
    bool, char, u8, u16, u32, u64, u128, usize, i8, i16, i32, i64, i128, isize, f32, f64
);

/// Reads the fields of one variant back from a received body; used by generated code.
///
/// Each read returns the value itself, or the type's default while it records the failure;
/// [`Rebuild::finish`] then keeps the rebuilt variant only if every read succeeded. The
/// generated arms are thus plain struct expressions without a `?` per field, which keeps the
/// derive cheap to compile in an enum of many variants.
pub struct Rebuild<'m, 'r> {
    meta: &'m VariantMeta,
    received: Received<'r>,
    captured: Option<Vec<(&'static str, &'r str)>>,
    failed: Cell<bool>,
}

impl<'m, 'r> Rebuild<'m, 'r> {
    /// Matches the received message against the variant's template once, in each of its
    /// languages until one fits.
    pub fn new(meta: &'m VariantMeta, received: &Received<'r>) -> Self {
        let has_placeholders = meta
            .pieces
            .iter()
            .any(|p| matches!(p, TemplatePiece::Field(_)));
        let captured = match received.message {
            Some(message) if has_placeholders => {
                templates(meta).find_map(|pieces| capture(pieces, message))
            }
            _ => None,
        };
        Rebuild {
            meta,
            received: *received,
            captured,
            failed: Cell::new(false),
        }
    }

    /// The value of the template placeholder `name`.
    pub fn placeholder<T: FromWireText + Default>(&self, name: &str) -> T {
        let text = self
            .captured
            .as_ref()
            .and_then(|captured| captured.iter().find(|(n, _)| *n == name));
        self.read(text.and_then(|(_, text)| T::from_wire_text(text)))
    }

    /// The Oney `field`.
    pub fn field<T: FromWireText + Default>(&self) -> T {
        self.read(self.received.field.and_then(T::from_wire_text))
    }

    /// A `#[message]` override: `None` where the received message is the default (or
    /// absent), `Some(text)` where it is another.
    pub fn message_override<T: FromWireText>(&self) -> Option<T> {
        match self.received.message {
            Some(message) if !is_declared(self.meta, message) => {
                let value = T::from_wire_text(message);
                if value.is_none() {
                    self.failed.set(true);
                }
                value
            }
            _ => None,
        }
    }

    /// `value` if every read that built it succeeded.
    pub fn finish<V>(&self, value: V) -> Option<V> {
        (!self.failed.get()).then_some(value)
    }

    fn read<T: Default>(&self, value: Option<T>) -> T {
        value.unwrap_or_else(|| {
            self.failed.set(true);
            T::default()
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use TemplatePiece::{Field, Literal};

    #[test]
    fn wire_text_parses_owned_text_and_scalars() {
        assert_eq!(String::from_wire_text("a b"), Some("a b".to_owned()));
        assert_eq!(
            Cow::<'static, str>::from_wire_text("x"),
            Some(Cow::Borrowed("x"))
        );
        assert_eq!(u64::from_wire_text(" 42 "), Some(42));
        assert_eq!(u64::from_wire_text("4x"), None);
        assert_eq!(bool::from_wire_text("true"), Some(true));
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
        let overlapping = [Field("a"), Literal("aa"), Field("b")];
        assert_eq!(
            capture(&overlapping, "xaaa").unwrap(),
            [("a", "x"), ("b", "a")]
        );
        let overlapping = [Field("a"), Literal("aa"), Literal("b")];
        assert_eq!(capture(&overlapping, "xaaab").unwrap(), [("a", "xa")]);
        let adjacent = [Field("a"), Field("b"), Literal("!")];
        assert_eq!(capture(&adjacent, "xy!").unwrap(), [("a", ""), ("b", "xy")]);
    }

    /// Found by the `received` fuzz target: placeholders that can each take any text made
    /// matching a message that does not fit take exponential time. Each (piece, offset) is
    /// now tried once; this finishes at once instead of never.
    #[test]
    fn capture_of_a_hostile_message_is_polynomial() {
        let pieces = [
            Field("a"),
            Field("b"),
            Literal(" "),
            Field("c"),
            Field("a"),
            Literal(" "),
            Field("b"),
            Field("c"),
            Literal("x"),
        ];
        let message = " ".repeat(3000);
        assert!(capture(&pieces, &message).is_none());
        let message = format!("{}x", " ".repeat(3000));
        let captured = capture(&pieces, &message).unwrap();
        assert_eq!(captured[..3], [("a", ""), ("b", ""), ("c", "")]);
        assert_eq!(captured[5].1.len(), 2998);
    }
}
