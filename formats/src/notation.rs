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

use core::fmt::{self, Display, Write};

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

/// The dotted form of a Stripe `param` (`items[0][price]` → `items[0].price`).
///
/// A `param` of one segment is the same in both notations.
pub(crate) fn from_brackets(param: &str) -> String {
    dotted(param.split(['.', '[', ']']).map(std::borrow::Cow::Borrowed))
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
    dotted(rest.split('/').map(|segment| match segment.contains('~') {
        true => std::borrow::Cow::Owned(segment.replace("~1", "/").replace("~0", "~")),
        false => std::borrow::Cow::Borrowed(segment),
    }))
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
}
