//! The texts of axum's and actix-web's rejections read: the member a deserialization
//! failure is about, and the text told again without what the request sent.
//!
//! A framework quotes the request back (`invalid type: string "x", expected u32`, ``Cannot
//! parse `id` with value `x` to a `u64` ``). Each text recognised here is split into the
//! framework's own lead (`Failed to deserialize query string`), the path of the member
//! where the framework says it (axum's extractors track it with `serde_path_to_error`:
//! `items[0].qty`), and serde's message, which becomes a [`FieldViolation`] whose message
//! is made only of what the server's own types say
//! ([`serde_error::violation`](crate::validation::serde_error::violation)).
//!
//! | framework | text | member |
//! |---|---|---|
//! | axum | `Failed to deserialize the JSON body into the target type: <path>: <message>` | the path |
//! | axum | `Failed to parse the request body as JSON: <path>: <message>` | the path (the body where none) |
//! | axum | `Failed to deserialize form body: …`, `Failed to deserialize form: …`, `Failed to deserialize query string: …` | the path |
//! | axum | ``Invalid URL: Cannot parse `<key>` with value `<value>` to a `<type>` `` (and `: <message>`), ``Invalid UTF-8 in `<key>` `` | the path parameter |
//! | actix-web | `Json deserialize error: <message>`, `Query deserialize error: <message>`, `Parse error: <message>.` (a form) | the member serde names (`missing field`, `unknown field`, `duplicate field`); the body for a JSON syntax error |
//! | actix-web | `Path deserialize error: <message>` | none |
//!
//! actix-web's extractors call serde without tracking the path, so their texts name no
//! member of a nested body: a member serde's message names is reported by its name alone,
//! and a value of the wrong type by no member at all (only the text, told without the
//! value).

use apierror_runtime::{FieldPath, FieldViolation, Message, Notation, Rule, Segment};

use crate::validation::serde_error;

/// A framework's text, read.
#[derive(Debug, PartialEq)]
pub(super) struct Read {
    /// The text with what the request sent left out.
    pub(super) detail: String,
    /// The member the text is about, where it says.
    pub(super) violation: Option<FieldViolation>,
}

/// Where a deserialization failure is.
#[derive(Clone, Copy, PartialEq)]
enum Source {
    /// A JSON body: its root is the body, a member of its own.
    Json,
    /// A query string or a form: a failure names a member, or none.
    Fields,
}

/// axum's leads of a deserialization failure, each followed by `: ` and the text of a
/// `serde_path_to_error::Error` (`<path>: <message>`, or `<message>` at the root). The
/// longer of two leads that start alike comes first.
const AXUM_PATHED: [(&str, Source); 5] = [
    (
        "Failed to deserialize the JSON body into the target type",
        Source::Json,
    ),
    ("Failed to parse the request body as JSON", Source::Json),
    ("Failed to deserialize form body", Source::Fields),
    ("Failed to deserialize form", Source::Fields),
    ("Failed to deserialize query string", Source::Fields),
];

/// actix-web's leads, each followed by `: ` and serde's message alone.
const ACTIX_UNPATHED: [(&str, Source); 3] = [
    ("Json deserialize error", Source::Json),
    ("Query deserialize error", Source::Fields),
    // `UrlencodedError::Parse`, whose text ends with a full stop.
    ("Parse error", Source::Fields),
];

/// axum's lead of a path parameter's failure.
const AXUM_PATH_PARAMS: &str = "Invalid URL";
/// actix-web's lead of a path parameter's failure.
const ACTIX_PATH_PARAMS: &str = "Path deserialize error";

/// What `text` says, where it is a text this module knows; `None` otherwise.
pub(super) fn read(text: &str) -> Option<Read> {
    let text = text.trim();
    for (lead, source) in AXUM_PATHED {
        if let Some(rest) = after_lead(text, lead) {
            let (path, message) = split_path(rest);
            return Some(deserialization(lead, source, path, message));
        }
    }
    for (lead, source) in ACTIX_UNPATHED {
        if let Some(rest) = after_lead(text, lead) {
            let message = match lead {
                "Parse error" => rest.strip_suffix('.').unwrap_or(rest),
                _ => rest,
            };
            let read = deserialization(lead, source, None, message);
            // Without a path, a violation at the root says where only for a JSON syntax
            // error (the body as a whole) or where serde named the member.
            let names =
                |v: &FieldViolation| !v.path().is_empty() || v.code_text() == "invalid_json";
            return Some(Read {
                violation: read.violation.filter(names),
                ..read
            });
        }
    }
    if let Some(rest) = after_lead(text, AXUM_PATH_PARAMS) {
        return Some(axum_path_params(rest));
    }
    if let Some(rest) = after_lead(text, ACTIX_PATH_PARAMS) {
        let told = told(&serde_error::violation(FieldPath::new(), &actix_path(rest)));
        return Some(Read {
            detail: format!("{ACTIX_PATH_PARAMS}: {told}"),
            violation: None,
        });
    }
    None
}

/// What follows `lead` and `: ` in `text`.
fn after_lead<'t>(text: &'t str, lead: &str) -> Option<&'t str> {
    text.strip_prefix(lead)?.strip_prefix(": ")
}

/// A `serde_path_to_error` text split into its path (`None` where it has none: an error
/// at the root) and serde's message.
///
/// The path is what comes before the first `: `, where that holds no white space (serde's
/// own messages that hold `: `, `invalid type: …`, do) and reads as a dotted path; `.` is
/// the root.
fn split_path(text: &str) -> (Option<FieldPath>, &str) {
    let Some((path, message)) = text.split_once(": ") else {
        return (None, text);
    };
    if path.is_empty() || path.contains(char::is_whitespace) {
        return (None, text);
    }
    if path == "." {
        return (Some(FieldPath::new()), message);
    }
    match FieldPath::parse(path, Notation::Dotted) {
        Some(path) => (Some(path), message),
        None => (None, text),
    }
}

/// The violation of serde's `message` at `path` (the root where none), and the detail
/// told with it: `lead: path: message`.
fn deserialization(lead: &str, source: Source, path: Option<FieldPath>, message: &str) -> Read {
    let at_root = path.is_none();
    let path = path.map(|p| without_unknown_member(p, message));
    let violation = serde_error::violation(path.unwrap_or_default(), message);
    let detail = match violation.path().is_empty() {
        true => format!("{lead}: {}", told(&violation)),
        false => format!(
            "{lead}: {}: {}",
            violation.path().display(Notation::Dotted),
            told(&violation)
        ),
    };
    // A query string or a form has no member at its root: a failure there names none.
    let names = source == Source::Json || !at_root || !violation.path().is_empty();
    Read {
        detail,
        violation: names.then_some(violation),
    }
}

/// `path` without its last member where that is the unknown member `message` names:
/// `serde_path_to_error` has it in the path already, and the violation adds the member a
/// message names.
fn without_unknown_member(path: FieldPath, message: &str) -> FieldPath {
    let named = message
        .strip_prefix("unknown field `")
        .and_then(|rest| rest.split_once('`'))
        .map(|(name, _)| name);
    match (named, path.segments().split_last()) {
        (Some(name), Some((Segment::Key(last), parent))) if last == name => {
            let mut parent_path = FieldPath::new();
            for segment in parent {
                match segment {
                    Segment::Key(key) => parent_path.push_key(key.clone()),
                    Segment::Index(index) => parent_path.push_index(*index),
                }
            }
            parent_path
        }
        _ => path,
    }
}

/// A violation's message, in English.
fn told(violation: &FieldViolation) -> String {
    Message::new(violation).to_string()
}

/// axum's text of a path parameter's failure, after `Invalid URL: ` (axum's
/// `ErrorKind`s, as its `Display` writes them).
fn axum_path_params(rest: &str) -> Read {
    let lead = AXUM_PATH_PARAMS;
    if let Some(after) = rest.strip_prefix("Cannot parse `") {
        // `<key>` with value `<value>` to a `<type>`, or `<key>` with value `<value>`:
        // <message>. A key is a route's parameter name; the value is the request's, and
        // may hold anything, so what follows it is found from the end.
        if let Some((key, value_on)) = after.split_once("` with value `") {
            let path = FieldPath::new().key(key.to_owned());
            let violation = match value_on
                .strip_suffix('`')
                .and_then(|v| v.rsplit_once("` to a `"))
            {
                Some((_, ty)) => expected_type(path, ty),
                None => match value_on.rsplit_once("`: ") {
                    Some((_, message)) => serde_error::violation(path, message),
                    None => serde_error::violation(path, ""),
                },
            };
            let detail = format!(
                "{lead}: {}: {}",
                violation.path().display(Notation::Dotted),
                told(&violation)
            );
            return Read {
                detail,
                violation: Some(violation),
            };
        }
        // `<value>` to a `<type>`: a parameter of a primitive type, named nowhere.
        if let Some((_, ty)) = after
            .strip_suffix('`')
            .and_then(|a| a.rsplit_once("` to a `"))
        {
            return Read {
                detail: format!("{lead}: Cannot parse a path parameter to a `{ty}`"),
                violation: None,
            };
        }
    }
    if let Some(after) = rest.strip_prefix("Cannot parse value at index ") {
        // `<index>` with value `<value>` to a `<type>`: a tuple's element.
        let index = after.split_once(' ').map_or("", |(i, _)| i);
        let index = index.bytes().all(|b| b.is_ascii_digit()).then_some(index);
        let ty = after
            .strip_suffix('`')
            .and_then(|a| a.rsplit_once("` to a `"))
            .map(|(_, ty)| ty);
        if let (Some(index), Some(ty)) = (index, ty) {
            return Read {
                detail: format!(
                    "{lead}: Cannot parse the path parameter at index {index} to a `{ty}`"
                ),
                violation: None,
            };
        }
    }
    if let Some(key) = rest
        .strip_prefix("Invalid UTF-8 in `")
        .and_then(|k| k.strip_suffix('`'))
    {
        let violation = FieldViolation::new(
            FieldPath::new().key(key.to_owned()),
            "invalid_utf8",
            Rule::Other,
        )
        .with_message("is not valid UTF-8");
        return Read {
            detail: format!("{lead}: {rest}"),
            violation: Some(violation),
        };
    }
    // A deserializer's own message (`ErrorKind::Message`), which may quote the value.
    let told = told(&serde_error::violation(FieldPath::new(), rest));
    Read {
        detail: format!("{lead}: {told}"),
        violation: None,
    }
}

/// The violation of a value at `path` that does not read as the type `ty`.
fn expected_type(path: FieldPath, ty: &str) -> FieldViolation {
    FieldViolation::new(path, "invalid_value", Rule::Other)
        .with_message(format!("has an invalid value, expected {ty}"))
}

/// actix-router's message of a path parameter as serde would word it: ``can not parse
/// "<value>" to a <type>`` (the value quoted by `Debug`) becomes
/// `invalid value: a path parameter, expected <type>`; any other message is kept.
fn actix_path(message: &str) -> String {
    if message.starts_with("can not parse ") {
        if let Some((_, ty)) = message.rsplit_once(" to a ") {
            return format!("invalid value: a path parameter, expected {ty}");
        }
    }
    message.to_owned()
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Detail, and the violation's dotted path, code and message.
    fn read_of(text: &str) -> (String, Option<(String, String, String)>) {
        let read = read(text).expect("a known text");
        let violation = read.violation.map(|v| {
            (
                v.path().display(Notation::Dotted).to_string(),
                v.code_text().to_owned(),
                told(&v),
            )
        });
        (read.detail, violation)
    }

    fn v(path: &str, code: &str, message: &str) -> Option<(String, String, String)> {
        Some((path.into(), code.into(), message.into()))
    }

    #[test]
    fn axum_bodies_queries_and_forms() {
        assert_eq!(
            read_of(r#"Failed to deserialize the JSON body into the target type: items[0].qty: invalid type: string "x", expected u32 at line 1 column 41"#),
            (
                "Failed to deserialize the JSON body into the target type: items[0].qty: has the wrong type, expected u32".into(),
                v("items[0].qty", "invalid_type", "has the wrong type, expected u32")
            )
        );
        assert_eq!(
            read_of("Failed to deserialize the JSON body into the target type: missing field `sku` at line 1 column 2"),
            (
                "Failed to deserialize the JSON body into the target type: sku: is required".into(),
                v("sku", "missing_field", "is required")
            )
        );
        assert_eq!(
            read_of("Failed to deserialize the JSON body into the target type: items[1].qtty: unknown field `qtty`, expected `sku` or `qty` at line 1 column 30"),
            (
                "Failed to deserialize the JSON body into the target type: items[1].qtty: is not an accepted member".into(),
                v("items[1].qtty", "unknown_field", "is not an accepted member")
            )
        );
        assert_eq!(
            read_of("Failed to parse the request body as JSON: expected value at line 1 column 1"),
            (
                "Failed to parse the request body as JSON: is not valid JSON".into(),
                v("", "invalid_json", "is not valid JSON")
            )
        );
        assert_eq!(
            read_of("Failed to parse the request body as JSON: items[0].qty: expected value at line 1 column 30"),
            (
                "Failed to parse the request body as JSON: items[0].qty: is not valid JSON".into(),
                v("items[0].qty", "invalid_json", "is not valid JSON")
            )
        );
        assert_eq!(
            read_of("Failed to deserialize query string: limit: invalid digit found in string"),
            (
                "Failed to deserialize query string: limit: has an invalid value".into(),
                v("limit", "invalid_value", "has an invalid value")
            )
        );
        assert_eq!(
            read_of("Failed to deserialize form body: qty: invalid digit found in string"),
            (
                "Failed to deserialize form body: qty: has an invalid value".into(),
                v("qty", "invalid_value", "has an invalid value")
            )
        );
        assert_eq!(
            read_of("Failed to deserialize form: qty: invalid digit found in string").1,
            v("qty", "invalid_value", "has an invalid value")
        );
        // A query string's root names no member.
        assert_eq!(
            read_of(
                r#"Failed to deserialize query string: invalid type: string "x", expected a map"#
            ),
            (
                "Failed to deserialize query string: has the wrong type, expected a map".into(),
                None
            )
        );
        // What the request sent never comes through, even where it mimics serde's words.
        assert_eq!(
            read_of(r#"Failed to deserialize the JSON body into the target type: qty: invalid type: string "x, expected <b>", expected u32 at line 1 column 9"#).1,
            v("qty", "invalid_type", "has the wrong type, expected u32")
        );
        // A root error whose message holds `: ` is no path.
        assert_eq!(
            read_of(r#"Failed to deserialize the JSON body into the target type: invalid value: string "a: b", expected u8"#).1,
            v("", "invalid_value", "has an invalid value, expected u8")
        );
    }

    #[test]
    fn axum_path_parameters() {
        assert_eq!(
            read_of("Invalid URL: Cannot parse `id` with value `x` to a `u64`"),
            (
                "Invalid URL: id: has an invalid value, expected u64".into(),
                v("id", "invalid_value", "has an invalid value, expected u64")
            )
        );
        assert_eq!(
            read_of("Invalid URL: Cannot parse `res` with value `12-x`: UUID parsing failed: invalid group count: expected 5, found 3"),
            (
                "Invalid URL: res: is invalid".into(),
                v("res", "invalid", "is invalid")
            )
        );
        assert_eq!(
            read_of("Invalid URL: Cannot parse `x` to a `u64`"),
            (
                "Invalid URL: Cannot parse a path parameter to a `u64`".into(),
                None
            )
        );
        assert_eq!(
            read_of("Invalid URL: Cannot parse value at index 1 with value `x` to a `u32`"),
            (
                "Invalid URL: Cannot parse the path parameter at index 1 to a `u32`".into(),
                None
            )
        );
        assert_eq!(
            read_of("Invalid URL: Invalid UTF-8 in `name`"),
            (
                "Invalid URL: Invalid UTF-8 in `name`".into(),
                v("name", "invalid_utf8", "is not valid UTF-8")
            )
        );
        // The value quoted back can hold the separators: what follows it is found from
        // the end.
        assert_eq!(
            read_of("Invalid URL: Cannot parse `id` with value `a` to a `b` to a `u8`").1,
            v("id", "invalid_value", "has an invalid value, expected u8")
        );
        assert_eq!(
            read_of("Invalid URL: secret=hunter2"),
            ("Invalid URL: is invalid".into(), None)
        );
    }

    #[test]
    fn actix_texts() {
        assert_eq!(
            read_of(
                r#"Json deserialize error: invalid type: string "x", expected u32 at line 1 column 41"#
            ),
            (
                "Json deserialize error: has the wrong type, expected u32".into(),
                None
            )
        );
        assert_eq!(
            read_of("Json deserialize error: missing field `sku` at line 1 column 2"),
            (
                "Json deserialize error: sku: is required".into(),
                v("sku", "missing_field", "is required")
            )
        );
        assert_eq!(
            read_of("Json deserialize error: key must be a string at line 1 column 2"),
            (
                "Json deserialize error: is not valid JSON".into(),
                v("", "invalid_json", "is not valid JSON")
            )
        );
        assert_eq!(
            read_of("Query deserialize error: invalid digit found in string"),
            ("Query deserialize error: has an invalid value".into(), None)
        );
        assert_eq!(
            read_of("Query deserialize error: unknown field `lmit`, expected `limit`").1,
            v("lmit", "unknown_field", "is not an accepted member")
        );
        assert_eq!(
            read_of("Parse error: invalid digit found in string."),
            ("Parse error: has an invalid value".into(), None)
        );
        assert_eq!(
            read_of("Parse error: missing field `qty`.").1,
            v("qty", "missing_field", "is required")
        );
        assert_eq!(
            read_of(r#"Path deserialize error: can not parse "x" to a u64"#),
            (
                "Path deserialize error: has an invalid value, expected u64".into(),
                None
            )
        );
    }

    #[test]
    fn other_texts_are_not_read() {
        assert_eq!(
            read("Expected request with `Content-Type: application/json`"),
            None
        );
        assert_eq!(read("Content type error"), None);
        assert_eq!(read(""), None);
    }
}
