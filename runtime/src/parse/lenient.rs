//! [`decode`]: lenient decoding of any HTTP error response, for clients.

use http::header::{HeaderMap, HeaderName, CONTENT_LANGUAGE, CONTENT_TYPE, RETRY_AFTER};
use serde_json::{Map, Value};

use super::members::Mode;
use super::{
    depth, fast, formats, is_html, is_json, lookup, media_type, repair, Decoded, ErrorResponse,
    ParseOptions, ReceivedBody, RetryAfter,
};
use crate::ApiError;

/// Limits of [`decode`].
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct DecodeOptions {
    /// Size and depth limits of the body: a larger or deeper body is not parsed (it is
    /// [`Decoded::Unrecognised`], with its first bytes kept).
    pub parse: ParseOptions,
    /// Most bytes of an unrecognised body kept in [`ErrorResponse::raw`]. Default 4 KiB:
    /// enough to see what a gateway's page says.
    pub max_raw_bytes: usize,
}

impl Default for DecodeOptions {
    fn default() -> Self {
        DecodeOptions {
            parse: ParseOptions::default(),
            max_raw_bytes: 4096,
        }
    }
}

/// Decodes an HTTP error response leniently: the typed variant of `E` where the body's
/// code is in `E`'s catalog (and its fields read back), else [`Decoded::Unrecognised`]
/// with everything that could be read. Never fails and never panics; the work done is
/// bounded by `options` whatever the body.
///
/// ```
/// use apierror::parse::{decode, DecodeOptions, Decoded, RetryAfter};
/// use apierror::ApiError;
/// use http::HeaderMap;
/// use std::time::Duration;
///
/// #[derive(Debug, PartialEq, ApiError)]
/// enum ChargeError {
///     #[status(400)]
///     #[code("invalid_charge")]
///     #[message("amount must be at least {min} {currency}")]
///     InvalidCharge { min: u64, currency: String },
/// }
///
/// let body = br#"{"object":"error","location":"https://www.omise.co/api-errors#invalid-charge","code":"invalid_charge","message":"amount must be at least 2000 thb"}"#;
/// let decoded = decode::<ChargeError>(400, &HeaderMap::new(), body, &DecodeOptions::default());
/// assert_eq!(decoded.typed(), Some(&ChargeError::InvalidCharge { min: 2000, currency: "thb".into() }));
///
/// // A gateway's HTML page is not an error object, but still an error response.
/// let mut headers = HeaderMap::new();
/// headers.insert("retry-after", "30".parse().unwrap());
/// let page = b"<html><body>502 Bad Gateway</body></html>";
/// let decoded = decode::<ChargeError>(502, &headers, page, &DecodeOptions::default());
/// let Decoded::Unrecognised(response) = decoded else { unreachable!() };
/// assert_eq!(response.status, 502);
/// assert_eq!(response.retry_after, Some(RetryAfter::Delay(Duration::from_secs(30))));
/// assert_eq!(response.raw, page);
/// ```
pub fn decode<E: ApiError>(
    status: u16,
    headers: &HeaderMap,
    body: &[u8],
    options: &DecodeOptions,
) -> Decoded<E> {
    let mut response = read_response(status, headers, body, options);
    if let Some(body) = &response.body {
        if let Some(code) = &body.code {
            let (meta, typed) = lookup::find::<E>(Some(body.format), code, &body.received());
            // A Google reason is unique within its domain only: another domain's error of
            // the same reason is not this catalog's.
            let foreign = meta.is_some_and(|m| !same_domain(m.domain, body));
            if !foreign {
                response.meta = meta;
                if let Some(error) = typed {
                    return Decoded::Typed { error, response };
                }
            }
        }
    }
    keep_raw(&mut response, body, options);
    Decoded::Unrecognised(response)
}

/// Reads an HTTP error response leniently without looking it up in any catalog: what
/// [`decode`] does before the lookup, for tools that search several catalogs. The raw copy
/// of the body is kept whenever no wire format could read it.
///
/// ```
/// use apierror::parse::{decode_response, DecodeOptions};
/// use apierror::Format;
///
/// let body = br#"{"type":"https://httpstatuses.io/400","title":"Invalid amount","status":"400","extraDetails":[{"name":"ErrorCode","reason":"4040"}],}"#;
/// let response = decode_response(400, &http::HeaderMap::new(), body, &DecodeOptions::default());
/// assert_eq!(response.format(), Some(Format::Vipps));
/// assert_eq!(response.code(), Some("4040"));
/// ```
pub fn decode_response(
    status: u16,
    headers: &HeaderMap,
    body: &[u8],
    options: &DecodeOptions,
) -> ErrorResponse {
    let mut response = read_response(status, headers, body, options);
    if response.body.is_none() {
        keep_raw(&mut response, body, options);
    }
    response
}

/// The facts of a response and its body as read, without a raw copy.
fn read_response(
    status: u16,
    headers: &HeaderMap,
    body: &[u8],
    options: &DecodeOptions,
) -> ErrorResponse {
    let header = |name: &HeaderName| headers.get(name).and_then(|v| v.to_str().ok());
    let content_type = header(&CONTENT_TYPE);
    let mut response = ErrorResponse {
        status,
        trace_id: header(&TRACEPARENT).map(|t| t.trim().to_owned()),
        retry_after: header(&RETRY_AFTER).and_then(RetryAfter::parse),
        content_type: content_type.map(str::to_owned),
        language: header(&CONTENT_LANGUAGE).map(|l| l.trim().to_owned()),
        meta: None,
        body: None,
        gateway_message: None,
        raw: Vec::new(),
        raw_truncated: false,
    };
    // Read straight into the response: a body is a large value, and every move of it shows
    // on the client's hot path.
    match read(content_type, body, &options.parse) {
        Read::Body(received) => {
            let received = response.body.insert(received);
            // As `parse` does: the HTTP status is the one that counts.
            received.status = Some(status);
            if received.trace_id.is_some() {
                response.trace_id.clone_from(&received.trace_id);
            }
            if response.language.is_none() {
                response.language.clone_from(&received.language);
            }
        }
        Read::Gateway { message } => response.gateway_message = message,
        Read::Nothing => {}
    }
    response
}

/// Whether a received Google body's `ErrorInfo.domain` (kept in `extra`) is `domain`, the
/// catalog's; a body or catalog without a domain does not tell.
fn same_domain(domain: Option<&str>, body: &ReceivedBody) -> bool {
    match (domain, body.extra.get("domain").and_then(Value::as_str)) {
        (Some(ours), Some(theirs)) => ours.eq_ignore_ascii_case(theirs),
        _ => true,
    }
}

/// Keeps the first bytes of the body in `response`.
fn keep_raw(response: &mut ErrorResponse, body: &[u8], options: &DecodeOptions) {
    let kept = body.len().min(options.max_raw_bytes);
    response.raw = body[..kept].to_vec();
    response.raw_truncated = kept < body.len();
}

/// The W3C trace context header.
const TRACEPARENT: HeaderName = HeaderName::from_static("traceparent");

/// What could be read of a body.
#[allow(clippy::large_enum_variant)]
enum Read {
    /// A body in one of the wire formats.
    // Not boxed: it lives only until `read_response` moves it into the response, and a box
    // would be one more allocation on the client's hot path (`benches/client.rs`).
    Body(ReceivedBody),
    /// A JSON object of an API gateway's own, e.g. Azure API Management's
    /// `{"statusCode": 401, "message": "Access denied due to invalid subscription key…"}`.
    Gateway { message: Option<String> },
    /// Nothing: an empty, HTML, non-JSON or over-limit body.
    Nothing,
}

fn read(content_type: Option<&str>, body: &[u8], limits: &ParseOptions) -> Read {
    if body.len() > limits.max_bytes {
        return Read::Nothing;
    }
    let media_type = content_type.map(media_type).unwrap_or_default();
    if !media_type.is_empty() && !is_json(&media_type) && media_type != "text/plain" {
        return Read::Nothing;
    }
    let Ok(text) = core::str::from_utf8(body) else {
        return Read::Nothing;
    };
    let text = text.trim_start_matches('\u{feff}').trim();
    if let Some(received) = fast::omise(text) {
        return Read::Body(received);
    }
    if text.is_empty()
        || is_html(&media_type, text)
        || depth::exceeds(text.as_bytes(), limits.max_depth)
    {
        return Read::Nothing;
    }
    let value = match serde_json::from_str::<Value>(text) {
        Ok(value) => value,
        Err(_) => match repair::trailing_commas(text).and_then(|t| serde_json::from_str(&t).ok()) {
            Some(value) => value,
            None => return Read::Nothing,
        },
    };
    let Value::Object(map) = value else {
        return Read::Nothing;
    };
    let map = super::members::Members::new(map, "", Mode::Lenient).map;
    let problem = media_type == "application/problem+json";
    match formats::detect(&map, problem) {
        Some(format) => match formats::read(format, map, Mode::Lenient) {
            Ok(received) => Read::Body(received),
            // Lenient readers report no error; this arm only keeps the types honest.
            Err(_) => Read::Nothing,
        },
        None => gateway(map),
    }
}

/// A JSON object in none of the formats: its `message` if it has one.
fn gateway(mut map: Map<String, Value>) -> Read {
    match map.remove("message") {
        Some(Value::String(message)) => Read::Gateway {
            message: Some(message),
        },
        _ => Read::Gateway { message: None },
    }
}
