//! A format of the user's, written on the public `WireFormat` trait alone, gets what a
//! built-in gets: registration (and refusal of a second format under a taken name or media
//! type), negotiation, the response's headers, a `Serialize` view, decoding back to the typed
//! variant (by its own rule of how a received code names a declared one), a debug check that
//! it wrote JSON, and an OpenAPI schema.

use apierror::format::{
    Body, Carries, CodeMatch, Confidence, FormatError, JsonWriter, ParseError, ReadMode,
    ReceivedBody, WireFormat,
};
use apierror::parse::{DecodeOptions, Decoded, Decoder};
use apierror::{ApiError, Format, Renderer, RequestContext};
use http::header::{HeaderMap, HeaderValue, ACCEPT};
use serde_json::{Map, Value};

/// A company's own envelope: `{"error":{"code","message","request_id"}}`, with an
/// `x-acme-code` header.
#[derive(Debug)]
struct Acme;

impl WireFormat for Acme {
    fn name(&self) -> &'static str {
        "acme"
    }

    fn media_type(&self) -> &'static str {
        "application/vnd.acme+json"
    }

    fn content_type(&self) -> &'static str {
        "application/vnd.acme+json"
    }

    fn carries(&self) -> Carries {
        Carries::ONE.with_title()
    }

    fn write(&self, body: &Body<'_>, out: &mut Vec<u8>) {
        let err = body.first();
        let mut w = JsonWriter::new(out);
        w.raw(r#"{"error":{"code":"#);
        w.code(err);
        w.raw(r#","title":"#);
        w.title(err, body.title_language(err));
        w.raw(r#","message":"#);
        w.message(err, body.message_language(err));
        w.raw(r#","request_id":"#);
        match body.context().trace_id() {
            Some(id) => w.string(id),
            None => w.raw("null"),
        }
        w.raw("}}");
    }

    fn headers(&self, body: &Body<'_>, headers: &mut HeaderMap) {
        if let Ok(code) = HeaderValue::from_str(body.first().code()) {
            headers.insert("x-acme-code", code);
        }
    }

    fn detect(&self, object: &Map<String, Value>, _media_type: &str) -> Confidence {
        match object.get("error") {
            Some(Value::Object(e)) if e.contains_key("request_id") => Confidence::CERTAIN,
            _ => Confidence::NONE,
        }
    }

    fn read(
        &self,
        mut object: Map<String, Value>,
        mode: ReadMode,
    ) -> Result<ReceivedBody, ParseError> {
        let text = |e: &mut Map<String, Value>, name: &str| match e.remove(name) {
            Some(Value::String(s)) => Some(s),
            _ => None,
        };
        let mut body = ReceivedBody::new(Format::named("acme"));
        let Some(Value::Object(mut e)) = object.remove("error") else {
            return Err(ParseError::UnknownShape);
        };
        body.code = text(&mut e, "code");
        body.title = text(&mut e, "title");
        body.message = text(&mut e, "message");
        body.trace_id = text(&mut e, "request_id");
        if body.code.is_none() && mode == ReadMode::Strict {
            return Err(ParseError::UnknownShape);
        }
        Ok(body)
    }

    fn schema(&self) -> Option<Value> {
        Some(serde_json::json!({
            "type": "object",
            "properties": {"error": {"type": "object", "required": ["code", "message"]}},
            "required": ["error"],
        }))
    }

    fn schema_name(&self) -> &'static str {
        "AcmeError"
    }
}

#[derive(Debug, PartialEq, ApiError)]
enum OrderError {
    #[status(404)]
    #[code("order_not_found")]
    #[message("order {id} was not found")]
    #[message(th = "ไม่พบคำสั่งซื้อ {id}")]
    NotFound { id: u64 },
    #[status(409)]
    #[code("out_of_stock")]
    #[message("\"{sku}\" is out of stock")]
    OutOfStock { sku: String },
}

fn acme() -> Renderer {
    Renderer::new(Format::named("acme"))
        .with_format(Acme)
        .unwrap()
}

#[test]
fn a_user_format_answers_with_its_own_headers() {
    let ctx = RequestContext::new().with_trace_id("req-7").unwrap();
    let res = acme().negotiated_response(&HeaderMap::new(), &OrderError::NotFound { id: 7 }, &ctx);
    assert_eq!(res.status(), 404);
    let headers: Vec<(&str, &str)> = res
        .headers()
        .iter()
        .map(|(k, v)| (k.as_str(), v.to_str().unwrap()))
        .collect();
    assert_eq!(
        headers,
        [
            ("content-type", "application/vnd.acme+json"),
            ("content-language", "en"),
            // The error has a Thai translation: another `Accept-Language` could change it.
            ("vary", "accept, accept-language"),
            ("x-acme-code", "order_not_found"),
        ]
    );
    assert_eq!(
        std::str::from_utf8(res.body()).unwrap(),
        r#"{"error":{"code":"order_not_found","title":"Not Found","message":"order 7 was not found","request_id":"req-7"}}"#
    );
}

#[test]
fn each_text_of_a_user_format_is_labelled_with_its_language() {
    let ctx = RequestContext::new().with_accept_language("th-TH").unwrap();
    let res = acme().response(Format::named("acme"), &OrderError::NotFound { id: 7 }, &ctx);
    assert_eq!(res.headers()["content-language"], "th, en");
    assert_eq!(res.headers()["vary"], "accept-language");
    assert_eq!(
        std::str::from_utf8(res.body()).unwrap(),
        r#"{"error":{"code":"order_not_found","title":"Not Found","message":"ไม่พบคำสั่งซื้อ 7","request_id":null}}"#
    );
}

#[test]
fn a_renderer_negotiates_among_what_it_registered() {
    let renderer = Renderer::new(Format::Problem).with_format(Acme).unwrap();
    assert_eq!(renderer.offers(), [Format::Problem, Format::named("acme")]);
    assert_eq!(
        renderer.negotiate("application/vnd.acme+json"),
        Format::named("acme")
    );
    assert_eq!(renderer.negotiate("application/json"), Format::Problem);
    assert_eq!(renderer.format_named("ACME"), Some(Format::named("acme")));
    let mut request = HeaderMap::new();
    request.insert(
        ACCEPT,
        HeaderValue::from_static("application/vnd.acme+json"),
    );
    let res = renderer.negotiated_response(
        &request,
        &OrderError::NotFound { id: 1 },
        &RequestContext::new(),
    );
    assert_eq!(res.headers()["content-type"], "application/vnd.acme+json");
}

#[test]
fn a_second_format_under_a_taken_name_or_media_type_is_refused() {
    assert_eq!(
        acme().with_format(Acme).unwrap_err(),
        FormatError::NameTaken("acme")
    );

    #[derive(Debug)]
    struct NamedOmise;
    impl WireFormat for NamedOmise {
        fn name(&self) -> &'static str {
            "omise"
        }
        fn write(&self, _: &Body<'_>, out: &mut Vec<u8>) {
            out.extend_from_slice(b"{}");
        }
    }
    assert_eq!(
        Renderer::new(Format::Problem)
            .with_format(NamedOmise)
            .unwrap_err(),
        FormatError::NameTaken("omise")
    );

    #[derive(Debug)]
    struct Plain;
    impl WireFormat for Plain {
        fn name(&self) -> &'static str {
            "plain"
        }
        fn write(&self, _: &Body<'_>, out: &mut Vec<u8>) {
            out.extend_from_slice(b"{}");
        }
    }
    let refused = Renderer::new(Format::Omise).with_format(Plain).unwrap_err();
    assert_eq!(
        refused,
        FormatError::MediaTypeTaken {
            format: "plain",
            media_type: "application/json",
            taken_by: "omise"
        }
    );
    assert_eq!(
        refused.to_string(),
        "wire format `plain` has media type `application/json`, which `omise` is offered under already"
    );
}

#[test]
fn a_user_format_has_a_serialize_view_of_the_same_body() {
    let renderer = acme();
    let err = OrderError::OutOfStock { sku: "A-1".into() };
    let errors: [&dyn ApiError; 1] = [&err];
    let ctx = RequestContext::new();
    let mut body = Vec::new();
    renderer.render_all(Format::named("acme"), &errors, &ctx, &mut body);
    let view = serde_json::to_vec(&renderer.view(Format::named("acme"), &errors, &ctx)).unwrap();
    assert_eq!(view, body);
    assert_eq!(
        std::str::from_utf8(&body).unwrap(),
        r#"{"error":{"code":"out_of_stock","title":"Out Of Stock","message":"\"A-1\" is out of stock","request_id":null}}"#
    );
}

#[test]
fn a_decoder_reads_a_user_format_back_as_the_typed_error() {
    let decoder = Decoder::new().with_format(Acme).unwrap();
    let ctx = RequestContext::new().with_trace_id("req-9").unwrap();
    let res = acme().response(
        Format::named("acme"),
        &OrderError::OutOfStock { sku: "B-2".into() },
        &ctx,
    );
    let decoded =
        decoder.decode::<OrderError>(409, res.headers(), res.body(), &DecodeOptions::default());
    let Decoded::Typed { error, response } = decoded else {
        panic!("not typed: {decoded:?}");
    };
    assert_eq!(error, OrderError::OutOfStock { sku: "B-2".into() });
    assert_eq!(response.format(), Some(Format::named("acme")));
    assert_eq!(response.trace_id.as_deref(), Some("req-9"));
    // The built-ins' decoder does not know the envelope: `{"error":{…}}` is Google's shape.
    let built_in = apierror::parse::decode::<OrderError>(
        409,
        res.headers(),
        res.body(),
        &DecodeOptions::default(),
    );
    assert_ne!(built_in.response().format(), Some(Format::named("acme")));
    // Strictly, by name.
    let parsed = decoder
        .parse(
            Some(409),
            None,
            res.body(),
            Some(Format::named("acme")),
            &Default::default(),
        )
        .unwrap();
    assert_eq!(parsed.code.as_deref(), Some("out_of_stock"));
}

/// Formats equally sure of a body are told apart by whether the code they read is one the
/// caller's catalog declares.
#[test]
fn equally_sure_formats_are_told_apart_by_the_declared_code() {
    #[derive(Debug)]
    struct Reads(&'static str, &'static str);
    impl WireFormat for Reads {
        fn name(&self) -> &'static str {
            self.0
        }
        fn write(&self, _: &Body<'_>, out: &mut Vec<u8>) {
            out.extend_from_slice(b"{}");
        }
        fn detect(&self, object: &Map<String, Value>, _: &str) -> Confidence {
            match object.contains_key("both") {
                true => Confidence::CERTAIN,
                false => Confidence::NONE,
            }
        }
        fn read(
            &self,
            mut object: Map<String, Value>,
            _: ReadMode,
        ) -> Result<ReceivedBody, ParseError> {
            let mut body = ReceivedBody::new(Format::named(self.0));
            body.code = object
                .remove(self.1)
                .and_then(|v| v.as_str().map(str::to_owned));
            Ok(body)
        }
    }
    let decoder = Decoder::new()
        .with_format(Reads("first", "a"))
        .unwrap()
        .with_format(Reads("second", "b"))
        .unwrap();
    let body = br#"{"both":1,"a":"unknown_code","b":"out_of_stock","sku":"x"}"#;
    let decoded =
        decoder.decode::<OrderError>(409, &HeaderMap::new(), body, &DecodeOptions::default());
    assert_eq!(decoded.response().format(), Some(Format::named("second")));
    // Neither declared: the one added first.
    let response = decoder.decode_response(409, &HeaderMap::new(), body, &DecodeOptions::default());
    assert_eq!(response.format(), Some(Format::named("first")));
}

/// `{"fault":"OUT_OF_STOCK","text":…}`: a format that sends codes in upper case, and says
/// so in `code_match`.
#[derive(Debug)]
struct Loud;

impl WireFormat for Loud {
    fn name(&self) -> &'static str {
        "loud"
    }

    fn media_type(&self) -> &'static str {
        "application/vnd.loud+json"
    }

    fn content_type(&self) -> &'static str {
        "application/vnd.loud+json"
    }

    fn write(&self, body: &Body<'_>, out: &mut Vec<u8>) {
        let err = body.first();
        let mut w = JsonWriter::new(out);
        w.raw(r#"{"fault":"#);
        w.string(&err.code().to_ascii_uppercase());
        w.raw(r#","text":"#);
        w.message(err, body.message_language(err));
        w.raw("}");
    }

    fn detect(&self, object: &Map<String, Value>, _media_type: &str) -> Confidence {
        match object.contains_key("fault") {
            true => Confidence::CERTAIN,
            false => Confidence::NONE,
        }
    }

    fn read(
        &self,
        mut object: Map<String, Value>,
        _: ReadMode,
    ) -> Result<ReceivedBody, ParseError> {
        let mut text = |name: &str| match object.remove(name) {
            Some(Value::String(s)) => Some(s),
            _ => None,
        };
        let mut body = ReceivedBody::new(Format::named("loud"));
        body.code = text("fault");
        body.message = text("text");
        Ok(body)
    }

    fn code_match(&self, received: &str, declared: &str) -> CodeMatch {
        match received.eq_ignore_ascii_case(declared) {
            true => CodeMatch::Exact,
            false => CodeMatch::No,
        }
    }
}

/// A decoder looks a body's code up by the rule of the format that read it: a user's
/// format whose codes are sent in upper case decodes to the typed variant, where the
/// default rule (the same code, as the built-ins' decoder and `Acme` compare) finds none.
#[test]
fn a_user_format_says_how_its_codes_name_the_declared_ones() {
    let renderer = Renderer::new(Format::named("loud"))
        .with_format(Loud)
        .unwrap();
    let res = renderer.response(
        Format::named("loud"),
        &OrderError::OutOfStock { sku: "B-2".into() },
        &RequestContext::new(),
    );
    assert_eq!(
        std::str::from_utf8(res.body()).unwrap(),
        r#"{"fault":"OUT_OF_STOCK","text":"\"B-2\" is out of stock"}"#
    );

    let decoder = Decoder::new().with_format(Loud).unwrap();
    let decoded =
        decoder.decode::<OrderError>(409, res.headers(), res.body(), &DecodeOptions::default());
    let Decoded::Typed { error, response } = decoded else {
        panic!("not typed: {decoded:?}");
    };
    assert_eq!(error, OrderError::OutOfStock { sku: "B-2".into() });
    assert_eq!(response.format(), Some(Format::named("loud")));
    assert_eq!(response.code(), Some("OUT_OF_STOCK"));
    assert_eq!(response.meta.map(|m| m.name), Some("OutOfStock"));

    // Strictly read, the body is looked up by the rule of the decoder's format of its name.
    let parsed = decoder
        .parse(Some(409), None, res.body(), None, &Default::default())
        .unwrap();
    let found = parsed.lookup_with::<OrderError>(&decoder);
    assert_eq!(
        found.typed,
        Some(OrderError::OutOfStock { sku: "B-2".into() })
    );
    assert_eq!(found.candidates.len(), 1);
    assert_eq!(
        parsed
            .best_match_with(OrderError::catalog(), &decoder)
            .map(|m| m.name),
        Some("OutOfStock")
    );
    // The built-ins' decoder does not read the format: the default rule, which the upper
    // case code does not pass.
    assert!(!parsed.lookup::<OrderError>().is_known());

    // A format without a rule of its own compares the codes as they are.
    let acme = Decoder::new().with_format(Acme).unwrap();
    let shouted = br#"{"error":{"code":"OUT_OF_STOCK","message":"\"B-2\" is out of stock","request_id":null}}"#;
    let decoded =
        acme.decode::<OrderError>(409, &HeaderMap::new(), shouted, &DecodeOptions::default());
    assert_eq!(decoded.response().format(), Some(Format::named("acme")));
    assert!(decoded.typed().is_none());
    assert_eq!(
        Acme.code_match("OUT_OF_STOCK", "out_of_stock"),
        CodeMatch::No
    );
    assert_eq!(
        Acme.code_match("out_of_stock", "out_of_stock"),
        CodeMatch::Exact
    );
}

#[test]
#[cfg(debug_assertions)]
#[should_panic(expected = "wire format `broken` wrote a body that is not JSON: {\"code\":")]
fn a_user_format_that_writes_invalid_json_is_caught_in_debug_builds() {
    #[derive(Debug)]
    struct Broken;
    impl WireFormat for Broken {
        fn name(&self) -> &'static str {
            "broken"
        }
        fn write(&self, body: &Body<'_>, out: &mut Vec<u8>) {
            let mut w = JsonWriter::new(out);
            w.raw(r#"{"code":"#);
            w.code(body.first());
        }
    }
    let renderer = Renderer::new(Format::named("broken"))
        .with_format(Broken)
        .unwrap();
    renderer.response(
        Format::named("broken"),
        &OrderError::NotFound { id: 1 },
        &RequestContext::new(),
    );
}

#[test]
fn a_name_never_registered_is_answered_in_the_default_format() {
    let renderer = Renderer::new(Format::Problem);
    let res = renderer.response(
        Format::named("nobody"),
        &OrderError::NotFound { id: 3 },
        &RequestContext::new(),
    );
    assert_eq!(res.headers()["content-type"], "application/problem+json");
    assert_eq!(
        std::str::from_utf8(res.body()).unwrap(),
        r#"{"type":"about:blank","title":"Not Found","status":404,"detail":"order 3 was not found","code":"order_not_found"}"#
    );
}

#[test]
fn the_openapi_document_describes_a_user_format() {
    use apierror::openapi::{self, Operation};
    let doc = openapi::document(
        "Orders",
        "1.0.0",
        &acme(),
        Format::named("acme"),
        &[Operation::get("/orders/{id}", OrderError::catalog())],
    );
    let json: Value = serde_json::from_str(&doc.to_json().unwrap()).unwrap();
    assert_eq!(
        json["components"]["schemas"]["AcmeError"],
        serde_json::json!({
            "type": "object",
            "properties": {"error": {"type": "object", "required": ["code", "message"]}},
            "required": ["error"],
        })
    );
    let content = &json["paths"]["/orders/{id}"]["get"]["responses"]["404"]["content"];
    assert_eq!(
        content["application/vnd.acme+json"]["schema"]["$ref"],
        "#/components/schemas/AcmeError"
    );
    assert_eq!(
        content["application/vnd.acme+json"]["examples"]["NotFound"]["value"]["error"]["code"],
        "order_not_found"
    );
}
