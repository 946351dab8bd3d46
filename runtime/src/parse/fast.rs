//! The fast path for the commonest body a client decodes: an Omise error object with
//! exactly its four members. Written compactly in the documented order (as Omise and this
//! crate write it) it is read by a scan for its quotes; in any other layout serde reads it
//! into borrowed strings (no `serde_json::Value` tree). Anything else falls back to the
//! general readers. `benches/client.rs` measures it against a serde struct.

use std::borrow::Cow;

use serde::Deserialize;

use super::ReceivedBody;
use crate::Format;

/// The Omise error object, borrowed from the body where no escape forces a copy.
#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct OmiseObject<'a> {
    #[serde(borrow)]
    object: Cow<'a, str>,
    #[serde(borrow, default)]
    location: Option<Cow<'a, str>>,
    #[serde(borrow)]
    code: Cow<'a, str>,
    #[serde(borrow, default)]
    message: Option<Cow<'a, str>>,
}

/// The body read as an Omise error object, when it is exactly one.
pub(crate) fn omise(text: &str) -> Option<ReceivedBody> {
    // A cheap look first: most other bodies are refused at the first bytes.
    if !text.starts_with("{\"object\"") {
        return None;
    }
    let (location, code, message) = match compact(text) {
        Some((location, code, message)) => (Some(location), code, Some(message)),
        None => {
            let object: OmiseObject<'_> = serde_json::from_str(text).ok()?;
            if object.object != "error" {
                return None;
            }
            (object.location, object.code, object.message)
        }
    };
    let mut body = ReceivedBody::new(Format::Omise);
    body.location = location.map(Cow::into_owned);
    body.code = Some(code.into_owned());
    body.message = message.map(Cow::into_owned);
    Some(body)
}

/// `location`, `code` and `message` of a body written exactly as
/// `{"object":"error","location":"…","code":"…","message":"…"}` with strings that need no
/// unescaping; `None` for anything else, which serde then reads.
fn compact(text: &str) -> Option<(Cow<'_, str>, Cow<'_, str>, Cow<'_, str>)> {
    let rest = text.strip_prefix(r#"{"object":"error","location":""#)?;
    let (location, rest) = plain_string(rest)?;
    let rest = rest.strip_prefix(r#","code":""#)?;
    let (code, rest) = plain_string(rest)?;
    let rest = rest.strip_prefix(r#","message":""#)?;
    let (message, rest) = plain_string(rest)?;
    (rest == "}").then_some((location.into(), code.into(), message.into()))
}

/// The inside of a JSON string up to its closing quote, and what follows the quote; `None`
/// when the string has an escape or a control character (serde reads those).
fn plain_string(text: &str) -> Option<(&str, &str)> {
    // `find` of a char runs memchr; the check of the span folds without an early exit,
    // which the compiler turns into wide compares.
    let end = text.find('"')?;
    let span = &text[..end];
    let escaped = span
        .bytes()
        .fold(false, |seen, b| seen | (b == b'\\') | (b < 0x20));
    if escaped {
        return None;
    }
    Some((span, &text[end + 1..]))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn compact_and_other_layouts_read_the_same() {
        let compact_body =
            r#"{"object":"error","location":"https://x.test/e#a","code":"a","message":"m é"}"#;
        let spaced = r#"{"object": "error", "location": "https://x.test/e#a", "code": "a", "message": "m \u00e9"}"#;
        let (a, b) = (omise(compact_body).unwrap(), omise(spaced).unwrap());
        assert_eq!(a, b);
        assert_eq!(a.message.as_deref(), Some("m é"));
        assert!(compact(spaced).is_none());
        assert!(
            compact(r#"{"object":"error","location":"l","code":"a\"b","message":"m"}"#).is_none()
        );
        assert!(omise(r#"{"object":"error","location":"l","code":"a","message":"m"} x"#).is_none());
        assert!(omise(r#"{"object":"charge","code":"a"}"#).is_none());
        assert!(omise(r#"{"object":"error","code":"a","extra":1}"#).is_none());
    }
}
