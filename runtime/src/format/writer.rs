//! [`JsonWriter`]: the public JSON writer any format writes its body with. It copies what
//! the derive escaped at compile time (codes, static messages, a template's leading
//! literal) and escapes only run-time values.

use core::fmt;

use crate::format::json;
use crate::format::view::PublicMessage;
use crate::model::api_error::ApiError;
use crate::model::field_path::Notation;

/// Writes JSON into a caller's buffer, piece by piece.
///
/// Structure (`{`, member names, `,`) goes in with [`JsonWriter::raw`]; every text with a
/// method that quotes and escapes it. The error's texts have their own methods, which copy
/// the derive's pre-escaped bytes where there are some and write the *wire-safe* message:
/// a 5xx whose text comes from `Display` (which may carry a source error's details) is
/// written as its status's reason.
///
/// ```
/// use apierror::format::JsonWriter;
/// use apierror::ApiError;
///
/// #[derive(Debug, ApiError)]
/// enum E {
///     #[status(400)]
///     #[code("too_short")]
///     #[message("name must be at least {min} characters")]
///     TooShort { min: u32 },
/// }
///
/// let err = E::TooShort { min: 3 };
/// let mut out = Vec::new();
/// let mut w = JsonWriter::new(&mut out);
/// w.raw(r#"{"code":"#);
/// w.code(&err);
/// w.raw(r#","message":"#);
/// w.message(&err, "en");
/// w.raw(r#","hint":"#);
/// w.string("say \"hi\"");
/// w.raw("}");
/// assert_eq!(
///     std::str::from_utf8(&out).unwrap(),
///     r#"{"code":"too_short","message":"name must be at least 3 characters","hint":"say \"hi\""}"#
/// );
/// ```
#[derive(Debug)]
pub struct JsonWriter<'o> {
    out: &'o mut Vec<u8>,
}

impl<'o> JsonWriter<'o> {
    /// A writer appending to `out`.
    #[inline]
    pub fn new(out: &'o mut Vec<u8>) -> Self {
        JsonWriter { out }
    }

    /// The buffer written to, for anything the methods do not cover.
    #[inline]
    pub fn buffer(&mut self) -> &mut Vec<u8> {
        self.out
    }

    /// Copies JSON text as it is: the structure of a body (`{"error":{"code":`).
    #[inline]
    pub fn raw(&mut self, json: &str) {
        self.out.extend_from_slice(json.as_bytes());
    }

    /// Writes `text` as a JSON string: quoted and escaped.
    #[inline]
    pub fn string(&mut self, text: &str) {
        self.out.push(b'"');
        json::escape_str(self.out, text);
        self.out.push(b'"');
    }

    /// Writes what `value` displays as a JSON string, without an intermediate `String`.
    #[inline]
    pub fn display(&mut self, value: &dyn fmt::Display) {
        self.out.push(b'"');
        self.escaped_display(value);
        self.out.push(b'"');
    }

    /// Escapes `text` into a string this writer has opened with `raw("\"")`: for a string
    /// made of several pieces.
    #[inline]
    pub fn escaped(&mut self, text: &str) {
        json::escape_str(self.out, text);
    }

    /// Escapes what `value` displays into a string this writer has opened with
    /// `raw("\"")`, without an intermediate `String`: [`JsonWriter::escaped`] for a value
    /// that is not text yet.
    ///
    /// ```
    /// use apierror::format::JsonWriter;
    ///
    /// let mut out = Vec::new();
    /// let mut w = JsonWriter::new(&mut out);
    /// w.raw(r#"{"at":"line "#);
    /// w.escaped_display(&7);
    /// w.raw(r#" of \"a\""}"#);
    /// assert_eq!(out, br#"{"at":"line 7 of \"a\""}"#);
    /// ```
    #[inline]
    pub fn escaped_display(&mut self, value: &dyn fmt::Display) {
        json::write_display(self.out, value, None);
    }

    /// Writes an integer.
    #[inline]
    pub fn number(&mut self, n: u64) {
        json::json_integer(self.out, &n);
    }

    /// Writes `err`'s code as a JSON string, copied from the derive's escaped copy.
    #[inline]
    pub fn code(&mut self, err: &dyn ApiError) {
        self.out.push(b'"');
        json::write_code(self.out, err, err.json_parts());
        self.out.push(b'"');
    }

    /// Writes `err`'s title in `lang` (its default title where it has none in `lang`) as a
    /// JSON string.
    #[inline]
    pub fn title(&mut self, err: &dyn ApiError, lang: &str) {
        if let Some(parts) = json::parts_in(err, lang) {
            // The default title, escaped by the derive.
            self.out.push(b'"');
            self.out.extend_from_slice(parts.title().as_bytes());
            self.out.push(b'"');
            return;
        }
        let meta = err.meta();
        self.string(meta.title_in(lang).unwrap_or(meta.title));
    }

    /// Writes `err`'s wire-safe message in `lang` (see
    /// [`Body::message_language`](crate::format::Body::message_language)) as a JSON
    /// string: a static message is copied, a template's literals are copied and only its
    /// values escaped.
    #[inline]
    pub fn message(&mut self, err: &dyn ApiError, lang: &str) {
        self.out.push(b'"');
        json::write_message(self.out, err, json::parts_in(err, lang), lang);
        self.out.push(b'"');
    }

    /// [`JsonWriter::message`] cut to at most `max` characters, at a char boundary (a
    /// format with a length limit, such as Oney's `error_label`).
    #[inline]
    pub fn message_limited(&mut self, err: &dyn ApiError, lang: &str, max: usize) {
        self.out.push(b'"');
        json::write_public_message(self.out, err, Some(max), lang);
        self.out.push(b'"');
    }

    /// Writes `err`'s field (the element of the request it is about) as a JSON string and
    /// answers `true`; writes nothing and answers `false` where it has none. A path
    /// ([`ApiError::field_path`]) is written dotted (`items[2].sku`); see
    /// [`JsonWriter::field_in`] for another notation.
    #[inline]
    pub fn field(&mut self, err: &dyn ApiError) -> bool {
        self.field_in(err, Notation::Dotted)
    }

    /// Writes `err`'s field as a JSON string, a path in `notation` (a declared
    /// [`ApiError::field`] is written as it is), and answers `true`; writes nothing and
    /// answers `false` where it has none.
    ///
    /// ```
    /// use apierror::format::JsonWriter;
    /// use apierror::{FieldPath, FieldViolation, Notation, Rule};
    ///
    /// let v = FieldViolation::new(FieldPath::new().key("a/b").index(0), "required", Rule::Required);
    /// let mut out = Vec::new();
    /// assert!(JsonWriter::new(&mut out).field_in(&v, Notation::Pointer));
    /// assert_eq!(out, br#""/a~1b/0""#);
    /// ```
    #[inline]
    pub fn field_in(&mut self, err: &dyn ApiError, notation: Notation) -> bool {
        if let Some(path) = err.field_path() {
            self.display(&path.display(notation));
            return true;
        }
        if let Some(text) = err.field_text() {
            self.string(text);
            return true;
        }
        match err.field() {
            Some(field) => {
                self.display(field);
                true
            }
            None => false,
        }
    }
}

/// The wire-safe message of `err` in `lang` as text: what [`JsonWriter::message`] writes,
/// unescaped, for a `Serialize` view or a log line.
///
/// ```
/// use apierror::format::public_message;
/// use apierror::ApiError;
///
/// #[derive(Debug, ApiError)]
/// enum E {
///     #[status(500)]
///     #[code("internal")]
///     Internal(String),
/// }
/// impl std::fmt::Display for E {
///     fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
///         match self { E::Internal(s) => write!(f, "db said: {s}") }
///     }
/// }
///
/// let err = E::Internal("password=hunter2".into());
/// assert_eq!(public_message(&err, "en").to_string(), "Internal Server Error");
/// ```
pub fn public_message<'a>(err: &'a dyn ApiError, lang: &'a str) -> impl fmt::Display + 'a {
    PublicMessage { err, lang }
}
