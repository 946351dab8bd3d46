//! Reading error bodies on the client side, in two modes.
//!
//! - [`decode`], lenient, for clients: every HTTP error response decodes into a
//!   [`Decoded`] value, whatever its body — the typed variant where the code is in the
//!   catalog asked for, else [`Decoded::Unrecognised`] with what could be read (status,
//!   code, message, trace id, `Retry-After`, a bounded copy of the body). Bodies the
//!   providers document or send with quirks are read: a status as a string, trailing
//!   commas, a BOM, `"error_list "` with a space, flat Oney entries, a gateway's
//!   `{"statusCode", "message"}`.
//! - [`parse`], strict, for validators: one of the wire formats exactly, else a typed
//!   [`ParseError`].
//!
//! Both detect the format from the `Content-Type` and the body's members, read it into an
//! owned [`ReceivedBody`], and look its code up in a derived type's catalog. Size and depth
//! limits hold in both; nothing panics.
//!
//! Files: `formats.rs` the reader of each format and the detection, `members.rs` the
//! strict and lenient member access, `repair.rs` the JSON quirks, `fast.rs` the Omise fast
//! path, `lookup.rs` the catalog lookup, `rebuild.rs` the typed rebuild, `decoded.rs` and
//! `lenient.rs` the client-side result and entry point.
//!
//! ```
//! use apierror::parse::{parse, ParseOptions};
//! use apierror::{ApiError, Format};
//!
//! #[derive(Debug, PartialEq, ApiError)]
//! enum ChargeError {
//!     #[status(400)]
//!     #[code("invalid_charge")]
//!     #[message("amount must be at least {min} {currency}")]
//!     InvalidCharge { min: u64, currency: String },
//! }
//!
//! let body = br#"{"object":"error","location":"https://www.omise.co/api-errors#invalid-charge","code":"invalid_charge","message":"amount must be at least 2000 thb"}"#;
//! let received = parse(Some(400), Some("application/json; charset=utf-8"), body, None, &ParseOptions::default())?;
//! assert_eq!(received.format, Format::Omise);
//! assert_eq!(received.code.as_deref(), Some("invalid_charge"));
//!
//! let found = received.lookup::<ChargeError>();
//! assert_eq!(found.meta.unwrap().name, "InvalidCharge");
//! assert_eq!(found.typed, Some(ChargeError::InvalidCharge { min: 2000, currency: "thb".into() }));
//!
//! // An HTML page from a proxy is an error, not a panic.
//! let html = parse(Some(502), Some("text/html"), b"<html>Bad Gateway</html>", None, &ParseOptions::default());
//! assert_eq!(html, Err(apierror::parse::ParseError::Html));
//! # Ok::<(), apierror::parse::ParseError>(())
//! ```

mod decoded;
mod decoder;
mod depth;
mod fast;
mod lenient;
mod lookup;
pub(crate) mod rebuild;
mod repair;
mod scan;

pub use crate::format::parse_error::ParseError;
pub use crate::format::received::{ReceivedBody, ReceivedEntry};
pub use crate::format::ReadMode;
pub use decoded::{Decoded, ErrorResponse, RetryAfter};
pub use decoder::Decoder;
pub use lenient::{decode, decode_response, DecodeOptions};
pub use lookup::Lookup;
pub use rebuild::{capture, Received};

pub use crate::model::catalog::TemplatePiece;

use std::borrow::Cow;

use serde_json::Value;

use crate::format::Format;

/// Limits applied before a body is parsed.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct ParseOptions {
    /// Most bytes read; a larger body is [`ParseError::TooLarge`]. Default 1 MiB: error
    /// bodies are small, a huge one is a mistake or an attack.
    pub max_bytes: usize,
    /// Deepest nesting of arrays and objects; deeper is [`ParseError::TooDeep`]. Default
    /// 32: the formats nest 4 levels at most. serde_json's own limit (128) stays in force
    /// above it.
    pub max_depth: usize,
}

impl Default for ParseOptions {
    fn default() -> Self {
        ParseOptions {
            max_bytes: 1 << 20,
            max_depth: 32,
        }
    }
}

/// Reads a received error response: `status` (the HTTP status, if known), `content_type`
/// (the header's value, if any), the body bytes, and the format if the caller knows it
/// (`None` detects it from the content type and the body's members).
///
/// Plain problem details and the Vipps profile share a media type; `extraDetails` tells
/// them apart. A named `format` reads the body as that format whatever the content type
/// says, except an HTML page, which is never an error object.
pub fn parse(
    status: Option<u16>,
    content_type: Option<&str>,
    body: &[u8],
    format: Option<Format>,
    options: &ParseOptions,
) -> Result<ReceivedBody, ParseError> {
    Decoder::built_in().parse(status, content_type, body, format, options)
}

impl Decoder {
    /// [`parse`] among this decoder's formats.
    pub fn parse(
        &self,
        status: Option<u16>,
        content_type: Option<&str>,
        body: &[u8],
        format: Option<Format>,
        options: &ParseOptions,
    ) -> Result<ReceivedBody, ParseError> {
        if body.len() > options.max_bytes {
            return Err(ParseError::TooLarge {
                len: body.len(),
                max: options.max_bytes,
            });
        }
        let media_type = content_type.map_or(Cow::Borrowed(""), media_type);
        let text = core::str::from_utf8(body).map_err(|e| ParseError::InvalidUtf8 {
            valid_up_to: e.valid_up_to(),
        })?;
        let text = text.trim_start_matches('\u{feff}').trim();
        if is_html(&media_type, text) {
            return Err(ParseError::Html);
        }
        if format.is_none() && !media_type.is_empty() && !is_json(&media_type) {
            return Err(ParseError::ContentType(
                content_type.unwrap_or("").to_owned(),
            ));
        }
        if text.is_empty() {
            return Err(ParseError::Empty);
        }
        if depth::exceeds(text.as_bytes(), options.max_depth) {
            return Err(ParseError::TooDeep {
                max: options.max_depth,
            });
        }
        let value: Value = serde_json::from_str(text).map_err(|e| json_error(&e, options))?;
        let Value::Object(map) = value else {
            return Err(ParseError::NotAnObject);
        };
        let read = match format {
            Some(format) => match self.format(format) {
                Some(wire) => wire.read(map, ReadMode::Strict),
                None => Err(ParseError::UnknownShape),
            },
            None => self
                .read(map, &media_type, ReadMode::Strict, &|_, _| false)
                .map_or(Err(ParseError::UnknownShape), |(_, read)| read),
        };
        let mut received = read?;
        if status.is_some() {
            received.status = status;
        }
        Ok(received)
    }
}

/// The media type of a `Content-Type` value: lower case, without parameters. Borrowed
/// where it is lower case already, as it nearly always is.
pub(crate) fn media_type(content_type: &str) -> Cow<'_, str> {
    let media_type = content_type.split(';').next().unwrap_or("").trim();
    if media_type.bytes().any(|b| b.is_ascii_uppercase()) {
        Cow::Owned(media_type.to_ascii_lowercase())
    } else {
        Cow::Borrowed(media_type)
    }
}

/// Whether the text is an HTML page rather than an error object.
pub(crate) fn is_html(media_type: &str, text: &str) -> bool {
    media_type == "text/html" || media_type == "application/xhtml+xml" || text.starts_with('<')
}

pub(crate) fn is_json(media_type: &str) -> bool {
    media_type == "application/json" || media_type == "text/json" || media_type.ends_with("+json")
}

fn json_error(e: &serde_json::Error, options: &ParseOptions) -> ParseError {
    // serde_json's recursion limit (128) is reached only when `max_depth` is set above it.
    if e.to_string().starts_with("recursion limit exceeded") {
        return ParseError::TooDeep {
            max: options.max_depth.min(128),
        };
    }
    ParseError::NotJson {
        message: e
            .to_string()
            .split(" at line ")
            .next()
            .unwrap_or("")
            .to_owned(),
        line: e.line(),
        column: e.column(),
    }
}
