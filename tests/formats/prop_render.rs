//! Properties of every wire format: for arbitrary template arguments, fields and context
//! values (instance, trace id, language, extension members), each body parses with
//! serde_json to exactly those values, the `Serialize` view writes the same bytes, context
//! values that may not go in a header get their typed rejection, and Oney cuts at char
//! boundaries.

use apierror::format::GoogleFormat;
use apierror::{ApiError, ContextError, Format, Renderer, RequestContext};
use proptest::prelude::*;
use serde_json::{json, Map, Value};

#[derive(Debug, Clone, PartialEq, ApiError)]
enum E {
    #[status(400)]
    #[code("invalid")]
    #[message("value {value} of \"{field}\" is bad {{x}} é🦀")]
    Invalid {
        #[field]
        field: String,
        value: String,
    },
    #[status(404)]
    #[code("not_found")]
    #[message("transfer {0} not found")]
    NotFound(String),
    #[status(503)]
    #[code("unavailable_service")]
    #[message("retry: {why}")]
    Unavailable { why: String },
}

/// The message, written independently of the derive.
fn message(e: &E) -> String {
    match e {
        E::Invalid { field, value } => format!("value {value} of \"{field}\" is bad {{x}} é🦀"),
        E::NotFound(id) => format!("transfer {id} not found"),
        E::Unavailable { why } => format!("retry: {why}"),
    }
}

fn field(e: &E) -> Option<&str> {
    match e {
        E::Invalid { field, .. } => Some(field),
        _ => None,
    }
}

fn status(e: &E) -> u16 {
    match e {
        E::Invalid { .. } => 400,
        E::NotFound(_) => 404,
        E::Unavailable { .. } => 503,
    }
}

fn code(e: &E) -> &'static str {
    match e {
        E::Invalid { .. } => "invalid",
        E::NotFound(_) => "not_found",
        E::Unavailable { .. } => "unavailable_service",
    }
}

fn title(e: &E) -> &'static str {
    match e {
        E::Invalid { .. } => "Invalid",
        E::NotFound(_) => "Not Found",
        E::Unavailable { .. } => "Unavailable",
    }
}

fn reason(status: u16) -> &'static str {
    match status {
        400 => "Bad Request",
        404 => "Not Found",
        503 => "Service Unavailable",
        _ => unreachable!(),
    }
}

/// The first `max` chars.
fn cut(text: &str, max: usize) -> String {
    text.chars().take(max).collect()
}

/// Text with what JSON and headers find hard: quotes, backslashes, every control
/// character, line separators, non-ASCII; or anything at all.
fn text() -> impl Strategy<Value = String> {
    prop_oneof![
        "[\"\\\\\u{0}-\u{1f}\u{7f}\u{80}-\u{9f}\u{85}\u{2028}\u{2029}\u{feff}é🦀 a{}/:%-]{0,24}",
        any::<String>(),
    ]
}

fn error() -> impl Strategy<Value = E> {
    prop_oneof![
        (text(), text()).prop_map(|(field, value)| E::Invalid { field, value }),
        text().prop_map(E::NotFound),
        text().prop_map(|why| E::Unavailable { why }),
    ]
}

/// Path- and token-like values that are mostly valid, or anything at all.
fn token() -> impl Strategy<Value = String> {
    prop_oneof![
        "/[a-zA-Z0-9/_%.~é-]{0,30}",
        "[0-9a-f-]{1,55}",
        text(),
        Just(String::new()),
        Just("x".repeat(2049)),
        Just("y".repeat(2048)),
    ]
}

fn language() -> impl Strategy<Value = String> {
    prop_oneof![
        "[a-zA-Z]{1,9}(-[a-zA-Z0-9]{0,9}){0,3}",
        Just("en".to_owned()),
        Just("pt-BR".to_owned()),
        Just("fil".to_owned()),
        text(),
    ]
}

fn extension_name() -> impl Strategy<Value = String> {
    prop_oneof![
        "[a-zA-Z][a-zA-Z0-9_]{0,8}",
        prop::sample::select(vec![
            "type",
            "title",
            "status",
            "detail",
            "instance",
            "code",
            "errors",
            "traceId",
            "extraDetails",
            "Code",
            "1a",
            "a-b",
            "",
        ])
        .prop_map(str::to_owned),
        text(),
    ]
}

/// `check_token`'s contract, written from its docs.
fn token_verdict(what: &'static str, v: &str) -> Result<(), ContextError> {
    if v.is_empty() {
        return Err(ContextError::Empty { what });
    }
    if v.len() > 2048 {
        return Err(ContextError::TooLong {
            what,
            len: v.len(),
            max: 2048,
        });
    }
    for (at, c) in v.char_indices() {
        if c.is_control() {
            return Err(ContextError::ControlCharacter { what, at });
        }
        if c.is_whitespace() {
            return Err(ContextError::Whitespace { what, at });
        }
    }
    Ok(())
}

#[derive(Debug, Clone)]
struct CtxInput {
    instance: Option<String>,
    trace_id: Option<String>,
    language: Option<String>,
    extensions: Vec<(String, String)>,
}

fn ctx_input() -> impl Strategy<Value = CtxInput> {
    (
        prop::option::of(token()),
        prop::option::of(token()),
        prop::option::of(language()),
        prop::collection::vec((extension_name(), text()), 0..3),
    )
        .prop_map(|(instance, trace_id, language, extensions)| CtxInput {
            instance,
            trace_id,
            language,
            extensions,
        })
}

/// Builds the context, checking every setter against its contract. Returns the context and
/// the values it holds, as the test expects them in bodies.
fn build(input: &CtxInput) -> Result<(RequestContext<'static>, CtxInput), TestCaseError> {
    let mut ctx = RequestContext::new();
    let mut kept = CtxInput {
        instance: None,
        trace_id: None,
        language: None,
        extensions: Vec::new(),
    };
    if let Some(v) = &input.instance {
        let result = ctx.clone().with_instance(v.clone());
        prop_assert_eq!(
            result.as_ref().err().copied(),
            token_verdict("instance", v).err()
        );
        if let Ok(c) = result {
            ctx = c;
            kept.instance = Some(v.clone());
        }
    }
    if let Some(v) = &input.trace_id {
        let result = ctx.clone().with_trace_id(v.clone());
        prop_assert_eq!(
            result.as_ref().err().copied(),
            token_verdict("trace id", v).err()
        );
        if let Ok(c) = result {
            ctx = c;
            kept.trace_id = Some(v.clone());
        }
    }
    if let Some(v) = &input.language {
        let result = ctx.clone().with_accept_language(v.clone());
        let expected = v
            .char_indices()
            .find(|(_, c)| c.is_control())
            .map(|(at, _)| ContextError::ControlCharacter {
                what: "accept-language",
                at,
            });
        prop_assert_eq!(result.as_ref().err().copied(), expected);
        if let Ok(c) = result {
            ctx = c;
            kept.language = Some(v.clone());
        }
    }
    for (name, value) in &input.extensions {
        let result = ctx.clone().with_extension(name.clone(), value.clone());
        let mut bytes = name.bytes();
        let well_formed = bytes.next().is_some_and(|b| b.is_ascii_alphabetic())
            && bytes.all(|b| b.is_ascii_alphanumeric() || b == b'_');
        let reserved = [
            "type",
            "title",
            "status",
            "detail",
            "instance",
            "code",
            "errors",
            "traceId",
            "extraDetails",
        ]
        .into_iter()
        .find(|r| r == name);
        let expected = if !well_formed {
            Some(ContextError::ExtensionName)
        } else if let Some(r) = reserved {
            Some(ContextError::ReservedName(r))
        } else if value.len() > 2048 {
            Some(ContextError::TooLong {
                what: "extension value",
                len: value.len(),
                max: 2048,
            })
        } else {
            None
        };
        prop_assert_eq!(result.as_ref().err().copied(), expected);
        if let Ok(c) = result {
            ctx = c;
            kept.extensions.retain(|(n, _)| n != name);
            kept.extensions.push((name.clone(), value.clone()));
        }
    }
    Ok((ctx, kept))
}

/// The exact body of `errors` in `format`, as a JSON value.
fn expected(format: Format, errors: &[E], ctx: &CtxInput) -> Value {
    let first = &errors[0];
    let mut body = Map::new();
    match format {
        Format::Omise => {
            let anchor = code(first).replace('_', "-");
            return json!({
                "object": "error",
                "location": format!("https://www.omise.co/api-errors#{anchor}"),
                "code": code(first),
                "message": message(first),
            });
        }
        Format::Google => {
            let metadata = match first {
                E::Invalid { field, value } => json!({ "value": value, "field": field }),
                E::NotFound(id) => json!({ "0": id }),
                E::Unavailable { why } => json!({ "why": why }),
            };
            let mut details = vec![json!({
                "@type": "type.googleapis.com/google.rpc.ErrorInfo",
                "reason": code(first).to_uppercase(),
                "metadata": metadata,
            })];
            if errors.len() > 1 || field(first).is_some() {
                let violations: Vec<Value> = errors
                    .iter()
                    .map(|e| {
                        let mut v = json!({
                            "description": message(e),
                            "reason": code(e).to_uppercase(),
                        });
                        if let Some(f) = field(e) {
                            v["field"] = f.into();
                        }
                        v
                    })
                    .collect();
                details.push(json!({
                    "@type": "type.googleapis.com/google.rpc.BadRequest",
                    "fieldViolations": violations,
                }));
            }
            return json!({ "error": {
                "code": status(first),
                "message": message(first),
                "status": GoogleFormat::code_name(status(first)),
                "details": details,
            }});
        }
        Format::Oney => {
            // The errors are written in English only: whatever the request prefers, the body
            // is English and says so.
            let language = "EN";
            let list: Vec<Value> = errors
                .iter()
                .map(|e| {
                    let mut entry = Map::new();
                    if let Some(f) = field(e) {
                        entry.insert("field".into(), cut(f, 100).into());
                    }
                    entry.insert("error_code".into(), cut(code(e), 10).into());
                    entry.insert("error_label".into(), cut(&message(e), 1000).into());
                    json!({ "error": entry })
                })
                .collect();
            return json!({ "language_code": language, "error_list": list });
        }
        Format::Problem => {
            body.insert("type".into(), "about:blank".into());
            body.insert("title".into(), reason(status(first)).into());
        }
        Format::Vipps => {
            let ty = format!("https://httpstatuses.io/{}", status(first));
            body.insert("type".into(), ty.into());
            body.insert("title".into(), title(first).into());
        }
        other => unreachable!("not a built-in format: {other}"),
    }
    body.insert("status".into(), status(first).into());
    body.insert("detail".into(), message(first).into());
    if let Some(instance) = &ctx.instance {
        body.insert("instance".into(), instance.as_str().into());
    }
    if format == Format::Problem {
        body.insert("code".into(), code(first).into());
        if errors.len() > 1 {
            let list: Vec<Value> = errors
                .iter()
                .map(|e| {
                    let mut entry = json!({ "code": code(e), "detail": message(e) });
                    if let Some(f) = field(e) {
                        entry["field"] = f.into();
                    }
                    entry
                })
                .collect();
            body.insert("errors".into(), list.into());
        } else if let Some(f) = field(first) {
            // One error's declared field is a member of its own.
            body.insert("field".into(), f.into());
        }
        if let Some(trace_id) = &ctx.trace_id {
            body.insert("traceId".into(), trace_id.as_str().into());
        }
    } else {
        let mut extra = vec![json!({ "name": "ErrorCode", "reason": code(first) })];
        for (i, e) in errors.iter().enumerate() {
            if i == 0 && field(e).is_none() {
                continue;
            }
            let name = field(e).unwrap_or(code(e));
            extra.push(json!({ "name": name, "reason": message(e) }));
        }
        body.insert("extraDetails".into(), extra.into());
        let trace_id = ctx.trace_id.as_deref().unwrap_or("");
        body.insert("traceId".into(), trace_id.into());
    }
    for (name, value) in &ctx.extensions {
        body.insert(name.clone(), value.as_str().into());
    }
    Value::Object(body)
}

/// A text of about `chars` chars: a short prefix, then a short unit of mixed widths (1 to 4
/// bytes, escaped or not) repeated, so the cut falls inside every kind of char.
fn long_text(chars: std::ops::Range<usize>) -> impl Strategy<Value = String> {
    let c = || {
        prop_oneof![
            Just('é'),
            Just('🦀'),
            Just('"'),
            Just('\n'),
            Just('a'),
            any::<char>()
        ]
    };
    (
        prop::collection::vec(c(), 0..8),
        prop::collection::vec(c(), 1..8),
        chars,
    )
        .prop_map(|(prefix, unit, chars)| {
            prefix
                .into_iter()
                .chain(unit.into_iter().cycle())
                .take(chars)
                .collect()
        })
}

proptest! {
    #![proptest_config(crate::support::proptest_config())]

    /// Every format, one to four errors, any context: the exact body, the same bytes from
    /// the view, and the response's headers.
    #[test]
    fn every_format_writes_exactly_the_values_given(
        errors in prop::collection::vec(error(), 1..4),
        input in ctx_input(),
    ) {
        let (ctx, kept) = build(&input)?;
        let dyns: Vec<&dyn ApiError> = errors.iter().map(|e| e as &dyn ApiError).collect();
        let renderer = Renderer::default();
        for format in Format::BUILT_IN {
            let mut body = Vec::new();
            renderer.render_all(format, &dyns, &ctx, &mut body);
            let parsed: Value = serde_json::from_slice(&body)
                .map_err(|e| TestCaseError::fail(format!("{format}: {e}")))?;
            prop_assert_eq!(&parsed, &expected(format, &errors, &kept), "{}", format);

            let view = serde_json::to_vec(&renderer.view(format, &dyns, &ctx)).unwrap();
            prop_assert_eq!(&view, &body, "{}", format);

            let response = renderer.response_all(format, &dyns, &ctx);
            prop_assert_eq!(response.status().as_u16(), status(&errors[0]));
            prop_assert_eq!(response.body(), &body);
            // The errors have English text only: every body is English and says so, and no
            // preference changes it (so the response does not vary with it).
            let language = response.headers().get("content-language");
            prop_assert_eq!(language.map(|v| v.to_str().unwrap()), Some("en"));
            prop_assert!(response.headers().get("vary").is_none());
        }
    }

    /// Oney keeps the first 100 chars of `field` and 1000 of `error_label`, whatever their
    /// widths in bytes, and the body stays valid JSON.
    #[test]
    fn oney_cuts_at_char_boundaries(
        (field, value) in (long_text(60..140), long_text(900..1200)),
    ) {
        let err = E::Invalid { field: field.clone(), value: value.clone() };
        let mut body = Vec::new();
        Renderer::default().render(Format::Oney, &err, &RequestContext::new(), &mut body);
        let parsed: Value = serde_json::from_slice(&body).unwrap();
        let entry = &parsed["error_list"][0]["error"];
        prop_assert_eq!(entry["field"].as_str().unwrap(), cut(&field, 100));
        prop_assert_eq!(entry["error_label"].as_str().unwrap(), cut(&message(&err), 1000));
        prop_assert_eq!(entry["error_code"].as_str().unwrap(), "invalid");
    }
}
