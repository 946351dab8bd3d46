//! What the validated extractors of both integrations share: reading a value with the path
//! of the field a deserializer's error is about, and checking it with a validator, either
//! failure as a [`ValidationFailure`].

use core::fmt;

use apierror_runtime::FieldPath;
use serde::de::DeserializeOwned;
use serde_path_to_error::deserialize;

use super::serde_error::violation;
use super::ValidationFailure;

/// `path` as a [`FieldPath`]: members and list indices; an enum's variant is the member
/// its content is under (serde's external tagging); a step serde_path_to_error could not
/// name adds nothing.
pub(crate) fn field_path(path: &serde_path_to_error::Path) -> FieldPath {
    let mut out = FieldPath::new();
    for segment in path {
        match segment {
            serde_path_to_error::Segment::Seq { index } => out.push_index(*index),
            serde_path_to_error::Segment::Map { key } => out.push_key(key.clone()),
            serde_path_to_error::Segment::Enum { variant } => out.push_key(variant.clone()),
            serde_path_to_error::Segment::Unknown => {}
        }
    }
    out
}

/// The failure of a deserializer's error `message` about the field at `path`: one
/// violation naming the field, which never quotes the request (see
/// [`serde_error`](super::serde_error)).
pub(crate) fn failure_at(path: FieldPath, message: &dyn fmt::Display) -> ValidationFailure {
    ValidationFailure::new([violation(path, &message.to_string())])
}

/// `T` from a JSON body. A syntax error is about the body as a whole (the empty path), a
/// data error about the field it names.
pub(crate) fn json<T: DeserializeOwned>(body: &[u8]) -> Result<T, ValidationFailure> {
    let mut de = serde_json::Deserializer::from_slice(body);
    let value = deserialize(&mut de).map_err(|err| {
        let path = match err.inner().classify() {
            serde_json::error::Category::Data => field_path(err.path()),
            _ => FieldPath::new(),
        };
        failure_at(path, err.inner())
    })?;
    de.end().map_err(|err| failure_at(FieldPath::new(), &err))?;
    Ok(value)
}

/// `T` from a query string or an `application/x-www-form-urlencoded` body.
pub(crate) fn urlencoded<T: DeserializeOwned>(text: &[u8]) -> Result<T, ValidationFailure> {
    let de = serde_urlencoded::Deserializer::new(form_urlencoded::parse(text));
    deserialize(de).map_err(|err| failure_at(field_path(err.path()), err.inner()))
}

/// `value` checked with validator's `Validate`.
#[cfg(feature = "validator")]
pub(crate) fn validator<T: ::validator::Validate>(value: &T) -> Result<(), ValidationFailure> {
    value
        .validate()
        .map_err(|errors| ValidationFailure::from(&errors))
}

/// `value` checked with garde's `Validate`, in the unit context.
#[cfg(feature = "garde")]
pub(crate) fn garde<T>(value: &T) -> Result<(), ValidationFailure>
where
    T: ::garde::Validate<Context = ()>,
{
    value
        .validate()
        .map_err(|report| ValidationFailure::from(&report))
}

#[cfg(test)]
mod tests {
    use super::*;
    use apierror_runtime::{Message, Notation};

    #[derive(Debug, serde::Deserialize)]
    #[allow(dead_code)]
    struct Item {
        sku: String,
        qty: u32,
    }

    #[derive(Debug, serde::Deserialize)]
    #[allow(dead_code)]
    struct Order {
        items: Vec<Item>,
    }

    fn told(failure: ValidationFailure) -> (String, String, String) {
        let v = &failure.list()[0];
        (
            v.path().display(Notation::Dotted).to_string(),
            v.code_text().to_owned(),
            Message::new(v).to_string(),
        )
    }

    fn strings(a: &str, b: &str, c: &str) -> (String, String, String) {
        (a.into(), b.into(), c.into())
    }

    #[test]
    fn json_errors_name_their_field() {
        let body = br#"{"items":[{"sku":"abc","qty":"<script>"}]}"#;
        assert_eq!(
            told(json::<Order>(body).unwrap_err()),
            strings(
                "items[0].qty",
                "invalid_type",
                "has the wrong type, expected u32"
            )
        );
        let body = br#"{"items":[{"qty":1}]}"#;
        assert_eq!(
            told(json::<Order>(body).unwrap_err()),
            strings("items[0].sku", "missing_field", "is required")
        );
        let body = br#"{"items":[{"sku":"#;
        assert_eq!(
            told(json::<Order>(body).unwrap_err()),
            strings("", "invalid_json", "is not valid JSON")
        );
        let body = br#"{"items":[]} x"#;
        assert_eq!(
            told(json::<Order>(body).unwrap_err()),
            strings("", "invalid_json", "is not valid JSON")
        );
        assert!(json::<Order>(br#"{"items":[]}"#).is_ok());
    }

    #[test]
    fn urlencoded_errors_name_their_field() {
        assert_eq!(
            told(urlencoded::<Item>(b"sku=abc&qty=lots").unwrap_err()),
            strings("qty", "invalid_value", "has an invalid value")
        );
        assert_eq!(
            told(urlencoded::<Item>(b"qty=1").unwrap_err()),
            strings("sku", "missing_field", "is required")
        );
    }
}
