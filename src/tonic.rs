//! gRPC through [tonic](https://docs.rs/tonic) (feature `tonic`): a derived error becomes a
//! `tonic::Status` with Google's rich error model in `grpc-status-details-bin`, and a
//! received `tonic::Status` decodes back to the typed variant.
//!
//! ```
//! use apierror::{tonic as grpc, ApiError};
//! use apierror::parse::Decoded;
//!
//! #[derive(Debug, PartialEq, ApiError)]
//! #[api_error(domain = "shop.example.com")]
//! enum ShopError {
//!     #[status(404)]
//!     #[code("cart_not_found")]
//!     #[message("cart {id} was not found")]
//!     CartNotFound { id: u64 },
//! }
//!
//! // Server side: `?` in a gRPC handler, through the derived `From<ShopError> for Status`.
//! let status: tonic::Status = ShopError::CartNotFound { id: 7 }.into();
//! assert_eq!(status.code(), tonic::Code::NotFound);
//! assert_eq!(status.message(), "cart 7 was not found");
//!
//! // Client side: what crossed the wire, back to the typed variant.
//! let decoded = grpc::decode::<ShopError>(&status);
//! assert_eq!(decoded.typed(), Some(&ShopError::CartNotFound { id: 7 }));
//! ```
//!
//! The details are those of the Google JSON format ([`GoogleFormat`]): `ErrorInfo` (reason,
//! domain, metadata), `LocalizedMessage` where the request's preferences chose another
//! language, `BadRequest` for an error with a field, `RetryInfo`, `Help`. A 5xx never
//! carries a source error's text. The status is read back through the same client-side
//! readers as an HTTP body: the JSON form of `google.rpc.Status` is what AIP-193 defines.

use std::collections::HashMap;

use serde_json::{json, Map, Value};
use tonic_types::{ErrorDetails, StatusExt};

use crate::format::GoogleFormat;
use crate::parse::{decode as decode_body, DecodeOptions, Decoded};
use crate::{ApiError, Format, Message, Renderer, RequestContext};

/// The `tonic::Status` of `err` with default options, in its default language: what the
/// derived `From<E> for tonic::Status` gives.
pub fn status(err: &dyn ApiError) -> tonic::Status {
    status_with(&GoogleFormat::new(), err, &RequestContext::new())
}

/// The `tonic::Status` of `err` with `google`'s options (default domain, retry delay) and
/// a `LocalizedMessage` in the language `ctx`'s preferences choose among the error's.
pub fn status_with(
    google: &GoogleFormat,
    err: &dyn ApiError,
    ctx: &RequestContext<'_>,
) -> tonic::Status {
    let renderer = Renderer::new(Format::Google).with_google(google.clone());
    // The status's parts are those of the Google body: rendered once, read back, so the
    // two transports cannot disagree.
    let mut body = Vec::new();
    renderer.render(Format::Google, err, ctx, &mut body);
    let status: Value = serde_json::from_slice(&body).unwrap_or(Value::Null);
    let error = &status["error"];
    let mut details = ErrorDetails::new();
    for detail in error["details"].as_array().into_iter().flatten() {
        add_detail(&mut details, detail);
    }
    let code_name = error["status"].as_str().unwrap_or("INTERNAL");
    let message = match error["message"].as_str() {
        Some(message) => message.to_owned(),
        None => Message::new(err).to_string(),
    };
    tonic::Status::with_error_details(code(code_name), message, details)
}

/// Adds one detail of a Google body to `details`.
fn add_detail(details: &mut ErrorDetails, detail: &Value) {
    let text = |value: &Value| value.as_str().unwrap_or_default().to_owned();
    match detail["@type"].as_str().unwrap_or_default() {
        "type.googleapis.com/google.rpc.ErrorInfo" => {
            let metadata: HashMap<String, String> = detail["metadata"]
                .as_object()
                .into_iter()
                .flatten()
                .map(|(k, v)| (k.clone(), text(v)))
                .collect();
            details.set_error_info(text(&detail["reason"]), text(&detail["domain"]), metadata);
        }
        "type.googleapis.com/google.rpc.LocalizedMessage" => {
            details.set_localized_message(text(&detail["locale"]), text(&detail["message"]));
        }
        "type.googleapis.com/google.rpc.BadRequest" => {
            let mut violations = Vec::new();
            for v in detail["fieldViolations"].as_array().into_iter().flatten() {
                let mut violation =
                    tonic_types::FieldViolation::new(text(&v["field"]), text(&v["description"]));
                violation.reason = text(&v["reason"]);
                violations.push(violation);
            }
            details.set_bad_request(violations);
        }
        "type.googleapis.com/google.rpc.RetryInfo" => {
            let delay = text(&detail["retryDelay"]);
            let seconds = delay.trim_end_matches('s').parse::<f64>().ok();
            details.set_retry_info(seconds.map(std::time::Duration::from_secs_f64));
        }
        "type.googleapis.com/google.rpc.Help" => {
            for link in detail["links"].as_array().into_iter().flatten() {
                details.add_help_link(text(&link["description"]), text(&link["url"]));
            }
        }
        _ => {}
    }
}

/// The `tonic::Code` of a `google.rpc.Code` name.
fn code(name: &str) -> tonic::Code {
    let number = crate::__private::GRPC_CODE_NAMES
        .iter()
        .position(|n| *n == name)
        .unwrap_or(13);
    tonic::Code::from_i32(i32::try_from(number).unwrap_or(13))
}

/// Decodes a received `tonic::Status` to the typed variant of `E` by its `ErrorInfo`
/// reason (and domain, where `E` names one), else to [`Decoded::Unrecognised`] with what
/// it carries (the HTTP status its code maps to, its message, its details).
pub fn decode<E: ApiError>(status: &tonic::Status) -> Decoded<E> {
    let code_name = crate::__private::GRPC_CODE_NAMES
        .get(usize::try_from(i32::from(status.code())).unwrap_or(2))
        .copied()
        .unwrap_or("UNKNOWN");
    let details = status.get_error_details();
    let mut list = Vec::new();
    if let Some(info) = details.error_info() {
        let metadata: Map<String, Value> = info
            .metadata
            .iter()
            .map(|(k, v)| (k.clone(), Value::String(v.clone())))
            .collect();
        let mut info_json = json!({
            "@type": "type.googleapis.com/google.rpc.ErrorInfo",
            "reason": info.reason,
            "metadata": metadata,
        });
        if !info.domain.is_empty() {
            info_json["domain"] = Value::String(info.domain.clone());
        }
        list.push(info_json);
    }
    if let Some(localized) = details.localized_message() {
        list.push(json!({
            "@type": "type.googleapis.com/google.rpc.LocalizedMessage",
            "locale": localized.locale,
            "message": localized.message,
        }));
    }
    if let Some(bad_request) = details.bad_request() {
        let violations: Vec<Value> = bad_request
            .field_violations
            .iter()
            .map(|v| {
                let mut entry = json!({ "description": v.description, "reason": v.reason });
                if !v.field.is_empty() {
                    entry["field"] = Value::String(v.field.clone());
                }
                entry
            })
            .collect();
        list.push(json!({
            "@type": "type.googleapis.com/google.rpc.BadRequest",
            "fieldViolations": violations,
        }));
    }
    let http_status = GoogleFormat::http_status(code_name);
    let body = json!({ "error": {
        "code": http_status,
        "message": status.message(),
        "status": code_name,
        "details": list,
    }});
    let bytes = serde_json::to_vec(&body).unwrap_or_default();
    let mut headers = http::HeaderMap::new();
    headers.insert(
        http::header::CONTENT_TYPE,
        http::HeaderValue::from_static("application/json"),
    );
    decode_body::<E>(http_status, &headers, &bytes, &DecodeOptions::default())
}
