//! The Oney Service Confirm catalog against Oney's error table, transcribed here.

use crate::oney_table::{Field, Row};
use apierror::ApiError;
use apierror_catalog::oney_confirm::ConfirmError;

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
        400,
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
        "ERR_19",
        500,
        "Failure to process request",
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
    crate::oney_table::check(ConfirmError::catalog(), TABLE);
}
