//! The wire formats of `apierror-formats` (Stripe, JSON:API, Microsoft) beside the
//! built-ins: a renderer answering in any of them, and a decoder reading them all.

use apierror::format::{JsonApi, Microsoft, Stripe};
use apierror::parse::Decoder;
use apierror::{Format, Renderer};

use super::Failure;

/// Every format's name, for messages.
pub const NAMES: &str = "omise, problem, vipps, oney, google, stripe, jsonapi, microsoft";

/// A renderer answering in the format named `name`, and that format.
pub fn renderer(name: &str) -> Result<(Renderer, Format), Failure> {
    let unknown = || {
        Failure::Usage(format!(
            "`{name}`: unknown wire format; expected one of {NAMES}"
        ))
    };
    if let Ok(format) = name.parse::<Format>() {
        return Ok((Renderer::new(format), format));
    }
    let format = match name.to_ascii_lowercase().as_str() {
        "stripe" => Format::named("stripe"),
        "jsonapi" => Format::named("jsonapi"),
        "microsoft" => Format::named("microsoft"),
        _ => return Err(unknown()),
    };
    let renderer = Renderer::new(format);
    let renderer = match format.name() {
        "stripe" => renderer.with_format(Stripe::new()),
        "jsonapi" => renderer.with_format(JsonApi::new()),
        _ => renderer.with_format(Microsoft::new()),
    };
    Ok((renderer.map_err(|e| Failure::Usage(e.to_string()))?, format))
}

/// A decoder of the built-ins and the three formats.
pub fn decoder() -> Decoder {
    Decoder::new()
        .with_format(Stripe::new())
        .and_then(|d| d.with_format(JsonApi::new()))
        .and_then(|d| d.with_format(Microsoft::new()))
        // The names are distinct: never taken.
        .unwrap_or_default()
}

/// The format named `name` that [`decoder`] reads.
pub fn named(name: &str) -> Result<Format, Failure> {
    renderer(name).map(|(_, format)| format)
}
