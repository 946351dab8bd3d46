//! The fast path for the commonest body a client decodes: an Omise error object with
//! exactly its four members, read straight into borrowed strings by serde (no
//! `serde_json::Value` tree). Anything else falls back to the general readers.

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
    // A cheap look before serde: most other bodies are refused at the first byte.
    if !text.starts_with("{\"object\"") {
        return None;
    }
    let object: OmiseObject<'_> = serde_json::from_str(text).ok()?;
    if object.object != "error" {
        return None;
    }
    let mut body = ReceivedBody::empty(Format::Omise);
    body.location = object.location.map(Cow::into_owned);
    body.code = Some(object.code.into_owned());
    body.message = object.message.map(Cow::into_owned);
    Some(body)
}
