//! Helpers of the `Serialize` views: text written through `Display` so that serde's
//! `collect_str` streams it without an intermediate `String` where the serializer allows.

use core::fmt;

use serde::ser::{Serialize, Serializer};

use crate::model::api_error::ApiError;
use crate::model::message::PlainSink;

/// Serializes a `Display` as a string.
pub(crate) struct Collect<'a>(pub &'a dyn fmt::Display);

impl Serialize for Collect<'_> {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.collect_str(self.0)
    }
}

/// The message that may go on the wire ([`ApiError::write_public_message`]) in a language,
/// as text.
pub(crate) struct PublicMessage<'a> {
    pub err: &'a dyn ApiError,
    pub lang: &'a str,
}

impl fmt::Display for PublicMessage<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        crate::format::json::public_message_in(self.err, self.lang, &mut PlainSink(f))
    }
}

/// A `Display` cut to at most `max` characters, at a char boundary.
pub(crate) struct Limited<'a> {
    pub text: &'a dyn fmt::Display,
    pub max: usize,
}

impl fmt::Display for Limited<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        struct Cut<'f, 'g> {
            f: &'f mut fmt::Formatter<'g>,
            remaining: usize,
        }
        impl fmt::Write for Cut<'_, '_> {
            fn write_str(&mut self, s: &str) -> fmt::Result {
                if self.remaining == 0 {
                    return Ok(());
                }
                let cut = s
                    .char_indices()
                    .nth(self.remaining)
                    .map_or(s.len(), |(at, _)| at);
                self.remaining -= s[..cut].chars().count();
                self.f.write_str(&s[..cut])
            }
        }
        fmt::write(
            &mut Cut {
                f,
                remaining: self.max,
            },
            format_args!("{}", self.text),
        )
    }
}
