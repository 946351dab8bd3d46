//! The formats of `apierror-formats` (Stripe, JSON:API, Microsoft), with arbitrary template
//! arguments, fields and options: each body is JSON, its `Serialize` view writes the same
//! bytes, the response carries the format's headers, and a decoder of every format reads
//! the body back as the format that wrote it, with its code and message. Arbitrary bytes
//! through that decoder never panic.

#![no_main]

use apierror::format::{JsonApi, Microsoft, Stripe, StripeType, WireFormat};
use apierror::parse::{DecodeOptions, Decoder, ParseOptions};
use apierror::{ApiError, Format, Renderer, RequestContext};
use apierror_fuzz::{message, Arg, FuzzError};
use libfuzzer_sys::arbitrary::{self, Arbitrary};
use libfuzzer_sys::fuzz_target;
use serde_json::Value;

#[derive(Arbitrary, Debug)]
struct Input {
    errors: Vec<Arg>,
    language: Option<String>,
    doc_base: Option<String>,
    card_error_for: Option<String>,
    pointer_prefix: Option<String>,
    /// Bytes decoded as a response of each format's content type.
    raw: Vec<u8>,
}

/// The formats, with the input's options where they are accepted.
fn formats(input: &Input) -> (Stripe, JsonApi, Microsoft) {
    let mut stripe = Stripe::new();
    if let Some(base) = &input.doc_base {
        if let Ok(s) = stripe.clone().with_doc_base(base) {
            stripe = s;
        }
    }
    if let Some(code) = &input.card_error_for {
        stripe = stripe.with_type_for(code, StripeType::CardError);
    }
    let mut jsonapi = JsonApi::new();
    if let Some(prefix) = &input.pointer_prefix {
        jsonapi = jsonapi.with_pointer_prefix(prefix);
    }
    (stripe, jsonapi, Microsoft::new())
}

/// Renders `errors` in `format`, checks the body, and reads it back.
fn check(format: impl WireFormat + Clone, errors: &[FuzzError], ctx: &RequestContext<'_>, decoder: &Decoder, raw: &[u8]) {
    let dyns: Vec<&dyn ApiError> = errors.iter().map(|e| e as &dyn ApiError).collect();
    let primary_message = errors.first().map_or("Internal Server Error".to_owned(), |e| message(e));
    let primary_code = errors.first().map_or("internal_error", |e| e.code());
    let name = Format::named(format.name());
    let renderer = Renderer::new(name).with_format(format.clone()).unwrap();
    let mut body = Vec::new();
    renderer.render_all(name, &dyns, ctx, &mut body);
    let json: Value = serde_json::from_slice(&body).expect("body is JSON");
    let view = serde_json::to_vec(&renderer.view(name, &dyns, ctx)).unwrap();
    assert_eq!(body, view, "view and render differ in {name}");
    let response = renderer.response_all(name, &dyns, ctx);
    assert_eq!(response.body(), &body);

    match format.name() {
        "stripe" => {
            let error = &json["error"];
            assert_eq!(error["message"], Value::String(primary_message.clone()));
            assert_eq!(error["code"], primary_code);
            let field = errors.first().and_then(|e| e.field());
            assert_eq!(error.get("param").is_some(), field.is_some());
        }
        "jsonapi" => {
            let list = json["errors"].as_array().unwrap();
            assert_eq!(list.len(), errors.len().max(1));
            for (entry, err) in list.iter().zip(errors) {
                assert_eq!(entry["detail"], Value::String(message(err)));
                assert_eq!(entry["status"], err.status().as_str());
                if let Some(pointer) = entry["source"]["pointer"].as_str() {
                    assert!(pointer.is_empty() || pointer.starts_with('/'), "{pointer}");
                }
            }
        }
        _ => {
            let error = &json["error"];
            assert_eq!(error["message"], Value::String(primary_message.clone()));
            assert_eq!(response.headers()["x-ms-error-code"], primary_code);
            match errors.len() {
                0 | 1 => assert!(error.get("details").is_none()),
                n => assert_eq!(error["details"].as_array().unwrap().len(), n),
            }
            if let Some(field) = errors.first().and_then(|e| e.field()) {
                assert_eq!(error["target"], Value::String(field.to_string()));
            }
        }
    }

    // Read back, as a validator and as a client, by the format that wrote it.
    let content_type = format.content_type();
    let status = response.status().as_u16();
    let parsed = decoder
        .parse(Some(status), Some(content_type), &body, None, &ParseOptions::default())
        .expect("a body reads back");
    assert_eq!(parsed.format, name);
    assert_eq!(parsed.code.as_deref(), Some(primary_code));
    assert_eq!(parsed.message.as_deref(), Some(primary_message.as_str()));
    let decoded = decoder.decode::<FuzzError>(status, response.headers(), &body, &DecodeOptions::default());
    if let Some(typed) = decoded.typed() {
        assert_eq!(typed.code(), primary_code);
    }

    // Arbitrary bytes in this format's content type: never a panic.
    let mut headers = http::HeaderMap::new();
    headers.insert("content-type", http::HeaderValue::from_static(content_type));
    let _ = decoder.decode::<FuzzError>(400, &headers, raw, &DecodeOptions::default());
    let _ = decoder.parse(Some(400), Some(content_type), raw, Some(name), &ParseOptions::default());
}

fuzz_target!(|input: Input| {
    let errors: Vec<FuzzError> = input.errors.iter().take(8).cloned().map(Arg::error).collect();
    let mut ctx = RequestContext::new();
    if let Some(language) = &input.language {
        if let Ok(c) = ctx.clone().with_accept_language(language.as_str()) {
            ctx = c;
        }
    }
    let decoder = Decoder::new()
        .with_format(Stripe::new())
        .and_then(|d| d.with_format(JsonApi::new()))
        .and_then(|d| d.with_format(Microsoft::new()))
        .unwrap();
    let (stripe, jsonapi, microsoft) = formats(&input);
    check(stripe, &errors, &ctx, &decoder, &input.raw);
    check(jsonapi, &errors, &ctx, &decoder, &input.raw);
    check(microsoft, &errors, &ctx, &decoder, &input.raw);
});
