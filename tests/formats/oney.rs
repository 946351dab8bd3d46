//! The Oney error list, byte for byte, with its length limits.

use apierror::format::OneyFormat;
use apierror::{ApiError, Format, Renderer, RequestContext};

use crate::support::*;

fn oney(errors: &[&dyn ApiError], ctx: &RequestContext<'_>) -> String {
    render(&Renderer::default(), Format::Oney, errors, ctx)
}

#[test]
fn matches_the_reference_body() {
    let err = OneyError::TooLong {
        field: "purchase.external_reference_type".into(),
        max: 128,
    };
    assert_eq!(
        oney(&[&err], &RequestContext::new()),
        r#"{"language_code":"EN","error_list":[{"error":{"field":"purchase.external_reference_type","error_code":"ERR_02","error_label":"Field size must be less than 128 characters"}}]}"#
    );
}

/// The errors are written in English only: a request preferring French still gets English
/// labels, and `language_code` says so.
#[test]
fn several_errors_one_entry_each_in_the_language_written() {
    let ctx = RequestContext::new().with_accept_language("fr-FR").unwrap();
    let a = OneyError::Mandatory {
        field: "customer.email".into(),
    };
    let b = OneyError::Invalid {
        field: "purchase.amount".into(),
        value: HOSTILE.into(),
    };
    let body = oney(&[&a, &b, &OneyError::Limits], &ctx);
    assert_eq!(
        body,
        format!(
            r#"{{"language_code":"EN","error_list":[{{"error":{{"field":"customer.email","error_code":"ERR_01","error_label":"The field is mandatory"}}}},{{"error":{{"field":"purchase.amount","error_code":"ERR_04","error_label":"Field value is invalid {HOSTILE_JSON}"}}}},{{"error":{{"error_code":"ERR_05","error_label":"The limits of a business transaction are exceeded"}}}}]}}"#
        )
    );
    let value: serde_json::Value = serde_json::from_str(&body).unwrap();
    assert_eq!(
        value["error_list"][1]["error"]["error_label"],
        format!("Field value is invalid {HOSTILE}")
    );
}

/// Written in Filipino, which has no two-letter code.
#[derive(Debug, ApiError)]
#[api_error(lang = "fil", oney)]
enum Filipino {
    #[status(400)]
    #[code("ERR_05")]
    #[message("Nalampasan ang mga limitasyon")]
    Limits,
}

#[test]
fn language_without_a_two_letter_code_uses_the_default() {
    let renderer =
        Renderer::default().with_oney(OneyFormat::new().with_default_language("fr").unwrap());
    let body = render(
        &renderer,
        Format::Oney,
        &[&Filipino::Limits],
        &RequestContext::new(),
    );
    assert!(body.starts_with(r#"{"language_code":"FR","#), "{body}");
    assert!(OneyFormat::new().with_default_language("eng").is_err());
}

#[test]
fn field_and_label_are_cut_at_char_boundaries() {
    // 99 ASCII then multi-byte chars: the cut falls inside multi-byte text.
    let field = format!("{}é🦀é", "f".repeat(99));
    let value = "🦀".repeat(2000);
    let err = OneyError::Invalid { field, value };
    let body = oney(&[&err], &RequestContext::new());
    let parsed: serde_json::Value = serde_json::from_str(&body).unwrap();
    let entry = &parsed["error_list"][0]["error"];
    let field = entry["field"].as_str().unwrap();
    let label = entry["error_label"].as_str().unwrap();
    assert_eq!(field.chars().count(), 100);
    assert_eq!(field, format!("{}é", "f".repeat(99)));
    assert_eq!(label.chars().count(), 1000);
    let prefix = "Field value is invalid ";
    assert_eq!(
        label,
        format!("{prefix}{}", "🦀".repeat(1000 - prefix.len()))
    );
}

#[test]
fn escapes_count_as_one_character() {
    // 1000 newlines escape to 2000 bytes but are 1000 characters: all kept, none split.
    let err = OneyError::Invalid {
        field: "\n".repeat(150),
        value: "\"".repeat(1500),
    };
    let body = oney(&[&err], &RequestContext::new());
    let parsed: serde_json::Value = serde_json::from_str(&body).unwrap();
    let entry = &parsed["error_list"][0]["error"];
    assert_eq!(entry["field"], "\n".repeat(100));
    let label = entry["error_label"].as_str().unwrap();
    assert_eq!(label.chars().count(), 1000);
    assert!(label.ends_with('"'));
}

#[test]
fn long_codes_of_types_without_oney_checks_are_cut() {
    #[derive(Debug, ApiError)]
    enum Loose {
        #[status(400)]
        #[code("a_code_far_longer_than_ten")]
        #[message("x")]
        Long,
    }
    assert_eq!(
        oney(&[&Loose::Long], &RequestContext::new()),
        r#"{"language_code":"EN","error_list":[{"error":{"error_code":"a_code_far","error_label":"x"}}]}"#
    );
}

#[test]
fn server_errors_never_carry_source_text() {
    assert_eq!(
        oney(
            &[&OneyError::Internal(secret_error())],
            &RequestContext::new()
        ),
        r#"{"language_code":"EN","error_list":[{"error":{"error_code":"ERR_500","error_label":"Failed to process the request"}}]}"#
    );
    assert_eq!(
        oney(
            &[&StoreError::Database(secret_error())],
            &RequestContext::new()
        ),
        r#"{"language_code":"EN","error_list":[{"error":{"error_code":"db_down","error_label":"Service Unavailable"}}]}"#
    );
}

#[test]
fn empty_list_renders_one_500_entry() {
    assert_eq!(
        oney(&[], &RequestContext::new()),
        r#"{"language_code":"EN","error_list":[{"error":{"error_code":"internal_e","error_label":"Internal Server Error"}}]}"#
    );
}
