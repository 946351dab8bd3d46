//! An error's field in each format's notation, and back.
//!
//! A field is written as its author wrote it: dotted with brackets for indices
//! (`items[0].price`), dotted only (`items.0.price`) or in brackets (`items[0][price]`).
//! Its segments are what lies between `.`, `[` and `]`; each format writes them its way:
//!
//! | notation | `items[0].price` | used by |
//! |---|---|---|
//! | [`Brackets`] | `items[0][price]` | Stripe's `param` |
//! | [`Pointer`] | `/data/attributes/items/0/price` | JSON:API's `source.pointer` (RFC 6901) |
//! | as written | `items[0].price` | Microsoft's `target` |
//!
//! Both writers are `Display` adapters over the field's own `Display`: the text streams
//! through a splitter into the body (or a `Serialize` view) without a `String` between.
//! Reading goes back to the dotted form, `[n]` for a segment of digits (`items[0].price`),
//! which is what a typed error's `#[field]` is rebuilt from.
//!
//! A path ([`ApiError::field_path`], a validator's violation) is kept as segments and
//! written with the runtime's own [`Notation`]s: [`Place`] decides between the two, and
//! [`InBrackets`], [`InPointer`] and [`Dotted`] write either kind in each format's
//! notation. A path read back comes out in the dotted form above wherever that form
//! carries it exactly, else in [`Notation::Dotted`] with the odd names quoted
//! (`meta["a.b"]`): `FieldPath::parse(field, Notation::Dotted)` always gives back the
//! path that was written.

use core::fmt::{self, Display, Write};

use apierror_runtime::format::JsonWriter;
use apierror_runtime::{ApiError, FieldPath, Notation};

/// What a notation writes around each segment of a path.
trait Segments {
    /// Before a segment's first character; `first` for the path's first segment.
    fn open(&mut self, first: bool) -> fmt::Result;
    /// A run of a segment's characters (never a separator).
    fn text(&mut self, text: &str) -> fmt::Result;
    /// After a segment's last character.
    fn close(&mut self) -> fmt::Result;
}

/// Cuts the text written to it into segments at `.`, `[` and `]`, across however many
/// pieces `Display` writes it in, and hands them to `S`. Empty segments (`a..b`, the
/// `.` after `]`) are dropped.
struct Splitter<S> {
    segments: S,
    in_segment: bool,
    first: bool,
}

impl<S: Segments> Splitter<S> {
    fn new(segments: S) -> Self {
        Splitter {
            segments,
            in_segment: false,
            first: true,
        }
    }

    fn text(&mut self, text: &str) -> fmt::Result {
        if !self.in_segment {
            self.segments.open(self.first)?;
            self.first = false;
            self.in_segment = true;
        }
        self.segments.text(text)
    }

    /// Closes the last segment.
    fn finish(mut self) -> fmt::Result {
        if self.in_segment {
            self.segments.close()?;
        }
        Ok(())
    }
}

impl<S: Segments> Write for Splitter<S> {
    fn write_str(&mut self, s: &str) -> fmt::Result {
        let mut rest = s;
        while !rest.is_empty() {
            match rest.find(['.', '[', ']']) {
                Some(0) => {
                    if self.in_segment {
                        self.segments.close()?;
                        self.in_segment = false;
                    }
                    // The separators are ASCII: one byte.
                    rest = &rest[1..];
                }
                Some(at) => {
                    self.text(&rest[..at])?;
                    rest = &rest[at..];
                }
                None => {
                    self.text(rest)?;
                    rest = "";
                }
            }
        }
        Ok(())
    }
}

/// Writes `field` through `segments`.
fn split(field: &dyn Display, segments: impl Segments) -> fmt::Result {
    let mut splitter = Splitter::new(segments);
    write!(splitter, "{field}")?;
    splitter.finish()
}

/// A field in Stripe's bracket notation: the first segment bare, every other in brackets
/// (`items[0][price]` from `items[0].price` or `items.0.price`).
pub(crate) struct Brackets<'a>(pub &'a dyn Display);

impl Display for Brackets<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        struct Bracketed<'f, 'g> {
            f: &'f mut fmt::Formatter<'g>,
            bracketed: bool,
        }
        impl Segments for Bracketed<'_, '_> {
            fn open(&mut self, first: bool) -> fmt::Result {
                self.bracketed = !first;
                match first {
                    true => Ok(()),
                    false => self.f.write_char('['),
                }
            }
            fn text(&mut self, text: &str) -> fmt::Result {
                self.f.write_str(text)
            }
            fn close(&mut self) -> fmt::Result {
                match self.bracketed {
                    true => self.f.write_char(']'),
                    false => Ok(()),
                }
            }
        }
        split(
            self.0,
            Bracketed {
                f,
                bracketed: false,
            },
        )
    }
}

/// A field as an RFC 6901 JSON pointer under `prefix` (`/data/attributes/items/0/price`),
/// each segment's `~` and `/` escaped as `~0` and `~1`. A field that is a pointer already
/// (it starts with `/`) is written as it is, without the prefix: an author can point
/// anywhere in the request document (`/data/relationships/author`).
pub(crate) struct Pointer<'a> {
    /// Empty or a pointer (`/data/attributes`), without a trailing `/`.
    pub prefix: &'a str,
    pub field: &'a dyn Display,
}

impl Display for Pointer<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        /// Decides on the first character whether the field is a pointer already.
        struct Start<'f, 'g, 'p> {
            f: &'f mut fmt::Formatter<'g>,
            prefix: &'p str,
            state: State,
        }
        enum State {
            Undecided,
            Verbatim,
            Split(bool, bool),
        }
        struct Escaped<'s, 'f, 'g, 'p>(&'s mut Start<'f, 'g, 'p>);
        impl Segments for Escaped<'_, '_, '_, '_> {
            fn open(&mut self, _first: bool) -> fmt::Result {
                self.0.f.write_char('/')
            }
            fn text(&mut self, text: &str) -> fmt::Result {
                let mut rest = text;
                while let Some(at) = rest.find(['~', '/']) {
                    self.0.f.write_str(&rest[..at])?;
                    self.0.f.write_str(match &rest[at..at + 1] {
                        "~" => "~0",
                        _ => "~1",
                    })?;
                    rest = &rest[at + 1..];
                }
                self.0.f.write_str(rest)
            }
            fn close(&mut self) -> fmt::Result {
                Ok(())
            }
        }
        impl Write for Start<'_, '_, '_> {
            fn write_str(&mut self, s: &str) -> fmt::Result {
                if s.is_empty() {
                    return Ok(());
                }
                if let State::Undecided = self.state {
                    self.state = match s.starts_with('/') {
                        true => State::Verbatim,
                        false => {
                            self.f.write_str(self.prefix)?;
                            State::Split(false, true)
                        }
                    };
                }
                match self.state {
                    State::Verbatim => self.f.write_str(s),
                    State::Split(in_segment, first) => {
                        // The splitter's state lives here between pieces, since the
                        // splitter borrows this writer.
                        let mut splitter = Splitter {
                            segments: Escaped(self),
                            in_segment,
                            first,
                        };
                        splitter.write_str(s)?;
                        let (in_segment, first) = (splitter.in_segment, splitter.first);
                        self.state = State::Split(in_segment, first);
                        Ok(())
                    }
                    State::Undecided => Ok(()),
                }
            }
        }
        let mut start = Start {
            f,
            prefix: self.prefix,
            state: State::Undecided,
        };
        write!(start, "{}", self.field)?;
        match start.state {
            // An empty field points at the prefix itself.
            State::Undecided => start.f.write_str(self.prefix),
            State::Split(true, _) => Escaped(&mut start).close(),
            State::Split(false, _) | State::Verbatim => Ok(()),
        }
    }
}

/// The dotted form of segments: the first bare, then `[n]` for a segment of digits and
/// `.name` for any other (`items[0].price`).
fn dotted<'s>(segments: impl Iterator<Item = std::borrow::Cow<'s, str>>) -> String {
    let mut out = String::new();
    for segment in segments.filter(|s| !s.is_empty()) {
        if out.is_empty() {
            out.push_str(&segment);
        } else if segment.bytes().all(|b| b.is_ascii_digit()) {
            out.push('[');
            out.push_str(&segment);
            out.push(']');
        } else {
            out.push('.');
            out.push_str(&segment);
        }
    }
    out
}

/// `plain`, the dotted form of a received text, where it reads back as `path` (what the
/// text says in its own notation, if it says anything), else `path` in
/// [`Notation::Dotted`], which quotes the names the plain form cannot carry.
fn exact(plain: String, path: Option<FieldPath>) -> String {
    match path {
        Some(path) if FieldPath::parse(&plain, Notation::Dotted).as_ref() != Some(&path) => {
            path.display(Notation::Dotted).to_string()
        }
        _ => plain,
    }
}

/// The dotted form of a Stripe `param` (`items[0][price]` → `items[0].price`;
/// `meta[a%5Bb]` → `meta["a[b"]`).
///
/// A `param` of one segment is the same in both notations.
pub(crate) fn from_brackets(param: &str) -> String {
    let plain = dotted(param.split(['.', '[', ']']).map(std::borrow::Cow::Borrowed));
    exact(plain, FieldPath::parse(param, Notation::Brackets))
}

/// The dotted form of a JSON:API `source.pointer` under `prefix`
/// (`/data/attributes/items/0/price` → `items[0].price`); a pointer elsewhere in the
/// document is kept as it is, as [`Pointer`] wrote it.
pub(crate) fn from_pointer(pointer: &str, prefix: &str) -> String {
    let Some(rest) = pointer.strip_prefix(prefix) else {
        return pointer.to_owned();
    };
    let Some(rest) = rest.strip_prefix('/') else {
        // The prefix itself, or a sibling that only starts like it (`/data/attributesX`).
        return match rest.is_empty() {
            true => String::new(),
            false => pointer.to_owned(),
        };
    };
    // RFC 6901 section 4: `~1` first, then `~0`, so that `~01` reads as `~1`.
    let plain = dotted(rest.split('/').map(|segment| match segment.contains('~') {
        true => std::borrow::Cow::Owned(segment.replace("~1", "/").replace("~0", "~")),
        false => std::borrow::Cow::Borrowed(segment),
    }));
    // The pointer from the `/` after the prefix.
    let relative = &pointer[pointer.len() - rest.len() - 1..];
    exact(plain, FieldPath::parse(relative, Notation::Pointer))
}

/// Where an error is, as a format writes it: its path, in the format's notation, else its
/// declared field, as this crate has always written declared fields.
#[derive(Clone, Copy)]
pub(crate) enum Place<'a> {
    /// [`ApiError::field_path`]: segments, written with the runtime's notations.
    Path(&'a FieldPath),
    /// [`ApiError::field`]: text, cut at `.`, `[` and `]` where a notation needs segments.
    Declared(&'a dyn Display),
    /// [`ApiError::field_text`]: the same, where the field is text already.
    Text(&'a str),
}

impl<'a> Place<'a> {
    /// Where `err` is, if it says.
    pub fn of(err: &'a dyn ApiError) -> Option<Place<'a>> {
        if let Some(path) = err.field_path() {
            return Some(Place::Path(path));
        }
        match err.field_text() {
            Some(text) => Some(Place::Text(text)),
            None => err.field().map(Place::Declared),
        }
    }
}

/// A place in Stripe's bracket notation: a path in [`Notation::Brackets`]
/// (`items[2][sku]`), a declared field through [`Brackets`].
pub(crate) struct InBrackets<'a>(pub Place<'a>);

impl Display for InBrackets<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self.0 {
            Place::Path(path) => write!(f, "{}", path.display(Notation::Brackets)),
            Place::Declared(field) => Brackets(field).fmt(f),
            Place::Text(text) => Brackets(&text).fmt(f),
        }
    }
}

/// A place as a JSON:API `source.pointer` under `prefix`: a path in
/// [`Notation::Pointer`] after the prefix (`/data/attributes/items/2/sku`; the empty path
/// points at the prefix itself), a declared field through [`Pointer`].
pub(crate) struct InPointer<'a> {
    pub prefix: &'a str,
    pub place: Place<'a>,
}

impl Display for InPointer<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self.place {
            Place::Path(path) => {
                f.write_str(self.prefix)?;
                write!(f, "{}", path.display(Notation::Pointer))
            }
            Place::Declared(field) => Pointer {
                prefix: self.prefix,
                field,
            }
            .fmt(f),
            Place::Text(text) => Pointer {
                prefix: self.prefix,
                field: &text,
            }
            .fmt(f),
        }
    }
}

/// Writes `place` as a JSON:API `source.pointer` under `prefix` (`prefix_json` is it
/// escaped), a JSON string: what [`InPointer`] displays. A declared field that is one plain
/// segment (`name`: no `.`, `[`, `]`, `~` or `/`, which escaping never writes) is written
/// straight after the prefix and a `/`; any other goes through [`InPointer`], which splits
/// and escapes it.
pub(crate) fn write_pointer(
    w: &mut JsonWriter<'_>,
    prefix: &str,
    prefix_json: &[u8],
    place: Place<'_>,
) {
    let written = match place {
        Place::Text(text) => plain_segment(w, prefix_json, |w| w.escaped(text)),
        Place::Declared(field) => plain_segment(w, prefix_json, |w| w.escaped_display(field)),
        Place::Path(_) => false,
    };
    if !written {
        w.display(&InPointer { prefix, place });
    }
}

/// Writes `"<prefix_json>/<segment>"`, the segment escaped by `escape`, and answers `true`
/// where the segment is one plain, non-empty segment; otherwise writes nothing and answers
/// `false`.
fn plain_segment(
    w: &mut JsonWriter<'_>,
    prefix_json: &[u8],
    escape: impl FnOnce(&mut JsonWriter<'_>),
) -> bool {
    let mark = w.buffer().len();
    w.raw("\"");
    w.buffer().extend_from_slice(prefix_json);
    w.raw("/");
    let segment = w.buffer().len();
    escape(w);
    let written = &w.buffer()[segment..];
    let plain = !written.is_empty()
        && !written
            .iter()
            .any(|b| matches!(b, b'.' | b'[' | b']' | b'~' | b'/'));
    if plain {
        w.raw("\"");
    } else {
        w.buffer().truncate(mark);
    }
    plain
}

/// A place as Microsoft's `target`: a path in [`Notation::Dotted`] (`items[2].sku`), a
/// declared field as it is.
pub(crate) struct Dotted<'a>(pub Place<'a>);

impl Display for Dotted<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self.0 {
            Place::Path(path) => write!(f, "{}", path.display(Notation::Dotted)),
            Place::Declared(field) => field.fmt(f),
            Place::Text(text) => f.write_str(text),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// `Display` in as many pieces as the text has characters: the splitter must carry
    /// its state across pieces.
    struct Chars(&'static str);
    impl Display for Chars {
        fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
            self.0.chars().try_for_each(|c| f.write_char(c))
        }
    }

    #[test]
    fn brackets() {
        for (field, expected) in [
            ("items[0].price", "items[0][price]"),
            ("items.0.price", "items[0][price]"),
            ("items[0][price]", "items[0][price]"),
            ("card.number", "card[number]"),
            ("amount", "amount"),
            ("a..b", "a[b]"),
            ("", ""),
            ("métadonnée.clé", "métadonnée[clé]"),
        ] {
            assert_eq!(Brackets(&field).to_string(), expected, "{field}");
            assert_eq!(Brackets(&Chars(field)).to_string(), expected, "{field}");
        }
    }

    #[test]
    fn pointers() {
        let prefix = "/data/attributes";
        for (field, expected) in [
            ("name", "/data/attributes/name"),
            ("items[0].price", "/data/attributes/items/0/price"),
            ("items.0.price", "/data/attributes/items/0/price"),
            ("a/b.c~d", "/data/attributes/a~1b/c~0d"),
            ("/data/relationships/author", "/data/relationships/author"),
            ("", "/data/attributes"),
        ] {
            let pointer = Pointer {
                prefix,
                field: &field,
            };
            assert_eq!(pointer.to_string(), expected, "{field}");
            let pointer = Pointer {
                prefix,
                field: &Chars(field),
            };
            assert_eq!(pointer.to_string(), expected, "{field}");
        }
        let bare = Pointer {
            prefix: "",
            field: &"items[0].price",
        };
        assert_eq!(bare.to_string(), "/items/0/price");
    }

    /// The writer's shortcut for a plain declared field gives what the general path does,
    /// as a JSON string, for fields on either side of the line it draws.
    #[test]
    fn write_pointer_is_in_pointer_as_json() {
        for prefix in ["/data/attributes", "", "/a\"b"] {
            for field in [
                "name",
                "a",
                "na\"me",
                "tab\there",
                "é",
                "",
                "/abs/olute",
                "a.b",
                "a[0]",
                "a]",
                "a~b",
                "a/b",
                "items[0].price",
            ] {
                for place in [Place::Declared(&field), Place::Text(field)] {
                    let mut out = Vec::new();
                    let mut prefix_json = Vec::new();
                    JsonWriter::new(&mut prefix_json).escaped(prefix);
                    write_pointer(&mut JsonWriter::new(&mut out), prefix, &prefix_json, place);
                    let expected = InPointer { prefix, place }.to_string();
                    let expected = serde_json::to_string(&expected).unwrap();
                    assert_eq!(
                        String::from_utf8(out).unwrap(),
                        expected,
                        "{prefix} {field}"
                    );
                }
            }
        }
    }

    #[test]
    fn back_to_dotted() {
        assert_eq!(from_brackets("items[0][price]"), "items[0].price");
        assert_eq!(from_brackets("card[number]"), "card.number");
        assert_eq!(from_brackets("amount"), "amount");
        let prefix = "/data/attributes";
        assert_eq!(
            from_pointer("/data/attributes/items/0/price", prefix),
            "items[0].price"
        );
        assert_eq!(
            from_pointer("/data/attributes/a~1b/c~0d", prefix),
            "a/b.c~d"
        );
        assert_eq!(from_pointer("/data/attributes/~01", prefix), "~1");
        assert_eq!(
            from_pointer("/data/relationships/author", prefix),
            "/data/relationships/author"
        );
        assert_eq!(
            from_pointer("/data/attributesX", prefix),
            "/data/attributesX"
        );
        assert_eq!(from_pointer("/items/0", ""), "items[0]");
    }

    #[test]
    fn odd_names_read_back_exactly() {
        let path = FieldPath::new()
            .key("meta")
            .key("a/b~c[d\"e")
            .index(3)
            .key("x.y");
        let dotted = path.display(Notation::Dotted).to_string();
        assert_eq!(dotted, r#"meta["a/b~c[d\"e"][3]["x.y"]"#);
        let brackets = InBrackets(Place::Path(&path)).to_string();
        assert_eq!(brackets, r#"meta[a/b~c%5Bd"e][3][x.y]"#);
        assert_eq!(from_brackets(&brackets), dotted);
        let pointer = InPointer {
            prefix: "/data/attributes",
            place: Place::Path(&path),
        }
        .to_string();
        assert_eq!(pointer, r#"/data/attributes/meta/a~1b~0c[d"e/3/x.y"#);
        assert_eq!(from_pointer(&pointer, "/data/attributes"), dotted);
        assert_eq!(Dotted(Place::Path(&path)).to_string(), dotted);
        // Names the plain form carries keep it, whatever their characters.
        assert_eq!(from_brackets("métadonnée[clé]"), "métadonnée.clé");
        assert_eq!(from_brackets("a\"b[c]"), "a\"b.c");
        assert_eq!(
            from_pointer("/data/attributes/a~1b", "/data/attributes"),
            "a/b"
        );
        // Where the text is not in the notation at all, the plain form as before.
        assert_eq!(from_brackets("a[0"), "a[0]");
    }

    #[test]
    fn a_place_is_a_path_or_a_declared_field() {
        let path = FieldPath::new().key("items").index(2).key("sku");
        let field: &dyn Display = &"items[2].sku";
        for place in [
            Place::Path(&path),
            Place::Declared(field),
            Place::Text("items[2].sku"),
        ] {
            assert_eq!(InBrackets(place).to_string(), "items[2][sku]");
            let pointer = InPointer { prefix: "", place };
            assert_eq!(pointer.to_string(), "/items/2/sku");
            assert_eq!(Dotted(place).to_string(), "items[2].sku");
        }
        let root = FieldPath::new();
        let pointer = InPointer {
            prefix: "/data/attributes",
            place: Place::Path(&root),
        };
        assert_eq!(pointer.to_string(), "/data/attributes");
    }
}
