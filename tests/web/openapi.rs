//! OpenAPI descriptions of derived types (feature `utoipa`).
#![cfg(feature = "utoipa")]

use apierror::openapi::{self, Operation};
use apierror::{ApiError, Format, Renderer};
use apierror_catalog::{
    omise::OmiseError, oney_payment::PaymentError, vipps_epayment::EpaymentError,
};
use serde_json::{json, Value};

fn responses_json<E: ApiError>(format: Format) -> Value {
    serde_json::to_value(openapi::responses::<E>(&Renderer::default(), format)).unwrap()
}

#[test]
fn one_response_per_status_with_one_example_per_variant() {
    let responses = responses_json::<OmiseError>(Format::Omise);
    let statuses: Vec<&String> = responses.as_object().unwrap().keys().collect();
    let mut expected: Vec<String> = OmiseError::catalog()
        .variants
        .iter()
        .map(|v| v.status.to_string())
        .collect();
    expected.sort();
    expected.dedup();
    assert_eq!(statuses, expected.iter().collect::<Vec<_>>());
    let total: usize = responses
        .as_object()
        .unwrap()
        .values()
        .map(|r| {
            r["content"]["application/json; charset=utf-8"]["examples"]
                .as_object()
                .unwrap()
                .len()
        })
        .sum();
    assert_eq!(total, 44);
    let used_token =
        &responses["400"]["content"]["application/json; charset=utf-8"]["examples"]["UsedToken"];
    assert_eq!(
        used_token,
        &json!({
            "summary": "Used Token",
            "description": "An attempt was made to re-use a token. Tokens are single use only.",
            "value": {
                "object": "error",
                "location": "https://www.omise.co/api-errors#used-token",
                "code": "used_token",
                "message": "token was already used"
            }
        })
    );
    assert_eq!(responses["400"]["description"], "Bad Request");
    assert_eq!(
        responses["400"]["content"]["application/json; charset=utf-8"]["schema"],
        json!({"$ref": "#/components/schemas/OmiseError"})
    );
}

#[test]
fn templates_show_placeholders_and_formats_pick_their_schema() {
    let responses = responses_json::<PaymentError>(Format::Oney);
    let example = &responses["400"]["content"]["application/json; charset=utf-8"]["examples"]
        ["FieldTooLong"]["value"];
    assert_eq!(
        example,
        &json!({"language_code":"EN","error_list":[{"error":{"error_code":"ERR_02","error_label":"Field size must be less than {max} characters"}}]})
    );
    let responses = responses_json::<EpaymentError>(Format::Vipps);
    let content = &responses["400"]["content"]["application/problem+json"];
    assert_eq!(
        content["schema"],
        json!({"$ref": "#/components/schemas/VippsProblem"})
    );
    assert_eq!(
        content["examples"]["CannotCaptureBeforeReservation"]["value"]["extraDetails"],
        json!([{"name": "ErrorCode", "reason": "6080"}])
    );
}

fn document() -> Value {
    let doc = openapi::document(
        "Transfers",
        "1.0.0",
        &Renderer::default(),
        Format::Problem,
        &[
            Operation::post("/charges", OmiseError::catalog()),
            Operation::get("/charges/{id}", OmiseError::catalog()),
            Operation::post("/payments/{reference}/capture", EpaymentError::catalog()),
        ],
    );
    serde_json::from_str(&doc.to_json().unwrap()).unwrap()
}

#[test]
fn full_document() {
    let doc = document();
    assert_eq!(doc["openapi"], "3.1.0");
    assert_eq!(
        doc["info"],
        json!({"title": "Transfers", "version": "1.0.0"})
    );
    assert_eq!(doc["paths"].as_object().unwrap().len(), 3);
    let not_found = &doc["paths"]["/charges/{id}"]["get"]["responses"]["404"]["content"]
        ["application/problem+json"];
    assert_eq!(
        not_found["schema"],
        json!({"$ref": "#/components/schemas/Problem"})
    );
    assert_eq!(
        not_found["examples"]["NotFound"]["value"],
        json!({"type":"about:blank","title":"Not Found","status":404,"detail":"the requested object was not found","code":"not_found"})
    );
    assert_eq!(
        doc["paths"]["/charges/{id}"]["get"]["parameters"],
        json!([{"name": "id", "in": "path", "required": true, "schema": {"type": "string"}}])
    );
    let schema = &doc["components"]["schemas"]["Problem"];
    assert_eq!(schema["type"], "object");
    assert_eq!(
        schema["properties"]["status"],
        json!({"type": "integer", "description": "The HTTP status."})
    );
    // Written for a validator run by hand (see the report): set APIERROR_OPENAPI_OUT.
    if let Some(path) = std::env::var_os("APIERROR_OPENAPI_OUT") {
        std::fs::write(path, serde_json::to_string_pretty(&doc).unwrap()).unwrap();
    }
}

/// A gateway's own errors, answered beside the Omise catalog it fronts.
#[derive(Debug, ApiError)]
enum GatewayError {
    /// No route for the request's path.
    #[status(404)]
    #[code("route_not_found")]
    #[message("no route for this path")]
    NotFound,
    #[status(502)]
    #[code("upstream_failed")]
    #[message("the upstream service failed")]
    Upstream,
}

#[test]
fn an_operation_answers_with_several_catalogs_merged_by_status() {
    let doc = openapi::document(
        "Gateway",
        "1.0.0",
        &Renderer::default(),
        Format::Problem,
        &[Operation::get("/charges/{id}", OmiseError::catalog())
            .with_catalog(GatewayError::catalog())],
    );
    let doc: Value = serde_json::from_str(&doc.to_json().unwrap()).unwrap();
    let responses = &doc["paths"]["/charges/{id}"]["get"]["responses"];
    let examples = |status: &str| {
        responses[status]["content"]["application/problem+json"]["examples"]
            .as_object()
            .unwrap()
            .clone()
    };
    // Omise's `NotFound` keeps its name; the gateway's, second, is named after its type.
    let not_found = examples("404");
    assert_eq!(
        not_found.keys().collect::<Vec<_>>(),
        [
            "GatewayError::NotFound",
            "NotFound",
            "SerializerNotFound",
            "ServiceNotFound"
        ]
    );
    assert_eq!(
        not_found["GatewayError::NotFound"],
        json!({
            "summary": "Not Found",
            "description": "No route for the request's path.",
            "value": {"type":"about:blank","title":"Not Found","status":404,"detail":"no route for this path","code":"route_not_found"}
        })
    );
    assert_eq!(not_found["NotFound"]["value"]["code"], json!("not_found"));
    // A status only the second catalog has gets its response too.
    assert_eq!(responses["502"]["description"], "Bad Gateway");
    assert_eq!(examples("502").keys().collect::<Vec<_>>(), ["Upstream"]);
}

#[test]
fn every_example_is_a_body_the_parser_reads_back() {
    for format in Format::BUILT_IN {
        let responses = responses_json::<OmiseError>(format);
        for (status, response) in responses.as_object().unwrap() {
            let content = &response["content"][format.content_type().unwrap()];
            for (name, example) in content["examples"].as_object().unwrap() {
                let body = serde_json::to_vec(&example["value"]).unwrap();
                let received = apierror::parse::parse(
                    status.parse().ok(),
                    format.content_type(),
                    &body,
                    None,
                    &Default::default(),
                )
                .unwrap();
                assert_eq!(
                    received.lookup::<OmiseError>().meta.map(|m| m.name),
                    Some(name.as_str()),
                    "{format} {name}"
                );
            }
        }
    }
}
