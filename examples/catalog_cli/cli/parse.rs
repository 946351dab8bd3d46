//! `parse [--format F]`: a received response read back and looked up in every shipped
//! catalog.

use apierror::parse::capture;
use apierror::parse::{self as wire, ParseOptions, ReceivedBody};
use apierror::{Format, VariantMeta};
use serde::Serialize;

use super::{args, catalogs, http_text, Failure};

/// What `parse` prints: the catalog entry first, then everything received.
#[derive(Serialize)]
struct Output<'a> {
    catalog: Option<&'static str>,
    variant: Option<&'static str>,
    code: Option<&'a str>,
    title: Option<&'static str>,
    received: &'a ReceivedBody,
}

pub fn run(rest: &[String], stdin: &[u8]) -> Result<String, Failure> {
    let args = args::split(rest, &["format"], &[])?;
    args.exactly(0, "no arguments (the response is read from standard input)")?;
    let format = match args.option("format") {
        Some(f) => Some(
            f.parse::<Format>()
                .map_err(|e| Failure::Usage(format!("`{f}`: {e}")))?,
        ),
        None => None,
    };
    let message = http_text::read(stdin).map_err(Failure::Input)?;
    let received = wire::parse(
        message.status,
        message.content_type.as_deref(),
        message.body,
        format,
        &ParseOptions::default(),
    )
    .map_err(|e| Failure::Input(e.to_string()))?;
    let found = identify(&received);
    let out = Output {
        catalog: found.map(|(name, _)| name),
        variant: found.map(|(_, meta)| meta.name),
        code: received.code.as_deref(),
        title: found.map(|(_, meta)| meta.title),
        received: &received,
    };
    // Serializing owned strings and maps cannot fail; `null` stands in rather than a panic.
    let mut text = serde_json::to_string_pretty(&out).unwrap_or_else(|_| "null".to_owned());
    text.push('\n');
    Ok(text)
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
