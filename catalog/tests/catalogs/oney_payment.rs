//! The Oney Service Payment catalog against Oney's error table, transcribed here.

use crate::oney_table::{Field, Row};
use apierror::ApiError;
use apierror_catalog::oney_payment::PaymentError;

/// (code, status, label as published, placeholder names, field), in the table's order.
const TABLE: &[Row] = &[
    ("ERR_01", 400, "The field is mandatory", &[], Field::Member),
    ("ERR_02", 400, "Field size must be less than %s characters", &["max"], Field::Member),
    ("ERR_03", 400, "Field format is invalid %s", &["detail"], Field::Member),
    ("ERR_03", 400, "The customer email doesn't exist, is full or isn't responding", &[], Field::None),
    ("ERR_04", 400, "Field value is invalid %s", &["detail"], Field::Member),
    ("ERR_05", 400, "The limits of a business transaction are exceeded", &[], Field::None),
    ("ERR_06", 400, "A business transaction does not have the right type", &[], Field::None),
    ("ERR_07", 400, "Application processing failure", &[], Field::None),
    ("ERR_07", 400, "No business transaction code or version in database: Business transaction not transmitted for a route with fallback and not parameterized in database", &[], Field::None),
    ("ERR_07", 400, "Problem setting up the journey", &[], Field::None),
    ("ERR_07", 400, "JSON deserialization problem", &[], Field::None),
    ("ERR_10", 409, "The external reference is already used for another file.", &[], Field::Const("purchase.external_reference")),
    ("ERR_19", 409, "Failure to process request: Unknown brand name", &[], Field::None),
    ("ERR_23", 400, "The field type is not compatible with the one passed in parameter", &[], Field::Member),
    ("ERR_25", 400, "Mandatory field Loyalty barcode not filled in", &[], Field::None),
    ("ERR_25", 400, "Only if the merchant is set up to use loyalty", &[], Field::None),
    ("ERR_26", 400, "A file already exists with the same references and creation date", &[], Field::None),
];

#[test]
fn catalog_matches_the_table_in_order() {
    crate::oney_table::check(PaymentError::catalog(), TABLE);
}

#[test]
fn placeholders_render_and_fields_are_oney_fields() {
    let err = PaymentError::FieldTooLong {
        field: "purchase.external_reference_type".into(),
        max: 128,
    };
    assert_eq!(
        err.message().to_string(),
        "Field size must be less than 128 characters"
    );
    assert_eq!(
        err.field().map(|f| f.to_string()).as_deref(),
        Some("purchase.external_reference_type")
    );
    let err = PaymentError::InvalidFieldFormat {
        field: "customer.customer_address.email".into(),
        detail: "(expected an email address)".into(),
    };
    assert_eq!(
        err.to_string(),
        "Field format is invalid (expected an email address)"
    );
    let err = PaymentError::InvalidFieldValue {
        field: "purchase.delivery.delivery_mode_code".into(),
        detail: "9".into(),
    };
    assert_eq!(err.to_string(), "Field value is invalid 9");
    assert_eq!(err.status().as_u16(), 400);

    let err = PaymentError::ExternalReferenceAlreadyUsed;
    assert_eq!(err.status().as_u16(), 409);
    assert_eq!(
        err.field().map(|f| f.to_string()).as_deref(),
        Some("purchase.external_reference")
    );
    assert!(PaymentError::JourneySetupProblem.field().is_none());
}

#[test]
fn repeated_codes_are_all_found() {
    let catalog = PaymentError::catalog();
    let labels = |code| {
        catalog
            .find_all(code)
            .map(|v| v.message.unwrap())
            .collect::<Vec<_>>()
    };
    assert_eq!(labels("ERR_07").len(), 4);
    assert_eq!(labels("ERR_03").len(), 2);
    assert_eq!(
        labels("ERR_25"),
        [
            "Mandatory field Loyalty barcode not filled in",
            "Only if the merchant is set up to use loyalty"
        ]
    );
}
