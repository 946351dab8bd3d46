//! Taking typed members out of a JSON object, so that what is left is the unknown rest.
//!
//! Two modes. Strict (validators): a member of the wrong JSON type is a
//! [`ParseError::WrongType`]. Lenient (clients): a member is read where it can be (a status
//! written as a string of digits, a code written as a number) and otherwise left among the
//! unknown members, never an error; member names with stray spaces around them
//! (`"error_list "`, seen from an Oney connector) are read under their trimmed name.

use serde_json::{Map, Value};

use crate::format::parse_error::ParseError;
use crate::format::received::ReceivedBody;
use crate::format::Format;

/// How forgiving a reader is ([`WireFormat::read`](crate::format::WireFormat::read)).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ReadMode {
    /// For validators: every member the format requires, each of its JSON type.
    Strict,
    /// For clients: whatever can be read; a member of the wrong type is left among the
    /// unknown ones, never an error.
    Lenient,
}

/// A JSON object being taken apart; `path` prefixes member names in errors.
pub(crate) struct Members {
    pub(crate) map: Map<String, Value>,
    path: String,
    pub(crate) mode: ReadMode,
}

impl Members {
    pub(crate) fn new(map: Map<String, Value>, path: impl Into<String>, mode: ReadMode) -> Self {
        let map = match mode {
            ReadMode::Strict => map,
            ReadMode::Lenient => trim_names(map),
        };
        Members {
            map,
            path: path.into(),
            mode,
        }
    }

    pub(crate) fn path_of(&self, name: &str) -> String {
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

    /// A string member; `null` counts as absent. Leniently, a number or boolean is read as
    /// its JSON text (`6080` as `"6080"`).
    pub(crate) fn string(&mut self, name: &str) -> Result<Option<String>, ParseError> {
        match self.map.remove(name) {
            None | Some(Value::Null) => Ok(None),
            Some(Value::String(s)) => Ok(Some(s)),
            Some(value @ (Value::Number(_) | Value::Bool(_))) if self.mode == ReadMode::Lenient => {
                Ok(Some(value.to_string()))
            }
            Some(value) => self.wrong(name, value, "a string"),
        }
    }

    /// An HTTP status member: an integer in `100..=999`; leniently also a string of those
    /// digits (`"400"`, as a Vipps knowledge-base example writes it).
    pub(crate) fn status(&mut self, name: &str) -> Result<Option<u16>, ParseError> {
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

    /// An array member.
    pub(crate) fn array(&mut self, name: &str) -> Result<Option<Vec<Value>>, ParseError> {
        match self.map.remove(name) {
            None | Some(Value::Null) => Ok(None),
            Some(Value::Array(a)) => Ok(Some(a)),
            Some(value) => self.wrong(name, value, "an array"),
        }
    }

    /// An object member.
    pub(crate) fn object(&mut self, name: &str) -> Result<Option<Members>, ParseError> {
        match self.map.remove(name) {
            None | Some(Value::Null) => Ok(None),
            Some(Value::Object(o)) => Ok(Some(Members::new(o, self.path_of(name), self.mode))),
            Some(value) => self.wrong(name, value, "an object"),
        }
    }

    /// The `i`-th element of the array member `array`, which must be an object; leniently,
    /// `None` for any other value (the entry is skipped).
    pub(crate) fn element(
        &self,
        value: Value,
        array: &str,
        i: usize,
    ) -> Result<Option<Members>, ParseError> {
        let at = format!("{}[{i}]", self.path_of(array));
        match (value, self.mode) {
            (Value::Object(o), mode) => Ok(Some(Members::new(o, at, mode))),
            (_, ReadMode::Lenient) => Ok(None),
            (_, ReadMode::Strict) => Err(ParseError::WrongType {
                member: at,
                expected: "an object",
            }),
        }
    }
}

/// `map` with names that have spaces around them read under their trimmed name, unless
/// that name is taken already.
fn trim_names(map: Map<String, Value>) -> Map<String, Value> {
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

/// Reads `map` as `format` with `read_members`, one built-in's reader: what is left of the
/// object afterwards is kept in [`ReceivedBody::extra`]. In lenient mode a member the
/// format requires may be absent.
pub(crate) fn read_with(
    format: Format,
    map: Map<String, Value>,
    mode: ReadMode,
    read_members: fn(&mut Members, &mut ReceivedBody) -> Result<(), ParseError>,
) -> Result<ReceivedBody, ParseError> {
    let mut m = Members::new(map, "", mode);
    let mut body = ReceivedBody::new(format);
    read_members(&mut m, &mut body)?;
    body.extra = m.map;
    Ok(body)
}

/// A member the format requires: absent is an error in strict mode only.
pub(crate) fn required<T>(
    m: &Members,
    format: Format,
    value: Option<T>,
    member: &str,
) -> Result<Option<T>, ParseError> {
    match (value, m.mode) {
        (None, ReadMode::Strict) => Err(ParseError::Missing {
            format,
            member: m.path_of(member),
        }),
        (value, _) => Ok(value),
    }
}

/// Keeps `value`, if any, among the body's other members under `name`.
pub(crate) fn keep(extra: &mut Map<String, Value>, name: &str, value: Option<Value>) {
    if let Some(value) = value {
        extra.insert(name.to_owned(), value);
    }
}

pub(crate) fn missing(format: Format, member: &str) -> ParseError {
    ParseError::Missing {
        format,
        member: member.to_owned(),
    }
}
