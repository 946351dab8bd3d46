//! Taking typed members out of a JSON object, so that what is left is the unknown rest.

use serde_json::{Map, Value};

use super::ParseError;

/// A JSON object being taken apart; `path` prefixes member names in errors.
pub(crate) struct Members {
    pub(crate) map: Map<String, Value>,
    path: String,
}

impl Members {
    pub(crate) fn new(map: Map<String, Value>, path: impl Into<String>) -> Self {
        Members {
            map,
            path: path.into(),
        }
    }

    pub(crate) fn path_of(&self, name: &str) -> String {
        if self.path.is_empty() {
            name.to_owned()
        } else {
            format!("{}.{name}", self.path)
        }
    }

    fn wrong(&self, name: &str, expected: &'static str) -> ParseError {
        ParseError::WrongType {
            member: self.path_of(name),
            expected,
        }
    }

    /// A string member; `null` counts as absent.
    pub(crate) fn string(&mut self, name: &str) -> Result<Option<String>, ParseError> {
        match self.map.remove(name) {
            None | Some(Value::Null) => Ok(None),
            Some(Value::String(s)) => Ok(Some(s)),
            Some(_) => Err(self.wrong(name, "a string")),
        }
    }

    /// An HTTP status member: an integer in `100..=999`.
    pub(crate) fn status(&mut self, name: &str) -> Result<Option<u16>, ParseError> {
        match self.map.remove(name) {
            None | Some(Value::Null) => Ok(None),
            Some(Value::Number(n)) => match n.as_u64() {
                Some(n @ 100..=999) => Ok(Some(n as u16)),
                _ => Err(self.wrong(name, "an HTTP status (100 to 999)")),
            },
            Some(_) => Err(self.wrong(name, "an HTTP status (100 to 999)")),
        }
    }

    /// An array member.
    pub(crate) fn array(&mut self, name: &str) -> Result<Option<Vec<Value>>, ParseError> {
        match self.map.remove(name) {
            None | Some(Value::Null) => Ok(None),
            Some(Value::Array(a)) => Ok(Some(a)),
            Some(_) => Err(self.wrong(name, "an array")),
        }
    }

    /// An object member.
    pub(crate) fn object(&mut self, name: &str) -> Result<Option<Members>, ParseError> {
        match self.map.remove(name) {
            None | Some(Value::Null) => Ok(None),
            Some(Value::Object(o)) => Ok(Some(Members::new(o, self.path_of(name)))),
            Some(_) => Err(self.wrong(name, "an object")),
        }
    }
}

/// The `i`-th element of the array at `path`, which must be an object.
pub(crate) fn element(value: Value, path: &str, i: usize) -> Result<Members, ParseError> {
    let at = format!("{path}[{i}]");
    match value {
        Value::Object(o) => Ok(Members::new(o, at)),
        _ => Err(ParseError::WrongType {
            member: at,
            expected: "an object",
        }),
    }
}
