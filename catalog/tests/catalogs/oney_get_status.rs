//! The Oney Service Get_status catalog against Oney's error table, transcribed here.

use crate::oney_table::{Field, Row};
use apierror::ApiError;
use apierror_catalog::oney_get_status::GetStatusError;

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
        "Mandatory field merchant_guid is empty",
        &[],
        Field::Const("merchant_guid"),
    ),
    (
        "ERR_07",
        500,
        "Failure to process request.",
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
];

#[test]
fn catalog_matches_the_table_in_order() {
    crate::oney_table::check(GetStatusError::catalog(), TABLE);
}
