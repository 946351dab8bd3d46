//! [`Members`]: a received JSON object's members taken out one by one, typed, so that what
//! is left is the rest the format does not define. Every reader uses it: the built-ins', the
//! `apierror-formats` crate's, and a user's own [`WireFormat::read`].
//!
//! Two modes ([`ReadMode`]). Strict (validators): a member of the wrong JSON type is a
//! [`ParseError::WrongType`], a required one absent a [`ParseError::Missing`]. Lenient
//! (clients): a member is read where it can be (a status written as a string of digits, a
//! code written as a number) and otherwise left among the rest, never an error; member
//! names with stray spaces around them (`"error_list "`, seen from an Oney connector) are
//! read under their trimmed name.

use serde_json::{Map, Value};

use crate::format::parse_error::ParseError;
use crate::format::received::ReceivedBody;
use crate::format::Format;
#[cfg(doc)]
use crate::format::WireFormat;

/// How forgiving a reader is ([`WireFormat::read`]).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ReadMode {
    /// For validators: every member the format requires, each of its JSON type.
    Strict,
    /// For clients: whatever can be read; a member of the wrong type is left among the
    /// unknown ones, never an error.
    Lenient,
}

/// A received JSON object being taken apart, for a [`WireFormat::read`]: each member the
/// format defines is taken out typed ([`Members::string`], [`Members::status`],
/// [`Members::integer`], [`Members::object`], [`Members::array`]), and what is left
/// ([`Members::rest`], [`Members::into_map`]) is the rest, kept in a
/// [`ReceivedBody::extra`] or a [`ReceivedEntry::extra`](crate::format::ReceivedEntry::extra).
///
/// In [`ReadMode::Strict`] a member of the wrong JSON type is a [`ParseError::WrongType`]
/// and a member the format requires ([`Members::required`]) absent a
/// [`ParseError::Missing`], each naming the member by its path from the top of the body
/// (`error.code`, `errors[2].detail`). In [`ReadMode::Lenient`] nothing is an error: a
/// string may be written as a number or a boolean, a status as a string of digits, and a
/// member of any other wrong type reads as absent and stays among the rest. Leniently too,
/// a member name with spaces around it (`"code "`) is read under its trimmed name, unless
/// that name is taken already.
///
/// `null` reads as absent in both modes.
///
/// ```
/// use apierror::format::{Members, ParseError, ReadMode};
/// use apierror::Format;
/// use serde_json::json;
///
/// let body = json!({"error": {"code": 42, "message": "no"}, "request_id": "r-1"});
/// let object = body.as_object().unwrap().clone();
///
/// // Leniently, the code written as a number reads as its text.
/// let mut m = Members::new(object.clone(), Format::named("acme"), ReadMode::Lenient);
/// let mut error = m.object("error")?.unwrap();
/// assert_eq!(error.string("code")?.as_deref(), Some("42"));
/// assert_eq!(error.string("message")?.as_deref(), Some("no"));
/// assert_eq!(m.into_map(), *json!({"request_id": "r-1"}).as_object().unwrap());
///
/// // Strictly it is an error, naming the member by its path.
/// let mut m = Members::new(object, Format::named("acme"), ReadMode::Strict);
/// let mut error = m.object("error")?.unwrap();
/// assert_eq!(
///     error.string("code"),
///     Err(ParseError::WrongType { member: "error.code".into(), expected: "a string" })
/// );
/// # Ok::<(), ParseError>(())
/// ```
#[derive(Debug, Clone)]
pub struct Members {
    map: Map<String, Value>,
    path: String,
    format: Format,
    mode: ReadMode,
}

impl Members {
    /// The top-level object of a body of `format`, read in `mode`. Leniently, member names
    /// with spaces around them are read under their trimmed name.
    ///
    /// ```
    /// use apierror::format::{Members, ReadMode};
    /// use apierror::Format;
    /// use serde_json::json;
    ///
    /// let object = json!({"code ": "late"}).as_object().unwrap().clone();
    /// let mut m = Members::new(object, Format::named("acme"), ReadMode::Lenient);
    /// assert_eq!(m.string("code")?.as_deref(), Some("late"));
    /// # Ok::<(), apierror::format::ParseError>(())
    /// ```
    pub fn new(object: Map<String, Value>, format: Format, mode: ReadMode) -> Self {
        Members::at(object, String::new(), format, mode)
    }

    /// Reads `object` as a body of `format`: `read` takes what the format defines out of
    /// the object's members into the body, and what it leaves is kept in
    /// [`ReceivedBody::extra`]. The shape of most [`WireFormat::read`]s.
    ///
    /// ```
    /// use apierror::format::{Members, ParseError, ReadMode};
    /// use apierror::Format;
    /// use serde_json::json;
    ///
    /// let object = json!({"code": "late", "hint": "retry"}).as_object().unwrap().clone();
    /// let body = Members::read_body(object, Format::named("acme"), ReadMode::Strict, |m, body| {
    ///     let code = m.string("code")?;
    ///     body.code = m.required("code", code)?;
    ///     Ok(())
    /// })?;
    /// assert_eq!(body.code.as_deref(), Some("late"));
    /// assert_eq!(body.extra, *json!({"hint": "retry"}).as_object().unwrap());
    /// # Ok::<(), ParseError>(())
    /// ```
    pub fn read_body(
        object: Map<String, Value>,
        format: Format,
        mode: ReadMode,
        read: impl FnOnce(&mut Members, &mut ReceivedBody) -> Result<(), ParseError>,
    ) -> Result<ReceivedBody, ParseError> {
        let mut m = Members::new(object, format, mode);
        let mut body = ReceivedBody::new(format);
        read(&mut m, &mut body)?;
        body.extra = m.map;
        Ok(body)
    }

    fn at(map: Map<String, Value>, path: String, format: Format, mode: ReadMode) -> Self {
        let map = match mode {
            ReadMode::Strict => map,
            ReadMode::Lenient => trim_names(map),
        };
        Members {
            map,
            path,
            format,
            mode,
        }
    }

    /// The format being read, as [`Members::new`] was given it.
    pub fn format(&self) -> Format {
        self.format
    }

    /// The mode of the read, as [`Members::new`] was given it.
    pub fn mode(&self) -> ReadMode {
        self.mode
    }

    /// Where this object is in the body, as errors name it: empty at the top, `error` for
    /// the object of member `error`, `errors[2]` for an element of an array.
    pub fn path(&self) -> &str {
        &self.path
    }

    /// The path of member `name` of this object, as errors name it (`errors[2].detail`):
    /// for a [`ParseError`] of the reader's own.
    ///
    /// ```
    /// use apierror::format::{Members, ReadMode};
    /// use apierror::Format;
    /// use serde_json::json;
    ///
    /// let object = json!({"error": {}}).as_object().unwrap().clone();
    /// let mut m = Members::new(object, Format::named("acme"), ReadMode::Strict);
    /// assert_eq!(m.path_of("error"), "error");
    /// let error = m.object("error")?.unwrap();
    /// assert_eq!(error.path_of("code"), "error.code");
    /// # Ok::<(), apierror::format::ParseError>(())
    /// ```
    pub fn path_of(&self, name: &str) -> String {
        if self.path.is_empty() {
            name.to_owned()
        } else {
            format!("{}.{name}", self.path)
        }
    }

    /// The strict error for a member of the wrong type; in lenient mode the member goes
    /// back among the unknown ones and reads as absent.
    fn wrong<T>(
        &mut self,
        name: &str,
        value: Value,
        expected: &'static str,
    ) -> Result<Option<T>, ParseError> {
        match self.mode {
            ReadMode::Strict => Err(ParseError::WrongType {
                member: self.path_of(name),
                expected,
            }),
            ReadMode::Lenient => {
                self.map.insert(name.to_owned(), value);
                Ok(None)
            }
        }
    }

    /// Takes out string member `name`. Leniently, a number or boolean is read as its JSON
    /// text (`6080` as `"6080"`).
    ///
    /// # Errors
    ///
    /// Strictly, [`ParseError::WrongType`] (`a string`) for a member of another type.
    pub fn string(&mut self, name: &str) -> Result<Option<String>, ParseError> {
        match self.map.remove(name) {
            None | Some(Value::Null) => Ok(None),
            Some(Value::String(s)) => Ok(Some(s)),
            Some(value @ (Value::Number(_) | Value::Bool(_))) if self.mode == ReadMode::Lenient => {
                Ok(Some(value.to_string()))
            }
            Some(value) => self.wrong(name, value, "a string"),
        }
    }

    /// Takes out HTTP status member `name`: an integer in `100..=999`; leniently also a
    /// string of those digits (`"400"`, as a Vipps knowledge-base example writes it).
    ///
    /// # Errors
    ///
    /// Strictly, [`ParseError::WrongType`] (`an HTTP status (100 to 999)`) for anything
    /// else.
    ///
    /// ```
    /// use apierror::format::{Members, ReadMode};
    /// use apierror::Format;
    /// use serde_json::json;
    ///
    /// let object = json!({"status": "404"}).as_object().unwrap().clone();
    /// let mut m = Members::new(object.clone(), Format::named("acme"), ReadMode::Lenient);
    /// assert_eq!(m.status("status"), Ok(Some(404)));
    /// let mut m = Members::new(object, Format::named("acme"), ReadMode::Strict);
    /// assert!(m.status("status").is_err());
    /// ```
    pub fn status(&mut self, name: &str) -> Result<Option<u16>, ParseError> {
        const EXPECTED: &str = "an HTTP status (100 to 999)";
        let value = match self.map.remove(name) {
            None | Some(Value::Null) => return Ok(None),
            Some(value) => value,
        };
        let number = match (&value, self.mode) {
            (Value::Number(n), _) => n.as_u64(),
            (Value::String(s), ReadMode::Lenient) => s.trim().parse::<u64>().ok(),
            _ => None,
        };
        match number {
            Some(n @ 100..=999) => Ok(u16::try_from(n).ok()),
            _ => self.wrong(name, value, EXPECTED),
        }
    }

    /// Takes out integer member `name` (a numeric error code, a count); leniently also a
    /// string of an integer's digits (`"1042"`).
    ///
    /// # Errors
    ///
    /// Strictly, [`ParseError::WrongType`] (`an integer`) for anything else, a fraction or
    /// an integer beyond `i64` included.
    ///
    /// ```
    /// use apierror::format::{Members, ReadMode};
    /// use apierror::Format;
    /// use serde_json::json;
    ///
    /// let object = json!({"code": 1042, "count": "3"}).as_object().unwrap().clone();
    /// let mut m = Members::new(object, Format::named("acme"), ReadMode::Lenient);
    /// assert_eq!(m.integer("code"), Ok(Some(1042)));
    /// assert_eq!(m.integer("count"), Ok(Some(3)));
    /// ```
    pub fn integer(&mut self, name: &str) -> Result<Option<i64>, ParseError> {
        let value = match self.map.remove(name) {
            None | Some(Value::Null) => return Ok(None),
            Some(value) => value,
        };
        let number = match (&value, self.mode) {
            (Value::Number(n), _) => n.as_i64(),
            (Value::String(s), ReadMode::Lenient) => s.trim().parse::<i64>().ok(),
            _ => None,
        };
        match number {
            Some(n) => Ok(Some(n)),
            None => self.wrong(name, value, "an integer"),
        }
    }

    /// Takes out array member `name`; each element that should be an object is read with
    /// [`Members::element`].
    ///
    /// # Errors
    ///
    /// Strictly, [`ParseError::WrongType`] (`an array`) for a member of another type.
    pub fn array(&mut self, name: &str) -> Result<Option<Vec<Value>>, ParseError> {
        match self.map.remove(name) {
            None | Some(Value::Null) => Ok(None),
            Some(Value::Array(a)) => Ok(Some(a)),
            Some(value) => self.wrong(name, value, "an array"),
        }
    }

    /// Takes out object member `name`, to be taken apart in turn; its members' paths in
    /// errors start with `name`.
    ///
    /// # Errors
    ///
    /// Strictly, [`ParseError::WrongType`] (`an object`) for a member of another type.
    pub fn object(&mut self, name: &str) -> Result<Option<Members>, ParseError> {
        match self.map.remove(name) {
            None | Some(Value::Null) => Ok(None),
            Some(Value::Object(o)) => Ok(Some(self.child(o, self.path_of(name)))),
            Some(value) => self.wrong(name, value, "an object"),
        }
    }

    /// Element `index` of this object's array member `array` (taken out with
    /// [`Members::array`]), `value`, which should be an object: its members' paths in
    /// errors start with `array[index]`. Leniently, `None` for any other value: the
    /// element is skipped.
    ///
    /// # Errors
    ///
    /// Strictly, [`ParseError::WrongType`] (`an object`) for an element of another type.
    ///
    /// ```
    /// use apierror::format::{Members, ParseError, ReadMode};
    /// use apierror::Format;
    /// use serde_json::json;
    ///
    /// let object = json!({"errors": [{"detail": "no"}, 7]}).as_object().unwrap().clone();
    /// let mut m = Members::new(object, Format::named("acme"), ReadMode::Strict);
    /// let mut details = Vec::new();
    /// let mut failure = None;
    /// for (i, value) in m.array("errors")?.unwrap_or_default().into_iter().enumerate() {
    ///     match m.element(value, "errors", i) {
    ///         Ok(Some(mut e)) => details.push(e.string("detail")?),
    ///         Ok(None) => {}
    ///         Err(e) => failure = Some(e),
    ///     }
    /// }
    /// assert_eq!(details, [Some("no".to_owned())]);
    /// assert_eq!(
    ///     failure,
    ///     Some(ParseError::WrongType { member: "errors[1]".into(), expected: "an object" })
    /// );
    /// # Ok::<(), ParseError>(())
    /// ```
    pub fn element(
        &self,
        value: Value,
        array: &str,
        index: usize,
    ) -> Result<Option<Members>, ParseError> {
        let at = format!("{}[{index}]", self.path_of(array));
        match (value, self.mode) {
            (Value::Object(o), _) => Ok(Some(self.child(o, at))),
            (_, ReadMode::Lenient) => Ok(None),
            (_, ReadMode::Strict) => Err(ParseError::WrongType {
                member: at,
                expected: "an object",
            }),
        }
    }

    /// `value`, read from member `name`, which the format requires: absent is an error in
    /// strict mode only.
    ///
    /// # Errors
    ///
    /// Strictly, [`ParseError::Missing`] for `None`.
    ///
    /// ```
    /// use apierror::format::{Members, ParseError, ReadMode};
    /// use apierror::Format;
    /// use serde_json::Map;
    ///
    /// let mut m = Members::new(Map::new(), Format::named("acme"), ReadMode::Strict);
    /// let code = m.string("code")?;
    /// assert_eq!(
    ///     m.required("code", code),
    ///     Err(ParseError::Missing { format: Format::named("acme"), member: "code".into() })
    /// );
    /// # Ok::<(), ParseError>(())
    /// ```
    pub fn required<T>(&self, name: &str, value: Option<T>) -> Result<Option<T>, ParseError> {
        match (value, self.mode) {
            (None, ReadMode::Strict) => Err(self.missing(name)),
            (value, _) => Ok(value),
        }
    }

    /// The [`ParseError::Missing`] for member `name` of this object, whatever the mode: for
    /// a member a reader cannot do without even leniently.
    pub fn missing(&self, name: &str) -> ParseError {
        ParseError::Missing {
            format: self.format,
            member: self.path_of(name),
        }
    }

    /// Takes out member `name` as it is, of any type (`null` too).
    pub fn take(&mut self, name: &str) -> Option<Value> {
        self.map.remove(name)
    }

    /// Puts `value`, if any, among the rest under `name`, in place of any member of that
    /// name: a member read that the body keeps anyway, or one of a nested object kept at
    /// this level.
    ///
    /// ```
    /// use apierror::format::{Members, ReadMode};
    /// use apierror::Format;
    /// use serde_json::json;
    ///
    /// let object = json!({"error": {"code": "late", "domain": "acme.com"}}).as_object().unwrap().clone();
    /// let mut m = Members::new(object, Format::named("acme"), ReadMode::Strict);
    /// let mut error = m.object("error")?.unwrap();
    /// let _code = error.string("code")?;
    /// m.keep("domain", error.take("domain"));
    /// assert_eq!(m.into_map(), *json!({"domain": "acme.com"}).as_object().unwrap());
    /// # Ok::<(), apierror::format::ParseError>(())
    /// ```
    pub fn keep(&mut self, name: &str, value: Option<Value>) {
        if let Some(value) = value {
            self.map.insert(name.to_owned(), value);
        }
    }

    /// The members not taken out so far.
    pub fn rest(&self) -> &Map<String, Value> {
        &self.map
    }

    /// The members not taken out so far, to change: to keep a nested object's rest at
    /// this level (`m.rest_mut().extend(error.into_map())`), say.
    pub fn rest_mut(&mut self) -> &mut Map<String, Value> {
        &mut self.map
    }

    /// The members not taken out: the rest the format does not define, for a
    /// [`ReceivedBody::extra`] or a
    /// [`ReceivedEntry::extra`](crate::format::ReceivedEntry::extra).
    pub fn into_map(self) -> Map<String, Value> {
        self.map
    }

    fn child(&self, map: Map<String, Value>, path: String) -> Members {
        Members::at(map, path, self.format, self.mode)
    }
}

/// `map` with names that have spaces around them read under their trimmed name, unless
/// that name is taken already.
pub(crate) fn trim_names(map: Map<String, Value>) -> Map<String, Value> {
    if !map.keys().any(|k| k.trim() != k) {
        return map;
    }
    let mut out = Map::new();
    let mut untrimmed = Vec::new();
    for (name, value) in map {
        if name.trim() == name {
            out.insert(name, value);
        } else {
            untrimmed.push((name, value));
        }
    }
    for (name, value) in untrimmed {
        let trimmed = name.trim();
        if out.contains_key(trimmed) {
            out.insert(name, value);
        } else {
            out.insert(trimmed.to_owned(), value);
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    fn members(value: Value, mode: ReadMode) -> Members {
        let Value::Object(map) = value else {
            unreachable!()
        };
        Members::new(map, Format::named("test"), mode)
    }

    #[test]
    fn strict_reads_types_exactly() {
        let mut m = members(
            json!({"a": 1, "b": {"c": [1]}, "s": "400"}),
            ReadMode::Strict,
        );
        assert_eq!(
            m.string("a"),
            Err(ParseError::WrongType {
                member: "a".into(),
                expected: "a string"
            })
        );
        assert_eq!(
            m.status("s"),
            Err(ParseError::WrongType {
                member: "s".into(),
                expected: "an HTTP status (100 to 999)"
            })
        );
        let mut b = m.object("b").unwrap().unwrap();
        assert_eq!(b.path(), "b");
        assert_eq!(
            b.string("c"),
            Err(ParseError::WrongType {
                member: "b.c".into(),
                expected: "a string"
            })
        );
        assert_eq!(
            b.required("d", None::<String>),
            Err(ParseError::Missing {
                format: Format::named("test"),
                member: "b.d".into()
            })
        );
        assert!(
            matches!(b.element(json!(1), "c", 0), Err(ParseError::WrongType { member, .. }) if member == "b.c[0]")
        );
        let e = b.element(json!({}), "c", 2).unwrap().unwrap();
        assert_eq!(e.path_of("x"), "b.c[2].x");
        assert_eq!(e.format(), Format::named("test"));
        assert_eq!(e.mode(), ReadMode::Strict);
    }

    #[test]
    fn strict_keeps_names_as_written() {
        let mut m = members(json!({"a ": "x"}), ReadMode::Strict);
        assert_eq!(m.string("a"), Ok(None));
        assert_eq!(m.rest().len(), 1);
    }

    #[test]
    fn lenient_reads_what_it_can_and_keeps_the_rest() {
        let mut m = members(
            json!({"a": 1, "b": [1], "c": null, "s": " 404 ", "t": 42}),
            ReadMode::Lenient,
        );
        assert_eq!(m.string("a"), Ok(Some("1".into())));
        assert_eq!(m.string("b"), Ok(None));
        assert_eq!(m.string("c"), Ok(None));
        assert_eq!(m.status("s"), Ok(Some(404)));
        assert_eq!(m.status("t"), Ok(None));
        assert_eq!(
            m.into_map(),
            *json!({"b": [1], "t": 42}).as_object().unwrap()
        );
        let m = members(json!({}), ReadMode::Lenient);
        assert_eq!(m.required("x", None::<String>), Ok(None));
        assert!(m.element(json!(1), "b", 0).unwrap().is_none());
    }

    #[test]
    fn integers() {
        let mut m = members(
            json!({"a": -3, "b": "12", "c": 1.5, "d": 18446744073709551615u64}),
            ReadMode::Lenient,
        );
        assert_eq!(m.integer("a"), Ok(Some(-3)));
        assert_eq!(m.integer("b"), Ok(Some(12)));
        assert_eq!(m.integer("c"), Ok(None));
        assert_eq!(m.integer("d"), Ok(None));
        assert_eq!(m.rest().len(), 2);
        let mut m = members(json!({"b": "12"}), ReadMode::Strict);
        assert_eq!(
            m.integer("b"),
            Err(ParseError::WrongType {
                member: "b".into(),
                expected: "an integer"
            })
        );
    }

    #[test]
    fn lenient_trims_names_at_every_level() {
        let mut m = members(
            json!({" a": "x", "b": "y", "b ": "z", "o ": {"c\t": "w"}}),
            ReadMode::Lenient,
        );
        assert_eq!(m.string("a"), Ok(Some("x".into())));
        assert_eq!(m.string("b"), Ok(Some("y".into())));
        let mut o = m.object("o").unwrap().unwrap();
        assert_eq!(o.string("c"), Ok(Some("w".into())));
        assert_eq!(m.into_map(), *json!({"b ": "z"}).as_object().unwrap());
    }

    #[test]
    fn take_keep_and_missing() {
        let mut m = members(json!({"a": [1], "b": null}), ReadMode::Lenient);
        assert_eq!(m.take("b"), Some(Value::Null));
        let a = m.take("a");
        m.keep("kept", a);
        m.keep("none", None);
        m.rest_mut().insert("more".into(), json!(true));
        assert_eq!(
            m.rest(),
            json!({"kept": [1], "more": true}).as_object().unwrap()
        );
        assert_eq!(
            m.missing("x"),
            ParseError::Missing {
                format: Format::named("test"),
                member: "x".into()
            }
        );
    }
}
