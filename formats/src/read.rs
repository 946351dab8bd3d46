//! Taking members out of a received JSON object, strictly or leniently, so that what is
//! left is the rest the format does not define (kept in `ReceivedBody::extra`).
//!
//! Strict (validators): a member of the wrong JSON type is a `ParseError::WrongType`, a
//! required one absent a `ParseError::Missing`. Lenient (clients): a string member may be a
//! number or a boolean (read as its JSON text), and a member of the wrong type is left
//! among the rest and reads as absent.

use apierror_runtime::format::{ParseError, ReadMode, ReceivedBody};
use apierror_runtime::Format;
use serde_json::{Map, Value};

/// An object being taken apart, `path` naming it in errors (`error`, `errors[2]`).
pub(crate) struct Members {
    pub map: Map<String, Value>,
    path: String,
    mode: ReadMode,
    format: Format,
}

impl Members {
    /// The top-level object of a body of `format`.
    pub fn new(map: Map<String, Value>, mode: ReadMode, format: Format) -> Self {
        Members {
            map,
            path: String::new(),
            mode,
            format,
        }
    }

    /// The path of member `name` in errors.
    fn path_of(&self, name: &str) -> String {
        match self.path.is_empty() {
            true => name.to_owned(),
            false => format!("{}.{name}", self.path),
        }
    }

    /// The strict error for `value`, of the wrong type; leniently it goes back among the
    /// rest and reads as absent.
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
            _ => {
                self.map.insert(name.to_owned(), value);
                Ok(None)
            }
        }
    }

    /// A string member; `null` counts as absent.
    pub fn string(&mut self, name: &str) -> Result<Option<String>, ParseError> {
        match self.map.remove(name) {
            None | Some(Value::Null) => Ok(None),
            Some(Value::String(s)) => Ok(Some(s)),
            Some(value @ (Value::Number(_) | Value::Bool(_))) if self.mode != ReadMode::Strict => {
                Ok(Some(value.to_string()))
            }
            Some(value) => self.wrong(name, value, "a string"),
        }
    }

    /// An object member, to be taken apart in turn.
    pub fn object(&mut self, name: &str) -> Result<Option<Members>, ParseError> {
        match self.map.remove(name) {
            None | Some(Value::Null) => Ok(None),
            Some(Value::Object(map)) => Ok(Some(self.child(map, self.path_of(name)))),
            Some(value) => self.wrong(name, value, "an object"),
        }
    }

    /// An array member.
    pub fn array(&mut self, name: &str) -> Result<Option<Vec<Value>>, ParseError> {
        match self.map.remove(name) {
            None | Some(Value::Null) => Ok(None),
            Some(Value::Array(list)) => Ok(Some(list)),
            Some(value) => self.wrong(name, value, "an array"),
        }
    }

    /// Element `index` of array `name`, an object; leniently `None` for anything else.
    pub fn element(
        &self,
        value: Value,
        name: &str,
        index: usize,
    ) -> Result<Option<Members>, ParseError> {
        let path = format!("{}[{index}]", self.path_of(name));
        match value {
            Value::Object(map) => Ok(Some(self.child(map, path))),
            _ if self.mode == ReadMode::Strict => Err(ParseError::WrongType {
                member: path,
                expected: "an object",
            }),
            _ => Ok(None),
        }
    }

    /// `value` of member `name`, which the format requires: absent is an error in strict
    /// mode only.
    pub fn required<T>(&self, name: &str, value: Option<T>) -> Result<Option<T>, ParseError> {
        match (value, self.mode) {
            (None, ReadMode::Strict) => Err(ParseError::Missing {
                format: self.format,
                member: self.path_of(name),
            }),
            (value, _) => Ok(value),
        }
    }

    fn child(&self, map: Map<String, Value>, path: String) -> Members {
        Members {
            map,
            path,
            mode: self.mode,
            format: self.format,
        }
    }
}

/// Reads `{"error":{…}}`, the envelope Stripe's and Microsoft's bodies share, as `format`:
/// `error` is required in strict mode; `members` reads what it knows of the error object,
/// and what it leaves there and beside it is kept in the body's `extra`.
pub(crate) fn error_object(
    object: Map<String, Value>,
    mode: ReadMode,
    format: Format,
    members: impl FnOnce(&mut Members, &mut ReceivedBody) -> Result<(), ParseError>,
) -> Result<ReceivedBody, ParseError> {
    let mut m = Members::new(object, mode, format);
    let mut body = ReceivedBody::new(format);
    let error = m.object("error")?;
    if let Some(mut error) = m.required("error", error)? {
        members(&mut error, &mut body)?;
        m.map.extend(error.map);
    }
    body.extra = m.map;
    Ok(body)
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    fn members(value: Value, mode: ReadMode) -> Members {
        let Value::Object(map) = value else {
            unreachable!()
        };
        Members::new(map, mode, Format::named("test"))
    }

    #[test]
    fn strict_reads_types_exactly() {
        let mut m = members(json!({"a": 1, "b": {"c": [1]}}), ReadMode::Strict);
        assert_eq!(
            m.string("a"),
            Err(ParseError::WrongType {
                member: "a".into(),
                expected: "a string"
            })
        );
        let mut b = m.object("b").unwrap().unwrap();
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
    }

    #[test]
    fn lenient_reads_what_it_can_and_keeps_the_rest() {
        let mut m = members(json!({"a": 1, "b": [1], "c": null}), ReadMode::Lenient);
        assert_eq!(m.string("a"), Ok(Some("1".into())));
        assert_eq!(m.string("b"), Ok(None));
        assert_eq!(m.string("c"), Ok(None));
        assert_eq!(m.map, *json!({"b": [1]}).as_object().unwrap());
        assert_eq!(m.required("x", None::<String>), Ok(None));
        assert!(m.element(json!(1), "b", 0).unwrap().is_none());
    }
}
