//! Oney "Service Get_status" errors: the 4 rows of its error table, in order.
//!
//! ```
//! use apierror::ApiError;
//! use apierror_catalog::oney_get_status::GetStatusError;
//!
//! let err = GetStatusError::FileNotFound;
//! assert_eq!((err.status().as_u16(), err.code()), (404, "ERR_09"));
//! ```
//!
//! Each variant is one row of Oney's table: its `error_code` (`#[code]`), HTTP status and
//! `error_label` (`#[message]`). Oney's `%s` placeholders are named fields; rows about a
//! field of the request sent take it as a `#[field] field` (the Oney `field` member), rows
//! that name a fixed field carry it as `#[field("…")]`. Titles are the variant names in
//! words: Oney's table has none.

use apierror::ApiError;

/// An error of Oney's Get_status service. Its `Display` is the label.
#[derive(Debug, Clone, PartialEq, Eq, ApiError)]
#[api_error(oney)]
#[non_exhaustive]
pub enum GetStatusError {
    /// The `reference` segment of the URL is empty.
    #[status(400)]
    #[code("ERR_05")]
    #[message("Mandatory URL Reference field not filled in")]
    #[field("reference")]
    MissingReference,

    /// The `merchant_guid` is empty.
    #[status(400)]
    #[code("ERR_06")]
    #[message("Mandatory field merchant_guid is empty")]
    #[field("merchant_guid")]
    MissingMerchantGuid,

    /// The request could not be processed.
    #[status(500)]
    #[code("ERR_07")]
    #[message("Failure to process request.")]
    ProcessingFailure,

    /// No file exists for the reference.
    #[status(404)]
    #[code("ERR_09")]
    #[message("The scoach file associated with the reference does not exist.")]
    FileNotFound,
}

crate::display_via_message!(GetStatusError);
