//! [`FieldPath`]: where in a request an error is (`items[2].sku`), and the notations the
//! wire formats write it in.
//!
//! A path is kept as segments, member names and list indices, never as text: each format
//! writes it in its own notation ([`Notation`]), and a received path reads back into the
//! same segments.

use core::fmt;
use std::borrow::Cow;

/// One step of a [`FieldPath`]: a member of an object or an element of a list.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub enum Segment {
    /// A member's name.
    Key(Cow<'static, str>),
    /// A list's element.
    Index(usize),
}

/// How a format writes a [`FieldPath`].
///
/// ```
/// use apierror::{FieldPath, Notation};
///
/// let path = FieldPath::new().key("items").index(2).key("sku");
/// assert_eq!(path.display(Notation::Dotted).to_string(), "items[2].sku");
/// assert_eq!(path.display(Notation::Pointer).to_string(), "/items/2/sku");
/// assert_eq!(path.display(Notation::Brackets).to_string(), "items[2][sku]");
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum Notation {
    /// `items[2].sku`: members joined by dots, indices in brackets (Oney's `field`,
    /// Google's `fieldViolations[].field`, Microsoft's `target`, Vipps' `extraDetails`).
    /// A name that is not made of ASCII letters, digits, `_` and `-` alone (or is empty) is
    /// written quoted in brackets, `["a.b"]`, with `"` and `\` escaped by a backslash, so
    /// that every path reads back.
    Dotted,
    /// An RFC 6901 JSON Pointer, `/items/2/sku`, with `~` written `~0` and `/` written `~1`
    /// (problem details' `errors[].pointer`, JSON:API's `source.pointer`). The empty path
    /// is the empty pointer, the whole document.
    Pointer,
    /// `items[2][sku]`, as form-encoded keys are written (Stripe's `param`); `%`, `[` and
    /// `]` inside a name are percent-encoded.
    Brackets,
}

/// Where in a request an error is: member names and list indices from the outside in.
///
/// ```
/// use apierror::{FieldPath, Notation, Segment};
///
/// let path = FieldPath::parse("items[2].sku", Notation::Dotted).unwrap();
/// assert_eq!(path, FieldPath::new().key("items").index(2).key("sku"));
/// assert_eq!(path.segments()[1], Segment::Index(2));
/// assert_eq!(FieldPath::parse("/items/2/sku", Notation::Pointer), Some(path));
/// ```
#[derive(Debug, Clone, Default, PartialEq, Eq, Hash)]
pub struct FieldPath {
    segments: Vec<Segment>,
}

impl FieldPath {
    /// The empty path: the request's body as a whole.
    pub const fn new() -> Self {
        FieldPath {
            segments: Vec::new(),
        }
    }

    /// The path with the member `name` added at its end.
    #[must_use]
    pub fn key(mut self, name: impl Into<Cow<'static, str>>) -> Self {
        self.push_key(name);
        self
    }

    /// The path with the list element `index` added at its end.
    #[must_use]
    pub fn index(mut self, index: usize) -> Self {
        self.push_index(index);
        self
    }

    /// Adds the member `name` at the end.
    pub fn push_key(&mut self, name: impl Into<Cow<'static, str>>) {
        self.segments.push(Segment::Key(name.into()));
    }

    /// Adds the list element `index` at the end.
    pub fn push_index(&mut self, index: usize) {
        self.segments.push(Segment::Index(index));
    }

    /// The segments, from the outside in.
    pub fn segments(&self) -> &[Segment] {
        &self.segments
    }

    /// Whether this is the empty path.
    pub fn is_empty(&self) -> bool {
        self.segments.is_empty()
    }

    /// The path written in `notation`, as a `Display` (no text is built until it is
    /// written).
    pub fn display(&self, notation: Notation) -> impl fmt::Display + '_ {
        Written {
            path: self,
            notation,
        }
    }

    /// Reads a path written in `notation`; `None` where the text is not one.
    ///
    /// A pointer's segment made of ASCII digits alone reads as an index, since a pointer
    /// cannot tell the two apart.
    pub fn parse(text: &str, notation: Notation) -> Option<FieldPath> {
        match notation {
            Notation::Dotted => parse_dotted(text),
            Notation::Pointer => parse_pointer(text),
            Notation::Brackets => parse_brackets(text),
        }
    }
}

impl<S: Into<Cow<'static, str>>> FromIterator<S> for FieldPath {
    /// A path of member names.
    fn from_iter<I: IntoIterator<Item = S>>(names: I) -> Self {
        FieldPath {
            segments: names.into_iter().map(|n| Segment::Key(n.into())).collect(),
        }
    }
}

/// A path in a notation, as text.
struct Written<'p> {
    path: &'p FieldPath,
    notation: Notation,
}

impl fmt::Display for Written<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        for (i, segment) in self.path.segments.iter().enumerate() {
            match (self.notation, segment) {
                (Notation::Pointer, Segment::Key(name)) => {
                    f.write_str("/")?;
                    write_escaped(f, name, b"~/", |c| match c {
                        '~' => Some("~0"),
                        '/' => Some("~1"),
                        _ => None,
                    })?;
                }
                (Notation::Pointer, Segment::Index(n)) => write_index(f, "/", *n, "")?,
                (Notation::Dotted, Segment::Key(name)) if is_plain_name(name) => {
                    if i > 0 {
                        f.write_str(".")?;
                    }
                    f.write_str(name)?;
                }
                (Notation::Dotted, Segment::Key(name)) => {
                    f.write_str("[\"")?;
                    write_escaped(f, name, b"\"\\", |c| match c {
                        '"' => Some("\\\""),
                        '\\' => Some("\\\\"),
                        _ => None,
                    })?;
                    f.write_str("\"]")?;
                }
                (Notation::Brackets, Segment::Key(name)) => {
                    if i > 0 {
                        f.write_str("[")?;
                    }
                    write_escaped(f, name, b"%[]", |c| match c {
                        '%' => Some("%25"),
                        '[' => Some("%5B"),
                        ']' => Some("%5D"),
                        _ => None,
                    })?;
                    if i > 0 {
                        f.write_str("]")?;
                    }
                }
                (Notation::Dotted | Notation::Brackets, Segment::Index(n)) => {
                    write_index(f, "[", *n, "]")?
                }
            }
        }
        Ok(())
    }
}

/// `prefix`, the digits of `n`, `suffix`: without the formatting machinery, which costs more
/// than the digits (a path is written once per violation of every error body).
fn write_index(f: &mut fmt::Formatter<'_>, prefix: &str, n: usize, suffix: &str) -> fmt::Result {
    f.write_str(prefix)?;
    f.write_str(itoa::Buffer::new().format(n))?;
    f.write_str(suffix)
}

/// Writes `text` with the characters `escape` names replaced, the rest copied in runs;
/// `special` is the (ASCII) bytes of those characters, so that a text without any is
/// copied whole after a byte scan.
fn write_escaped(
    f: &mut fmt::Formatter<'_>,
    text: &str,
    special: &[u8],
    escape: impl Fn(char) -> Option<&'static str>,
) -> fmt::Result {
    if !text.bytes().any(|b| special.contains(&b)) {
        return f.write_str(text);
    }
    let mut start = 0;
    for (at, c) in text.char_indices() {
        if let Some(replacement) = escape(c) {
            f.write_str(&text[start..at])?;
            f.write_str(replacement)?;
            start = at + c.len_utf8();
        }
    }
    f.write_str(&text[start..])
}

/// Whether a dotted path can write `name` bare: non-empty ASCII letters, digits, `_`, `-`.
fn is_plain_name(name: &str) -> bool {
    !name.is_empty()
        && name
            .bytes()
            .all(|b| b.is_ascii_alphanumeric() || b == b'_' || b == b'-')
}

fn parse_pointer(text: &str) -> Option<FieldPath> {
    // A pointer in a URI fragment (`#/age`, as RFC 9457's own example writes it) reads too.
    let text = text.strip_prefix('#').unwrap_or(text);
    if text.is_empty() {
        return Some(FieldPath::new());
    }
    let rest = text.strip_prefix('/')?;
    let mut path = FieldPath::new();
    for token in rest.split('/') {
        if !token.is_empty() && token.bytes().all(|b| b.is_ascii_digit()) {
            if let Ok(n) = token.parse() {
                path.push_index(n);
                continue;
            }
        }
        // `~1` before `~0`, as RFC 6901 section 4 says: `~01` is `~1`, not `/`.
        if token.contains('~') {
            let mut name = String::with_capacity(token.len());
            let mut chars = token.chars();
            while let Some(c) = chars.next() {
                match (c, c == '~') {
                    (_, false) => name.push(c),
                    (_, true) => match chars.next() {
                        Some('0') => name.push('~'),
                        Some('1') => name.push('/'),
                        _ => return None,
                    },
                }
            }
            path.push_key(name);
        } else {
            path.push_key(token.to_owned());
        }
    }
    Some(path)
}

fn parse_dotted(text: &str) -> Option<FieldPath> {
    let mut path = FieldPath::new();
    let mut rest = text;
    let mut first = true;
    while !rest.is_empty() {
        if let Some(after) = rest.strip_prefix("[\"") {
            // A quoted name: up to the first `"` not escaped by a backslash.
            let mut name = String::new();
            let mut chars = after.char_indices();
            let end = loop {
                match chars.next()? {
                    (_, '\\') => name.push(chars.next()?.1),
                    (at, '"') => break at,
                    (_, c) => name.push(c),
                }
            };
            rest = after[end + 1..].strip_prefix(']')?;
            path.push_key(name);
        } else if let Some(after) = rest.strip_prefix('[') {
            let end = after.find(']')?;
            path.push_index(parse_index(&after[..end])?);
            rest = &after[end + 1..];
        } else {
            let name_start = if first { rest } else { rest.strip_prefix('.')? };
            let end = name_start.find(['.', '[']).unwrap_or(name_start.len());
            let name = &name_start[..end];
            if name.is_empty() {
                return None;
            }
            path.push_key(name.to_owned());
            rest = &name_start[end..];
        }
        first = false;
    }
    Some(path)
}

fn parse_brackets(text: &str) -> Option<FieldPath> {
    if text.is_empty() {
        return Some(FieldPath::new());
    }
    let end = text.find('[').unwrap_or(text.len());
    let mut path = FieldPath::new();
    // A path that starts with an index has no leading name (an empty leading name is
    // written the same way, and reads back as none).
    if end > 0 {
        path.push_key(percent_decoded(&text[..end])?);
    }
    let mut rest = &text[end..];
    while let Some(after) = rest.strip_prefix('[') {
        let end = after.find(']')?;
        let inner = &after[..end];
        match parse_index(inner) {
            Some(n) => path.push_index(n),
            // A name in brackets follows another segment: a leading name is written bare.
            None if path.is_empty() => return None,
            None => path.push_key(percent_decoded(inner)?),
        }
        rest = &after[end + 1..];
    }
    rest.is_empty().then_some(path)
}

fn parse_index(text: &str) -> Option<usize> {
    let digits = !text.is_empty() && text.bytes().all(|b| b.is_ascii_digit());
    digits.then(|| text.parse().ok()).flatten()
}

/// `%25`, `%5B` and `%5D` decoded (the only escapes [`Notation::Brackets`] writes); any
/// other `%` is kept as it is.
fn percent_decoded(text: &str) -> Option<String> {
    let mut out = String::with_capacity(text.len());
    let mut rest = text;
    while let Some(at) = rest.find('%') {
        out.push_str(&rest[..at]);
        let (decoded, len) = match rest.get(at..at + 3) {
            Some("%25") => ('%', 3),
            Some(e) if e.eq_ignore_ascii_case("%5B") => ('[', 3),
            Some(e) if e.eq_ignore_ascii_case("%5D") => (']', 3),
            _ => ('%', 1),
        };
        out.push(decoded);
        rest = &rest[at + len..];
    }
    out.push_str(rest);
    Some(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn odd() -> FieldPath {
        FieldPath::new()
            .key("a.b")
            .index(0)
            .key("x/y~z")
            .key("q\"uote\\")
            .key("[br%ck]")
            .key("")
    }

    #[test]
    fn every_notation_reads_back() {
        for notation in [Notation::Dotted, Notation::Pointer, Notation::Brackets] {
            let path = odd();
            let text = path.display(notation).to_string();
            assert_eq!(FieldPath::parse(&text, notation), Some(path), "{text}");
        }
    }

    #[test]
    fn odd_names_are_escaped() {
        let path = odd();
        assert_eq!(
            path.display(Notation::Dotted).to_string(),
            r#"["a.b"][0]["x/y~z"]["q\"uote\\"]["[br%ck]"][""]"#
        );
        assert_eq!(
            path.display(Notation::Pointer).to_string(),
            r#"/a.b/0/x~1y~0z/q"uote\/[br%ck]/"#
        );
        assert_eq!(
            path.display(Notation::Brackets).to_string(),
            r#"a.b[0][x/y~z][q"uote\][%5Bbr%25ck%5D][]"#
        );
    }

    #[test]
    fn indices_of_any_size() {
        let path = FieldPath::new()
            .index(0)
            .key("a")
            .index(120)
            .index(usize::MAX);
        assert_eq!(
            path.display(Notation::Dotted).to_string(),
            format!("[0].a[120][{}]", usize::MAX)
        );
        assert_eq!(
            path.display(Notation::Pointer).to_string(),
            format!("/0/a/120/{}", usize::MAX)
        );
        assert_eq!(
            path.display(Notation::Brackets).to_string(),
            format!("[0][a][120][{}]", usize::MAX)
        );
    }

    #[test]
    fn malformed_paths_are_none() {
        assert_eq!(FieldPath::parse("items/2", Notation::Pointer), None);
        assert_eq!(FieldPath::parse("/a~2", Notation::Pointer), None);
        assert_eq!(FieldPath::parse("a..b", Notation::Dotted), None);
        assert_eq!(FieldPath::parse("a[x]", Notation::Dotted), None);
        assert_eq!(FieldPath::parse("a[0", Notation::Brackets), None);
        assert_eq!(FieldPath::parse("[]", Notation::Brackets), None);
        assert_eq!(FieldPath::parse("[x]", Notation::Brackets), None);
        assert_eq!(
            FieldPath::parse("#/age", Notation::Pointer),
            Some(FieldPath::new().key("age"))
        );
    }
}
