//! The Omise / Opn Payments error object, byte for byte.

use apierror::format::OmiseFormat;
use apierror::{ApiError, Format, Renderer, RequestContext};

use crate::support::*;

fn omise(errors: &[&dyn ApiError]) -> String {
    render(
        &Renderer::default(),
        Format::Omise,
        errors,
        &RequestContext::new(),
    )
}

#[test]
fn used_token_matches_the_reference_body() {
    assert_eq!(
        omise(&[&ChargeError::UsedToken]),
        r#"{"object":"error","location":"https://www.omise.co/api-errors#used-token","code":"used_token","message":"token was already used"}"#
    );
}

#[test]
fn exactly_four_members_in_order_and_never_status() {
    let body = omise(&[&ChargeError::UsedToken]);
    let value: serde_json::Value = serde_json::from_str(&body).unwrap();
    let keys: Vec<&String> = value.as_object().unwrap().keys().collect();
    assert_eq!(keys.len(), 4);
    assert!(value.get("status").is_none());
    // serde_json's map is sorted; the order on the wire is checked on the bytes.
    let positions: Vec<usize> = ["\"object\"", "\"location\"", "\"code\"", "\"message\""]
        .iter()
        .map(|k| body.find(k).unwrap())
        .collect();
    assert!(positions.windows(2).all(|w| w[0] < w[1]));
}

#[test]
fn templated_message_with_hostile_argument() {
    let err = ChargeError::InvalidCharge {
        min: 2000,
        currency: HOSTILE.to_owned(),
    };
    let body = omise(&[&err]);
    assert_eq!(
        body,
        format!(
            r#"{{"object":"error","location":"https://www.omise.co/api-errors#invalid-charge","code":"invalid_charge","message":"amount must be at least 2000 {HOSTILE_JSON}"}}"#
        )
    );
    let value: serde_json::Value = serde_json::from_str(&body).unwrap();
    assert_eq!(
        value["message"],
        format!("amount must be at least 2000 {HOSTILE}")
    );
}

#[test]
fn configured_location_and_type_location() {
    let renderer = Renderer::default().with_omise(
        OmiseFormat::new()
            .with_location("https://docs.opn.ooo/api-errors")
            .unwrap(),
    );
    let body = render(
        &renderer,
        Format::Omise,
        &[&ChargeError::UsedToken],
        &RequestContext::new(),
    );
    assert_eq!(
        body,
        r#"{"object":"error","location":"https://docs.opn.ooo/api-errors#used-token","code":"used_token","message":"token was already used"}"#
    );
    // A templated message under the configured base: the derived head (built for the
    // default base) has its base replaced and keeps the message's leading literal.
    let templated = ChargeError::InvalidCharge {
        min: 2000,
        currency: "thb".to_owned(),
    };
    assert_eq!(
        render(
            &renderer,
            Format::Omise,
            &[&templated],
            &RequestContext::new()
        ),
        r#"{"object":"error","location":"https://docs.opn.ooo/api-errors#invalid-charge","code":"invalid_charge","message":"amount must be at least 2000 thb"}"#
    );

    // A type's own #[api_error(location = "…")] names its reference pages and wins.
    #[derive(Debug, ApiError)]
    #[api_error(location = "https://example.com/errors")]
    enum Own {
        #[status(404)]
        #[code("not_found")]
        #[message("not found")]
        NotFound,
    }
    let body = render(
        &renderer,
        Format::Omise,
        &[&Own::NotFound],
        &RequestContext::new(),
    );
    assert_eq!(
        body,
        r#"{"object":"error","location":"https://example.com/errors#not-found","code":"not_found","message":"not found"}"#
    );

    // A type's own location is escaped at compile time like any other part of the body.
    #[derive(Debug, ApiError)]
    #[api_error(location = "https://example.com/\"errors\"")]
    enum Quoted {
        #[status(404)]
        #[code("not_found")]
        #[message("{what} not found")]
        NotFound { what: String },
    }
    let body = render(
        &renderer,
        Format::Omise,
        &[&Quoted::NotFound {
            what: "page".to_owned(),
        }],
        &RequestContext::new(),
    );
    assert_eq!(
        body,
        r##"{"object":"error","location":"https://example.com/\"errors\"#not-found","code":"not_found","message":"page not found"}"##
    );
    assert!(OmiseFormat::new().with_location("https://x\r\n").is_err());
}

#[test]
fn server_errors_never_carry_source_text() {
    let body = omise(&[&ChargeError::Internal(secret_error())]);
    assert_eq!(
        body,
        r#"{"object":"error","location":"https://www.omise.co/api-errors#internal-error","code":"internal_error","message":"request could not be completed due to an internal error"}"#
    );
    let body = omise(&[&StoreError::Database(secret_error())]);
    assert_eq!(
        body,
        r#"{"object":"error","location":"https://www.omise.co/api-errors#db-down","code":"db_down","message":"Service Unavailable"}"#
    );
    // The source chain stays available to logging.
    let err = StoreError::Database(secret_error());
    let source = std::error::Error::source(&err).unwrap();
    assert!(source.to_string().contains("hunter2"));
}

#[test]
fn several_errors_render_the_first() {
    let second = ChargeError::InvalidCharge {
        min: 1,
        currency: "thb".into(),
    };
    assert_eq!(
        omise(&[&ChargeError::UsedToken, &second]),
        omise(&[&ChargeError::UsedToken])
    );
}

#[test]
fn empty_list_renders_a_500() {
    assert_eq!(
        omise(&[]),
        r#"{"object":"error","location":"https://www.omise.co/api-errors#internal-error","code":"internal_error","message":"Internal Server Error"}"#
    );
}

#[test]
fn appends_to_the_callers_buffer() {
    let mut buf = b"prefix:".to_vec();
    OmiseFormat::new().render(&ChargeError::UsedToken, &mut buf);
    assert!(buf.starts_with(b"prefix:{\"object\":\"error\""));
}
