//! [`decode`]: lenient decoding of any HTTP error response, for clients.

use std::borrow::Cow;

use http::header::{HeaderMap, HeaderName, CONTENT_LANGUAGE, CONTENT_TYPE, RETRY_AFTER};
use serde_json::{Map, Value};

use super::{
    depth, fast, is_html, is_json, lookup, media_type, repair, Decoded, Decoder, ErrorResponse,
    ParseOptions, ReceivedBody, RetryAfter,
};
use crate::format::ReadMode;
use crate::format::WireFormat;
use crate::model::api_error::ApiError;
use crate::model::catalog::VariantMeta;

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
    Decoder::built_in().decode(status, headers, body, options)
}

impl Decoder {
    /// [`decode`] among this decoder's formats.
    pub fn decode<E: ApiError>(
        &self,
        status: u16,
        headers: &HeaderMap,
        body: &[u8],
        options: &DecodeOptions,
    ) -> Decoded<E> {
        let facts = Facts::of(headers);
        let media_type = facts.media_type();
        let text = text(&media_type, body, &options.parse);
        if let Some(omise) = text.and_then(fast::omise) {
            // The commonest body: looked up while its text is still borrowed, then built once
            // where the result is kept (a response is a large value, and every copy of it
            // shows on the client's hot path, `benches/client.rs`). An Omise body names no
            // domain, so no catalog's is foreign to it. The codes compare by the rule of
            // the decoder's Omise format, called on its type rather than through the
            // vtable, so that it inlines into the catalog scan.
            let format = self.omise();
            let rule = |received: &str, declared: &str| format.code_match(received, declared);
            let (meta, typed) = lookup::find::<E>(rule, &omise.code, &omise.received());
            return match typed {
                Some(error) => Decoded::Typed {
                    error,
                    response: facts.omise_response(status, meta, omise),
                },
                None => {
                    let mut response = facts.omise_response(status, meta, omise);
                    keep_raw(&mut response, body, options);
                    Decoded::Unrecognised(response)
                }
            };
        }
        let mut response = facts.response(status);
        let read_by = self.read_into(
            &mut response,
            &media_type,
            text,
            &options.parse,
            &declares::<E>,
        );
        if let (Some(body), Some(format)) = (&response.body, read_by) {
            if let Some(code) = &body.code {
                // The codes compare by the rule of the format that read the body.
                let rule = |received: &str, declared: &str| format.code_match(received, declared);
                let (meta, typed) = lookup::find::<E>(rule, code, &body.received());
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
}

/// Whether `E`'s catalog declares the code `body` carries, by the rule of `format`, which
/// read it: how a decoder chooses between formats equally sure of a body.
fn declares<E: ApiError>(format: &dyn WireFormat, body: &ReceivedBody) -> bool {
    body.code.as_deref().is_some_and(|code| {
        let rule = |received: &str, declared: &str| format.code_match(received, declared);
        lookup::find::<E>(rule, code, &body.received()).0.is_some()
    })
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
    Decoder::built_in().decode_response(status, headers, body, options)
}

impl Decoder {
    /// [`decode_response`] among this decoder's formats.
    pub fn decode_response(
        &self,
        status: u16,
        headers: &HeaderMap,
        body: &[u8],
        options: &DecodeOptions,
    ) -> ErrorResponse {
        let facts = Facts::of(headers);
        let media_type = facts.media_type();
        let text = text(&media_type, body, &options.parse);
        if let Some(omise) = text.and_then(fast::omise) {
            return facts.omise_response(status, None, omise);
        }
        let mut response = facts.response(status);
        self.read_into(&mut response, &media_type, text, &options.parse, &|_, _| {
            false
        });
        if response.body.is_none() {
            keep_raw(&mut response, body, options);
        }
        response
    }
}

/// The headers of a response that decoding reads.
#[derive(Default)]
struct Facts<'h> {
    content_type: Option<&'h str>,
    traceparent: Option<&'h str>,
    retry_after: Option<&'h str>,
    language: Option<&'h str>,
}

impl<'h> Facts<'h> {
    fn of(headers: &'h HeaderMap) -> Self {
        // A test double's response often has no header at all: no lookup then.
        if headers.is_empty() {
            return Facts::default();
        }
        let header = |name: &HeaderName| headers.get(name).and_then(|v| v.to_str().ok());
        Facts {
            content_type: header(&CONTENT_TYPE),
            traceparent: header(&TRACEPARENT),
            retry_after: header(&RETRY_AFTER),
            language: header(&CONTENT_LANGUAGE),
        }
    }

    /// The media type of the `Content-Type`, empty without one.
    fn media_type(&self) -> Cow<'h, str> {
        self.content_type.map_or(Cow::Borrowed(""), media_type)
    }

    /// The facts of the response the headers give, with nothing read of the body yet.
    fn response(&self, status: u16) -> ErrorResponse {
        self.response_with(status, None, None)
    }

    /// The response of an Omise body read by the fast path (which has no trace id and no
    /// language of its own), with the catalog entry `meta` its code names.
    #[inline(always)]
    fn omise_response(
        &self,
        status: u16,
        meta: Option<&'static VariantMeta>,
        omise: fast::Omise<'_>,
    ) -> ErrorResponse {
        self.response_with(status, meta, Some(omise.into_body(status)))
    }

    /// The facts of the headers with `meta` and `body`: every member written out in one
    /// expression (no `..base`), which the compiler builds in place; a base value would be
    /// built whole and then copied.
    #[inline(always)]
    fn response_with(
        &self,
        status: u16,
        meta: Option<&'static VariantMeta>,
        body: Option<ReceivedBody>,
    ) -> ErrorResponse {
        ErrorResponse {
            status,
            trace_id: self.traceparent.map(|t| t.trim().to_owned()),
            retry_after: self.retry_after.and_then(RetryAfter::parse),
            content_type: self.content_type.map(str::to_owned),
            language: self.language.map(|l| l.trim().to_owned()),
            meta,
            body,
            gateway_message: None,
            raw: Vec::new(),
            raw_truncated: false,
        }
    }
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
enum Read<'d> {
    /// A body in one of the wire formats, and the format that read it.
    // Not boxed: it lives only until `read_into` moves it into the response, and a box
    // would be one more allocation on the client's hot path (`benches/client.rs`).
    Body(&'d dyn WireFormat, ReceivedBody),
    /// A JSON object of an API gateway's own, e.g. Azure API Management's
    /// `{"statusCode": 401, "message": "Access denied due to invalid subscription key…"}`.
    Gateway { message: Option<String> },
    /// Nothing: an empty, HTML, non-JSON or over-limit body.
    Nothing,
}

/// The text of a body that may be an error object: within the size limit, of a JSON (or
/// plain text, or no) media type, and UTF-8; without a BOM and the whitespace around it.
fn text<'b>(media_type: &str, body: &'b [u8], limits: &ParseOptions) -> Option<&'b str> {
    if body.len() > limits.max_bytes {
        return None;
    }
    if !media_type.is_empty() && !is_json(media_type) && media_type != "text/plain" {
        return None;
    }
    let text = core::str::from_utf8(body).ok()?;
    Some(text.trim_start_matches('\u{feff}').trim())
}

impl Decoder {
    /// Reads the body's `text` (see [`text`]) into `response`, by the general readers;
    /// the format that read a body, where one did.
    fn read_into(
        &self,
        response: &mut ErrorResponse,
        media_type: &str,
        text: Option<&str>,
        limits: &ParseOptions,
        declared: &dyn Fn(&dyn WireFormat, &ReceivedBody) -> bool,
    ) -> Option<&dyn WireFormat> {
        let text = text?;
        match self.read_text(media_type, text, limits, declared) {
            Read::Body(format, received) => {
                let received = response.body.insert(received);
                // As `parse` does: the HTTP status is the one that counts.
                received.status = Some(response.status);
                if received.trace_id.is_some() {
                    response.trace_id.clone_from(&received.trace_id);
                }
                if response.language.is_none() {
                    response.language.clone_from(&received.language);
                }
                Some(format)
            }
            Read::Gateway { message } => {
                response.gateway_message = message;
                None
            }
            Read::Nothing => None,
        }
    }

    /// Reads the `text` of a body (see [`text`]) by the general readers.
    fn read_text(
        &self,
        media_type: &str,
        text: &str,
        limits: &ParseOptions,
        declared: &dyn Fn(&dyn WireFormat, &ReceivedBody) -> bool,
    ) -> Read<'_> {
        if text.is_empty()
            || is_html(media_type, text)
            || depth::exceeds(text.as_bytes(), limits.max_depth)
        {
            return Read::Nothing;
        }
        let value = match serde_json::from_str::<Value>(text) {
            Ok(value) => value,
            Err(_) => {
                match repair::trailing_commas(text).and_then(|t| serde_json::from_str(&t).ok()) {
                    Some(value) => value,
                    None => return Read::Nothing,
                }
            }
        };
        let Value::Object(map) = value else {
            return Read::Nothing;
        };
        let map = crate::format::members::trim_names(map);
        if self.detect(&map, media_type).next().is_none() {
            return gateway(map);
        }
        match self.read(map, media_type, ReadMode::Lenient, declared) {
            Some((format, Ok(received))) => Read::Body(format, received),
            // Lenient readers report no error; this arm only keeps the types honest.
            Some((_, Err(_))) | None => Read::Nothing,
        }
    }
}

/// A JSON object in none of the formats: its `message` if it has one.
fn gateway(mut map: Map<String, Value>) -> Read<'static> {
    match map.remove("message") {
        Some(Value::String(message)) => Read::Gateway {
            message: Some(message),
        },
        _ => Read::Gateway { message: None },
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The fast path and the general readers give the same response for every Omise body
    /// the fast path takes: compact or not, escaped, with control characters, multi-byte
    /// text, strings of every length around the scan's eight-byte steps.
    #[test]
    fn the_omise_fast_path_reads_what_the_general_readers_read() {
        let mut headers = HeaderMap::new();
        headers.insert(
            "content-type",
            "Application/JSON; charset=utf-8".parse().unwrap(),
        );
        headers.insert("traceparent", " 00-abc-01 ".parse().unwrap());
        headers.insert("retry-after", "30".parse().unwrap());
        headers.insert("content-language", "th".parse().unwrap());
        let options = DecodeOptions::default();
        let mut texts = vec![
            r#"{"object":"error","location":"https://x.test/e#a","code":"used_token","message":"token was already used"}"#.to_owned(),
            r#"{"object": "error", "code": "a", "message": "m \u00e9\n"}"#.to_owned(),
            r#"{"object":"error","location":"l","code":"a\"b","message":"m"}"#.to_owned(),
            r#"{"object":"error","location":"l","code":"c","message":"tab	here"}"#.to_owned(),
            r#"{"object":"error","location":"l","code":"c","message":"ข้อผิดพลาด é"}"#.to_owned(),
            r#"{"object":"error","location":null,"code":"c","message":null}"#.to_owned(),
            "\u{feff} {\"object\":\"error\",\"location\":\"\",\"code\":\"\",\"message\":\"\"}\n".to_owned(),
        ];
        for len in 0..20 {
            let text = "x".repeat(len);
            texts.push(format!(
                r#"{{"object":"error","location":"{text}","code":"{text}","message":"{text}"}}"#
            ));
            texts.push(format!(
                r#"{{"object":"error","location":"{text}","code":"c{text}\\u0041","message":"{text}"}}"#
            ));
        }
        for headers in [HeaderMap::new(), headers] {
            let facts = Facts::of(&headers);
            let media_type = facts.media_type();
            for text in &texts {
                let trimmed = super::text(&media_type, text.as_bytes(), &options.parse).unwrap();
                let general =
                    Decoder::built_in()
                        .read_text(&media_type, trimmed, &options.parse, &|_, _| false);
                let Some(omise) = fast::omise(trimmed) else {
                    // Refused by both: a raw control character is not JSON.
                    assert!(matches!(general, Read::Nothing), "{text}");
                    assert!(text.contains('\t'));
                    continue;
                };
                let fast = facts.omise_response(400, None, omise);
                let Read::Body(_, body) = general else {
                    panic!("general: {text}");
                };
                let mut general = facts.response(400);
                general.body = Some(body);
                general.body.as_mut().unwrap().status = Some(400);
                assert_eq!(fast, general, "{text}");
                assert_eq!(
                    decode_response(400, &headers, text.as_bytes(), &options),
                    fast
                );
            }
        }
    }
}
