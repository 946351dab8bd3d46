//! `parse [--strict [--format F]]`: a received response read back and looked up in every
//! shipped catalog.
//!
//! By default the response is decoded leniently, as a client would: any error response
//! gives an answer, and a body in no known format is printed as the unrecognised facts
//! (status, message, `Retry-After`, the first bytes of the body). `--strict` reads it as a
//! validator would and fails on anything that is not exactly one of the wire formats.

use std::time::SystemTime;

use apierror::parse::{capture, DecodeOptions, ErrorResponse, ParseOptions};
use apierror::parse::{ReceivedBody, RetryAfter};
use apierror::VariantMeta;
use serde::Serialize;

use super::{args, catalogs, formats, http_text, Failure};

/// What `parse` prints: the catalog entry first, then everything received.
#[derive(Serialize)]
struct Output<'a> {
    catalog: Option<&'static str>,
    variant: Option<&'static str>,
    code: Option<&'a str>,
    title: Option<&'static str>,
    received: Option<&'a ReceivedBody>,
    /// Lenient only: what the response said where no wire format could read its body.
    #[serde(skip_serializing_if = "Option::is_none")]
    unrecognised: Option<Unrecognised<'a>>,
}

/// The facts of an unrecognised response, printable.
#[derive(Serialize)]
struct Unrecognised<'a> {
    status: u16,
    content_type: Option<&'a str>,
    message: Option<&'a str>,
    trace_id: Option<&'a str>,
    /// Seconds to wait, from now.
    retry_after_seconds: Option<u64>,
    /// The first bytes of the body, as text (invalid UTF-8 replaced).
    body: String,
    body_truncated: bool,
}

impl<'a> Unrecognised<'a> {
    fn of(response: &'a ErrorResponse) -> Self {
        Unrecognised {
            status: response.status,
            content_type: response.content_type.as_deref(),
            message: response.message(),
            trace_id: response.trace_id.as_deref(),
            retry_after_seconds: response
                .retry_after
                .map(|r: RetryAfter| r.delay_from(SystemTime::now()).as_secs()),
            body: String::from_utf8_lossy(&response.raw).into_owned(),
            body_truncated: response.raw_truncated,
        }
    }
}

pub fn run(rest: &[String], stdin: &[u8]) -> Result<String, Failure> {
    let args = args::split(rest, &["format"], &["strict"])?;
    args.exactly(0, "no arguments (the response is read from standard input)")?;
    let strict = args.flag("strict");
    let format = match args.option("format") {
        Some(_) if !strict => {
            return Err(Failure::Usage(
                "--format reads a body as one format, which only --strict does".to_owned(),
            ))
        }
        Some(f) => Some(formats::named(f)?),
        None => None,
    };
    let message = http_text::read(stdin).map_err(Failure::Input)?;
    if strict {
        let received = formats::decoder()
            .parse(
                message.status,
                message.content_type.as_deref(),
                message.body,
                format,
                &ParseOptions::default(),
            )
            .map_err(|e| Failure::Input(e.to_string()))?;
        return Ok(print(Some(&received), None));
    }
    // A bare body has no status line: it is read as a 400 response (the status changes
    // nothing in how a body is read, only what is printed as its status).
    let status = message.status.unwrap_or(400);
    let response = formats::decoder().decode_response(
        status,
        &message.headers,
        message.body,
        &DecodeOptions::default(),
    );
    let unrecognised = response.body.is_none().then(|| Unrecognised::of(&response));
    Ok(print(response.body.as_ref(), unrecognised))
}

fn print(received: Option<&ReceivedBody>, unrecognised: Option<Unrecognised<'_>>) -> String {
    let found = received.and_then(identify);
    let out = Output {
        catalog: found.map(|(name, _)| name),
        variant: found.map(|(_, meta)| meta.name),
        code: received.and_then(|r| r.code.as_deref()),
        title: found.map(|(_, meta)| meta.title),
        received,
        unrecognised,
    };
    // Serializing owned strings and maps cannot fail; `null` stands in rather than a panic.
    let mut text = serde_json::to_string_pretty(&out).unwrap_or_else(|_| "null".to_owned());
    text.push('\n');
    text
}

/// The catalog and variant a received body's code names, searching every shipped catalog:
/// catalogs of the detected format's provider first, then those whose template fits the
/// received message, then catalog order.
pub fn identify(received: &ReceivedBody) -> Option<(&'static str, &'static VariantMeta)> {
    received.code.as_ref()?;
    let message = received.message.as_deref();
    let mut found: Vec<(bool, bool, &'static str, &'static VariantMeta)> = Vec::new();
    for (name, catalog) in apierror_catalog::all() {
        let Some(meta) = received.best_match(catalog) else {
            continue;
        };
        let native = catalogs::native_format(name) == received.format;
        found.push((native, fits(meta, message), name, meta));
    }
    // Stable sort: ties keep catalog order.
    found.sort_by_key(|(native, fits, _, _)| (!native, !fits));
    found.first().map(|(_, _, name, meta)| (*name, *meta))
}

fn fits(meta: &VariantMeta, message: Option<&str>) -> bool {
    match message {
        Some(m) => meta.message == Some(m) || capture(meta.pieces, m).is_some(),
        None => true,
    }
}
