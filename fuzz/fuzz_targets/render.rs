//! Renders errors with arbitrary template arguments and context values in every format and
//! checks that each body is JSON holding exactly those values, that the `Serialize` view
//! writes the same bytes, and that building the response never panics.

#![no_main]

use apierror::{ApiError, Format, Renderer, RequestContext};
use apierror_fuzz::{cut, message, Arg, FuzzError};
use libfuzzer_sys::arbitrary::{self, Arbitrary};
use libfuzzer_sys::fuzz_target;
use serde_json::Value;

#[derive(Arbitrary, Debug)]
struct Input {
    errors: Vec<Arg>,
    instance: Option<String>,
    trace_id: Option<String>,
    language: Option<String>,
    extensions: Vec<(String, String)>,
}

fn no_control_or_space(s: &str) -> bool {
    !s.is_empty() && !s.chars().any(|c| c.is_control() || c.is_whitespace())
}

fuzz_target!(|input: Input| {
    let errors: Vec<FuzzError> = input.errors.into_iter().take(8).map(Arg::error).collect();
    let dyns: Vec<&dyn ApiError> = errors.iter().map(|e| e as &dyn ApiError).collect();

    let mut ctx = RequestContext::new();
    if let Some(instance) = &input.instance {
        match ctx.clone().with_instance(instance.as_str()) {
            Ok(c) => {
                assert!(no_control_or_space(instance));
                ctx = c;
            }
            Err(_) => assert!(!no_control_or_space(instance) || instance.len() > 2048),
        }
    }
    if let Some(trace_id) = &input.trace_id {
        match ctx.clone().with_trace_id(trace_id.as_str()) {
            Ok(c) => {
                assert!(no_control_or_space(trace_id));
                ctx = c;
            }
            Err(_) => assert!(!no_control_or_space(trace_id) || trace_id.len() > 2048),
        }
    }
    if let Some(language) = &input.language {
        match ctx.clone().with_accept_language(language.as_str()) {
            Ok(c) => ctx = c,
            Err(_) => assert!(language.chars().any(char::is_control)),
        }
    }
    for (name, value) in input.extensions.iter().take(4) {
        if let Ok(c) = ctx.clone().with_extension(name.as_str(), value.as_str()) {
            ctx = c;
        }
    }

    let renderer = Renderer::default();
    for format in Format::BUILT_IN {
        let mut body = Vec::new();
        renderer.render_all(format, &dyns, &ctx, &mut body);
        let json: Value = serde_json::from_slice(&body).expect("body is JSON");
        let view = serde_json::to_vec(&renderer.view(format, &dyns, &ctx)).unwrap();
        assert_eq!(body, view, "view and render differ in {format}");
        let response = renderer.response_all(format, &dyns, &ctx);
        assert_eq!(response.body(), &body);

        let primary = errors.first();
        let primary_message = primary.map_or("Internal Server Error".to_owned(), |e| message(e));
        match format {
            Format::Omise => {
                assert_eq!(json["message"], Value::String(primary_message));
                assert_eq!(json.as_object().unwrap().len(), 4);
            }
            Format::Problem | Format::Vipps => {
                assert_eq!(json["detail"], Value::String(primary_message));
                match ctx.instance() {
                    Some(instance) => assert_eq!(json["instance"], instance),
                    None => assert!(json.get("instance").is_none()),
                }
                if format == Format::Vipps {
                    assert_eq!(json["traceId"], ctx.trace_id().unwrap_or(""));
                } else if let Some(trace_id) = ctx.trace_id() {
                    assert_eq!(json["traceId"], trace_id);
                }
                for (name, value) in ctx.extensions() {
                    assert_eq!(json[name], value);
                }
            }
            Format::Google => {
                let error = &json["error"];
                assert_eq!(error["message"], Value::String(primary_message));
                assert_eq!(u16::try_from(error["code"].as_u64().unwrap()).unwrap(), response.status().as_u16());
                let details = error["details"].as_array().unwrap();
                assert_eq!(details[0]["@type"], "type.googleapis.com/google.rpc.ErrorInfo");
                let reason = details[0]["reason"].as_str().unwrap();
                assert!(reason.len() <= 63 && !reason.ends_with('_'), "{reason}");
                if errors.len() > 1 {
                    let bad_request = details
                        .iter()
                        .find(|d| d["@type"] == "type.googleapis.com/google.rpc.BadRequest")
                        .unwrap();
                    let violations = bad_request["fieldViolations"].as_array().unwrap();
                    assert_eq!(violations.len(), errors.len());
                }
            }
            Format::Oney => {
                let list = json["error_list"].as_array().unwrap();
                assert_eq!(list.len(), errors.len().max(1));
                for (entry, err) in list.iter().zip(&errors) {
                    let entry = &entry["error"];
                    assert_eq!(entry["error_label"], cut(&message(err), 1000));
                    assert_eq!(entry["error_code"], cut(err.code(), 10));
                    match err.field() {
                        Some(field) => assert_eq!(entry["field"], cut(&field.to_string(), 100)),
                        None => assert!(entry.get("field").is_none()),
                    }
                }
            }
            other => unreachable!("only built-ins are rendered here: {other}"),
        }
    }
});
