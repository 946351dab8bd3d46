//! What a deserializer's error says about a field, told without quoting the request: a
//! `serde` message (`invalid type: string "x", expected u32 at line 1 column 41`) becomes a
//! [`FieldViolation`] with a code of its kind (`invalid_type`) and a message made only of
//! what the server's own types say (`has the wrong type, expected u32`).
//!
//! Used by the validated extractors (their deserialization failures) and by the rejection
//! mapping of the integrations (the framework's text, after its path is split off).

use apierror_runtime::{FieldPath, FieldViolation, Rule};

/// The violation a `serde` error `message` about the field at `path` stands for.
///
/// Recognises the messages of `serde::de::Error`'s provided constructors and of serde_json's
/// syntax errors. The request's own text (`string "x"`, an unknown variant's name) is left
/// out; what `expected` names comes from the server's types. A member the message names
/// (`missing field `x``, `unknown field `x``) is added to the path. Any other message
/// becomes `invalid`, "is invalid".
pub(crate) fn violation(mut path: FieldPath, message: &str) -> FieldViolation {
    let message = strip_position(message.trim());
    // The last `, expected`: the request's text quoted before it may hold one.
    let expected = |text: &str| text.rsplit_once(", expected ").map(|(_, e)| e.to_owned());
    let (code, rule, text): (&'static str, Rule, Option<String>) =
        if let Some(rest) = message.strip_prefix("invalid type: ") {
            let text = expected(rest).map(|e| format!("has the wrong type, expected {e}"));
            ("invalid_type", Rule::Other, text)
        } else if let Some(rest) = message.strip_prefix("invalid value: ") {
            let text = expected(rest).map(|e| format!("has an invalid value, expected {e}"));
            ("invalid_value", Rule::Other, text)
        } else if let Some(rest) = message.strip_prefix("invalid length ") {
            let text = expected(rest).map(|e| format!("has the wrong length, expected {e}"));
            ("invalid_length", Rule::Other, text)
        } else if let Some(rest) = message.strip_prefix("unknown variant ") {
            let text = rest
                .rsplit_once(", expected ")
                .map(|(_, e)| format!("must be {e}"));
            ("unknown_variant", Rule::Other, text)
        } else if let Some(name) = named(message, "missing field `") {
            path.push_key(name);
            ("missing_field", Rule::Required, None)
        } else if let Some(name) = named(message, "unknown field `") {
            path.push_key(name);
            let text = Some("is not an accepted member".to_owned());
            ("unknown_field", Rule::Other, text)
        } else if let Some(name) = named(message, "duplicate field `") {
            path.push_key(name);
            (
                "duplicate_field",
                Rule::Other,
                Some("is given more than once".to_owned()),
            )
        } else if is_syntax(message) {
            (
                "invalid_json",
                Rule::Other,
                Some("is not valid JSON".to_owned()),
            )
        } else if let Some(rest) = message.strip_prefix("can not parse ") {
            // actix-router's path parameters: `can not parse "x" to a u64`, the value quoted
            // as `Debug` quotes it, the type after it.
            let text = rest
                .rsplit_once("\" to a ")
                .map(|(_, ty)| format!("has an invalid value, expected {ty}"));
            ("invalid_value", Rule::Other, text)
        } else if message.starts_with("invalid digit")
            || message.starts_with("cannot parse")
            || message.starts_with("number too")
            || message.starts_with("provided string was not")
            || message.starts_with("invalid float literal")
        {
            (
                "invalid_value",
                Rule::Other,
                Some("has an invalid value".to_owned()),
            )
        } else {
            ("invalid", Rule::Other, None)
        };
    let violation = FieldViolation::new(path, code, rule);
    match text {
        Some(text) => violation.with_message(text),
        None => violation,
    }
}

/// The violation of a value at `path` that does not parse as `expected` (a type's name):
/// `invalid_value`, "has an invalid value, expected u64".
#[cfg(all(feature = "axum", any(feature = "validator", feature = "garde")))]
pub(crate) fn unparsable(path: FieldPath, expected: &str) -> FieldViolation {
    FieldViolation::new(path, "invalid_value", Rule::Other)
        .with_message(format!("has an invalid value, expected {expected}"))
}

/// The name in backticks after `prefix`, when `message` starts with it.
fn named(message: &str, prefix: &str) -> Option<String> {
    let rest = message.strip_prefix(prefix)?;
    let end = rest.find('`')?;
    Some(rest[..end].to_owned())
}

/// `message` without serde_json's ` at line 1 column 41`.
fn strip_position(message: &str) -> &str {
    match message.rfind(" at line ") {
        Some(at) if message[at..].contains(" column ") => &message[..at],
        _ => message,
    }
}

/// Whether `message` is one of serde_json's syntax errors (the body is not JSON at all).
fn is_syntax(message: &str) -> bool {
    const SYNTAX: [&str; 9] = [
        "EOF while parsing",
        "expected value",
        "expected `",
        "expected ident",
        "trailing c",
        "key must be a string",
        "control character",
        "invalid escape",
        "invalid number",
    ];
    SYNTAX.iter().any(|s| message.starts_with(s))
}

#[cfg(test)]
mod tests {
    use super::*;
    use apierror_runtime::{ApiError, Message, Notation};

    fn told(path: &str, message: &str) -> (String, &'static str, String) {
        let v = violation(FieldPath::parse(path, Notation::Dotted).unwrap(), message);
        let path = v.path().display(Notation::Dotted).to_string();
        (path, v.code(), Message::new(&v).to_string())
    }

    #[test]
    fn the_request_is_never_quoted() {
        assert_eq!(
            told(
                "items[0].qty",
                r#"invalid type: string "x", expected u32 at line 1 column 41"#
            ),
            (
                "items[0].qty".into(),
                "invalid_type",
                "has the wrong type, expected u32".into()
            )
        );
        assert_eq!(
            told("kind", "unknown variant `<script>`, expected `a` or `b`"),
            (
                "kind".into(),
                "unknown_variant",
                "must be `a` or `b`".into()
            )
        );
        assert_eq!(
            told("items[1]", "missing field `sku`"),
            ("items[1].sku".into(), "missing_field", "is required".into())
        );
        assert_eq!(
            told("", "unknown field `qtty`, expected `sku` or `qty`"),
            (
                "qtty".into(),
                "unknown_field",
                "is not an accepted member".into()
            )
        );
        assert_eq!(
            told("", "expected value at line 1 column 1"),
            ("".into(), "invalid_json", "is not valid JSON".into())
        );
        assert_eq!(
            told("qty", "invalid digit found in string"),
            ("qty".into(), "invalid_value", "has an invalid value".into())
        );
        assert_eq!(
            told("id", r#"can not parse "x\" to a \"y" to a u64"#),
            (
                "id".into(),
                "invalid_value",
                "has an invalid value, expected u64".into()
            )
        );
        assert_eq!(
            told("a", "password=hunter2 is wrong"),
            ("a".into(), "invalid", "is invalid".into())
        );
    }
}
