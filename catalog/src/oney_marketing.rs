//! Oney "API marketing" errors: the one row of its error table. Its root cause column
//! ("Invalid business transaction code") is in the description.
//!
//! ```
//! use apierror::ApiError;
//! use apierror_catalog::oney_marketing::MarketingError;
//!
//! let err = MarketingError::SimulationNotPossible;
//! assert_eq!((err.status().as_u16(), err.code()), (400, "700"));
//! ```
//!
//! Each variant is one row of Oney's table: its `error_code` (`#[code]`), HTTP status and
//! `error_label` (`#[message]`). Oney's `%s` placeholders are named fields; rows about a
//! field of the request sent take it as a `#[field] field` (the Oney `field` member), rows
//! that name a fixed field carry it as `#[field("…")]`. Titles are the variant names in
//! words: Oney's table has none.

use apierror::ApiError;

/// An error of Oney's API marketing service. Its `Display` is the label.
#[derive(Debug, Clone, PartialEq, Eq, ApiError)]
#[api_error(oney)]
#[non_exhaustive]
pub enum MarketingError {
    /// No simulation can be produced from the given elements.
    ///
    /// Root cause: invalid business transaction code.
    #[status(400)]
    #[code("700")]
    #[message("It is not possible to produce a simulation from the given elements.")]
    SimulationNotPossible,
}

crate::display_via_message!(MarketingError);
