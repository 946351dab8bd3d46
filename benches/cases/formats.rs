//! The groups of the `apierror-formats` formats (Stripe, JSON:API, Microsoft), and a
//! user's own format: Omise's body written through the public `WireFormat` trait and
//! `JsonWriter` alone, against the built-in Omise format.

use apierror::format::{Body, JsonApi, JsonWriter, Microsoft, Stripe, WireFormat};
use apierror::{ApiError, Format, Renderer};
use serde::Serialize;

use super::{BenchError, Fixture};

// `Format::named` is a `const fn`: the names are looked up once, as a server would hold them.
const STRIPE: Format = Format::named("stripe");
const MICROSOFT: Format = Format::named("microsoft");
const JSONAPI: Format = Format::named("jsonapi");
const CUSTOM_OMISE: Format = Format::named("custom_omise");

pub const STRIPE_UNIT_BODY: &[u8] = br#"{"error":{"type":"invalid_request_error","code":"used_token","message":"token was already used"}}"#;
pub const MICROSOFT_UNIT_BODY: &[u8] =
    br#"{"error":{"code":"used_token","message":"token was already used"}}"#;
pub const JSONAPI_LIST3_BODY: &[u8] = br#"{"errors":[{"status":"422","code":"too_short","title":"Too Short","detail":"name must be at least 3 characters","source":{"pointer":"/data/attributes/name"}},{"status":"409","code":"taken","title":"Taken","detail":"this email address is taken"},{"status":"400","code":"used_token","title":"Used Token","detail":"token was already used"}]}"#;
pub const CUSTOM_OMISE_BODY: &[u8] = br#"{"object":"error","location":"https://www.omise.co/api-errors#used-token","code":"used_token","message":"token was already used"}"#;

/// The errors of a signup form: the JSON:API list of three.
#[derive(Debug, ApiError)]
pub enum FormError {
    #[status(422)]
    #[code("too_short")]
    #[message("{field} must be at least {min} characters")]
    TooShort {
        #[field]
        field: &'static str,
        min: u32,
    },

    #[status(409)]
    #[code("taken")]
    #[message("this email address is taken")]
    Taken,

    #[status(400)]
    #[code("used_token")]
    #[message("token was already used")]
    UsedToken,
}

/// Omise's error object written by a user's format: what anyone can write with the public
/// trait and `JsonWriter`, measured against the built-in Omise format.
#[derive(Debug)]
pub struct CustomOmise;

impl WireFormat for CustomOmise {
    fn name(&self) -> &'static str {
        "custom_omise"
    }

    // Omise's body holds nothing of the request.
    fn varies_by_request(&self) -> bool {
        false
    }

    fn write(&self, body: &Body<'_>, out: &mut Vec<u8>) {
        let err = body.first();
        let mut w = JsonWriter::new(out);
        w.raw(r#"{"object":"error","location":"https://www.omise.co/api-errors#"#);
        // The anchor is the code with `_` turned into `-`.
        for (i, part) in err.code().split('_').enumerate() {
            if i > 0 {
                w.raw("-");
            }
            w.escaped(part);
        }
        w.raw(r#"","code":"#);
        w.code(err);
        w.raw(r#","message":"#);
        w.message(err, body.message_language(err));
        w.raw("}");
    }
}

/// What the groups render with, built once.
pub struct Formats {
    pub stripe: Renderer,
    pub microsoft: Renderer,
    /// JSON:API, and the custom Omise format beside the built-ins.
    pub jsonapi: Renderer,
    pub custom: CustomOmise,
    pub list3: [FormError; 3],
}

impl Formats {
    pub fn new() -> Self {
        let stripe = Renderer::new(Format::named("stripe")).with_format(Stripe::new());
        let microsoft = Renderer::new(Format::named("microsoft")).with_format(Microsoft::new());
        let jsonapi = Renderer::new(Format::named("jsonapi"))
            .with_format(JsonApi::new())
            .and_then(|r| r.with_format(CustomOmise));
        Formats {
            stripe: stripe.expect("a free name and media type"),
            microsoft: microsoft.expect("a free name and media type"),
            jsonapi: jsonapi.expect("free names and media types"),
            custom: CustomOmise,
            list3: [
                FormError::TooShort {
                    field: "name",
                    min: 3,
                },
                FormError::Taken,
                FormError::UsedToken,
            ],
        }
    }
}

// ---- stripe_unit ----

#[derive(Serialize)]
struct StripeBody<'a> {
    error: StripeError<'a>,
}

#[derive(Serialize)]
struct StripeError<'a> {
    #[serde(rename = "type")]
    kind: &'a str,
    code: &'a str,
    message: &'a str,
    #[serde(skip_serializing_if = "Option::is_none")]
    param: Option<&'a str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    doc_url: Option<&'a str>,
}

/// Through the renderer, as a server answers.
pub fn stripe_unit_apierror(fx: &Fixture, buf: &mut Vec<u8>) {
    let f = &fx.formats;
    f.stripe
        .render(STRIPE, &BenchError::UsedToken, &fx.ctx, buf);
}

pub fn stripe_unit_memcpy(_: &Fixture, buf: &mut Vec<u8>) {
    buf.extend_from_slice(STRIPE_UNIT_BODY);
}

pub fn stripe_unit_serde(_: &Fixture, buf: &mut Vec<u8>) {
    let body = StripeBody {
        error: StripeError {
            kind: "invalid_request_error",
            code: "used_token",
            message: "token was already used",
            param: None,
            doc_url: None,
        },
    };
    let _ = serde_json::to_writer(buf, &body);
}

// ---- microsoft_unit ----

#[derive(Serialize)]
struct MicrosoftBody<'a> {
    error: MicrosoftError<'a>,
}

#[derive(Serialize)]
struct MicrosoftError<'a> {
    code: &'a str,
    message: &'a str,
    #[serde(skip_serializing_if = "Option::is_none")]
    target: Option<&'a str>,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    details: Vec<MicrosoftError<'a>>,
}

pub fn microsoft_unit_apierror(fx: &Fixture, buf: &mut Vec<u8>) {
    let f = &fx.formats;
    f.microsoft
        .render(MICROSOFT, &BenchError::UsedToken, &fx.ctx, buf);
}

pub fn microsoft_unit_memcpy(_: &Fixture, buf: &mut Vec<u8>) {
    buf.extend_from_slice(MICROSOFT_UNIT_BODY);
}

pub fn microsoft_unit_serde(_: &Fixture, buf: &mut Vec<u8>) {
    let body = MicrosoftBody {
        error: MicrosoftError {
            code: "used_token",
            message: "token was already used",
            target: None,
            details: Vec::new(),
        },
    };
    let _ = serde_json::to_writer(buf, &body);
}

// ---- jsonapi_list3 ----

#[derive(Serialize)]
struct JsonApiBody<'a> {
    errors: [JsonApiError<'a>; 3],
}

#[derive(Serialize)]
struct JsonApiError<'a> {
    status: &'a str,
    code: &'a str,
    title: &'a str,
    detail: &'a str,
    #[serde(skip_serializing_if = "Option::is_none")]
    source: Option<JsonApiSource<'a>>,
}

#[derive(Serialize)]
struct JsonApiSource<'a> {
    pointer: &'a str,
}

pub fn jsonapi_list3_apierror(fx: &Fixture, buf: &mut Vec<u8>) {
    let [a, b, c] = &fx.formats.list3;
    fx.formats
        .jsonapi
        .render_all(JSONAPI, &[a, b, c], &fx.ctx, buf);
}

pub fn jsonapi_list3_memcpy(_: &Fixture, buf: &mut Vec<u8>) {
    buf.extend_from_slice(JSONAPI_LIST3_BODY);
}

pub fn jsonapi_list3_serde(_: &Fixture, buf: &mut Vec<u8>) {
    let body = JsonApiBody {
        errors: [
            JsonApiError {
                status: "422",
                code: "too_short",
                title: "Too Short",
                detail: "name must be at least 3 characters",
                source: Some(JsonApiSource {
                    pointer: "/data/attributes/name",
                }),
            },
            JsonApiError {
                status: "409",
                code: "taken",
                title: "Taken",
                detail: "this email address is taken",
                source: None,
            },
            JsonApiError {
                status: "400",
                code: "used_token",
                title: "Used Token",
                detail: "token was already used",
                source: None,
            },
        ],
    };
    let _ = serde_json::to_writer(buf, &body);
}

// ---- custom_omise ----

/// The user's format through the renderer, as a server answers with it.
pub fn custom_omise_renderer(fx: &Fixture, buf: &mut Vec<u8>) {
    let f = &fx.formats;
    f.jsonapi
        .render(CUSTOM_OMISE, &BenchError::UsedToken, &fx.ctx, buf);
}

/// The user's format called directly: its writer's own cost.
pub fn custom_omise_write(fx: &Fixture, buf: &mut Vec<u8>) {
    let errors: [&dyn ApiError; 1] = [&BenchError::UsedToken];
    fx.formats.custom.write(&Body::new(&errors, &fx.ctx), buf);
}

/// The built-in Omise format through the same renderer.
pub fn custom_omise_built_in(fx: &Fixture, buf: &mut Vec<u8>) {
    let f = &fx.formats;
    f.jsonapi
        .render(Format::Omise, &BenchError::UsedToken, &fx.ctx, buf);
}
