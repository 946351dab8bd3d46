//! The Oney API marketing catalog against Oney's error table, transcribed here.

use crate::oney_table::{Field, Row};
use apierror::ApiError;
use apierror_catalog::oney_marketing::MarketingError;

/// (code, status, label as published, placeholder names, field), in the table's order.
const TABLE: &[Row] = &[(
    "700",
    400,
    "It is not possible to produce a simulation from the given elements.",
    &[],
    Field::None,
)];

#[test]
fn catalog_matches_the_table_in_order() {
    crate::oney_table::check(MarketingError::catalog(), TABLE);
}
