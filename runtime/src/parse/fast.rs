//! The fast path for the commonest body a client decodes: an Omise error object with
//! exactly its four members. Written compactly in the documented order (as Omise and this
//! crate write it) it is read by a scan for its quotes; in any other layout serde reads it
//! into borrowed strings (no `serde_json::Value` tree). Anything else falls back to the
//! general readers. `benches/client.rs` measures it against a serde struct.
//!
//! What is read stays borrowed from the body until the catalog lookup is done: the caller
//! then builds the owned [`ReceivedBody`] once, in place (see `lenient.rs`).

use std::borrow::Cow;

use serde::Deserialize;
use serde_json::Map;

use super::{Received, ReceivedBody};
use crate::format::Format;

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

/// The members of an Omise error object read by [`omise`], borrowed from the body where
/// no escape forces a copy.
pub(crate) struct Omise<'a> {
    pub(crate) location: Option<Cow<'a, str>>,
    pub(crate) code: Cow<'a, str>,
    pub(crate) message: Option<Cow<'a, str>>,
}

impl Omise<'_> {
    /// What a variant's fields are read back from.
    pub(crate) fn received(&self) -> Received<'_> {
        Received {
            message: self.message.as_deref(),
            field: None,
        }
    }

    /// The owned body, as the general reader gives it for the same text (with `status`,
    /// the HTTP one). Inlined so that the body is written where the caller keeps it.
    #[inline(always)]
    pub(crate) fn into_body(self, status: u16) -> ReceivedBody {
        ReceivedBody {
            format: Format::Omise,
            status: Some(status),
            code: Some(self.code.into_owned()),
            message: self.message.map(Cow::into_owned),
            title: None,
            problem_type: None,
            instance: None,
            trace_id: None,
            field: None,
            location: self.location.map(Cow::into_owned),
            language: None,
            entries: Vec::new(),
            extra: Map::new(),
        }
    }
}

/// The body read as an Omise error object, when it is exactly one.
pub(crate) fn omise(text: &str) -> Option<Omise<'_>> {
    // A cheap look first: most other bodies are refused at the first bytes.
    if !text.starts_with("{\"object\"") {
        return None;
    }
    if let Some(read) = compact(text) {
        return Some(read);
    }
    let object: OmiseObject<'_> = serde_json::from_str(text).ok()?;
    if object.object != "error" {
        return None;
    }
    Some(Omise {
        location: object.location,
        code: object.code,
        message: object.message,
    })
}

/// `location`, `code` and `message` of a body written exactly as
/// `{"object":"error","location":"…","code":"…","message":"…"}` with strings that need no
/// unescaping; `None` for anything else, which serde then reads.
fn compact(text: &str) -> Option<Omise<'_>> {
    let rest = text.strip_prefix(r#"{"object":"error","location":""#)?;
    let (location, rest) = plain_string(rest)?;
    let rest = rest.strip_prefix(r#","code":""#)?;
    let (code, rest) = plain_string(rest)?;
    let rest = rest.strip_prefix(r#","message":""#)?;
    let (message, rest) = plain_string(rest)?;
    (rest == "}").then_some(Omise {
        location: Some(Cow::Borrowed(location)),
        code: Cow::Borrowed(code),
        message: Some(Cow::Borrowed(message)),
    })
}

/// The inside of a JSON string up to its closing quote, and what follows the quote; `None`
/// when the string has an escape or a control character (serde reads those).
fn plain_string(text: &str) -> Option<(&str, &str)> {
    let end = first_special(text.as_bytes())?;
    // The byte found is ASCII, so both cuts are char boundaries.
    (text.as_bytes()[end] == b'"').then(|| (&text[..end], &text[end + 1..]))
}

/// The position of the first `"`, `\` or control character in `bytes`, if any.
///
/// Eight bytes at a time: the strings of an error body are short, where `memchr` spends
/// more on its setup than on the search, and one pass finds the quote and the escapes
/// together.
#[inline]
fn first_special(bytes: &[u8]) -> Option<usize> {
    const ONES: u64 = u64::from_ne_bytes([0x01; 8]);
    const HIGHS: u64 = u64::from_ne_bytes([0x80; 8]);
    // The bytes of `word` below `n` (n <= 0x80) flagged in their high bit. The lowest
    // flag is exact; a borrow may flag a byte above it, which is never looked at.
    let below = |word: u64, n: u8| word.wrapping_sub(ONES * u64::from(n)) & !word & HIGHS;
    let zero = |word: u64| below(word, 1);
    let mut at = 0;
    while let Some(chunk) = bytes.get(at..at + 8) {
        let word = u64::from_le_bytes(chunk.try_into().ok()?);
        let flags = zero(word ^ (ONES * u64::from(b'"')))
            | zero(word ^ (ONES * u64::from(b'\\')))
            | below(word, 0x20);
        if flags != 0 {
            // Little-endian order: the lowest flagged byte is the first in the text.
            return Some(at + (flags.trailing_zeros() / 8) as usize);
        }
        at += 8;
    }
    bytes[at..]
        .iter()
        .position(|&b| b == b'"' || b == b'\\' || b < 0x20)
        .map(|i| at + i)
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
        let (a, b) = (a.into_body(400), b.into_body(400));
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

    #[test]
    fn first_special_finds_the_first_quote_escape_or_control() {
        let naive = |bytes: &[u8]| {
            bytes
                .iter()
                .position(|&b| b == b'"' || b == b'\\' || b < 0x20)
        };
        let mut cases: Vec<Vec<u8>> = Vec::new();
        for len in 0..40 {
            for at in 0..len {
                for special in [b'"', b'\\', 0x00, 0x1f, b'\t', b'\n'] {
                    let mut text = vec![b'a'; len];
                    text[at] = special;
                    cases.push(text.clone());
                    // Bytes around the special one that a borrow could confuse.
                    for near in [0x20, 0x21, 0x23, 0x5b, 0x5d, 0x7f, 0x80, 0xc3, 0xff] {
                        let mut t = text.clone();
                        if at > 0 {
                            t[at - 1] = near;
                        }
                        if at + 1 < len {
                            t[at + 1] = near;
                        }
                        cases.push(t);
                    }
                }
            }
            cases.push(vec![b'a'; len]);
            cases.push("é".repeat(len).into_bytes());
        }
        for case in &cases {
            assert_eq!(first_special(case), naive(case), "{case:?}");
        }
    }
}
