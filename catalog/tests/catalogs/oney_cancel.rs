//! The Oney Service Cancel catalog against Oney's error table, transcribed here.

use crate::oney_table::{Field, Row};
use apierror::ApiError;
use apierror_catalog::oney_cancel::CancelError;

/// (code, status, label as published, placeholder names, field), in the table's order.
const TABLE: &[Row] = &[
    (
        "ERR_05",
        400,
        "Mandatory URL Reference field not filled in",
        &[],
        Field::Const("reference"),
    ),
    (
        "ERR_06",
        400,
        "The mandatory Merchant Guid field is empty.",
        &[],
        Field::Const("merchant_guid"),
    ),
    (
        "ERR_07",
        500,
        "Failure to process request",
        &[],
        Field::None,
    ),
    (
        "ERR_09",
        404,
        "The scoach file associated with the reference does not exist.",
        &[],
        Field::None,
    ),
    (
        "ERR_13",
        409,
        "The amount must be less than or equal to that initially recorded",
        &[],
        Field::None,
    ),
    (
        "ERR_17",
        409,
        "File status does not allow cancellation request to be processed",
        &[],
        Field::None,
    ),
    (
        "ERR_18",
        503,
        "The service is not available.",
        &[],
        Field::None,
    ),
    (
        "ERR_18",
        503,
        "Problem when calling simulation service",
        &[],
        Field::None,
    ),
    (
        "ERR_19",
        500,
        "Failed to process request.",
        &[],
        Field::None,
    ),
    (
        "ERR_20",
        409,
        "Payment is in a state that does not allow cancellation",
        &[],
        Field::None,
    ),
    (
        "ERR_23",
        400,
        "The field type is not compatible with the one passed in parameter",
        &[],
        Field::Member,
    ),
];

#[test]
fn catalog_matches_the_table_in_order() {
    crate::oney_table::check(CancelError::catalog(), TABLE);
}

#[test]
fn a_repeated_code_fields_statuses_and_messages() {
    assert_eq!(CancelError::catalog().find_all("ERR_18").count(), 2);
    assert_eq!(CancelError::ServiceUnavailable.status().as_u16(), 503);
    let err = CancelError::IncompatibleFieldType {
        field: "cancellation_amount".into(),
    };
    assert_eq!(
        err.field().map(|f| f.to_string()).as_deref(),
        Some("cancellation_amount")
    );
    assert_eq!(
        CancelError::MissingMerchantGuid
            .field()
            .map(|f| f.to_string())
            .as_deref(),
        Some("merchant_guid")
    );
    assert_eq!(
        CancelError::InternalFailure.to_string(),
        "Failed to process request."
    );
}
