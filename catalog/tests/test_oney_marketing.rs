//! The Oney API marketing catalog against Oney's error table, transcribed here.

mod common;

use apierror::ApiError;
use apierror_catalog::oney_marketing::MarketingError;
use common::{Field, Row};

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
    common::check(MarketingError::catalog(), TABLE);
}
