//! Oney "Service Confirm" errors: the 7 rows of its error table, in order.
//!
//! `ERR_05` ("Mandatory URL Reference field") and `ERR_06` ("Merchant Guid") carry the
//! fixed fields `reference` and `merchant_guid`, the names of the URL segment and of the
//! field spelled `merchant_guid` by the Get_status table.
//!
//! ```
//! use apierror::ApiError;
//! use apierror_catalog::oney_confirm::ConfirmError;
//!
//! let err = ConfirmError::AmountTooHigh;
//! assert_eq!((err.status().as_u16(), err.code()), (409, "ERR_13"));
//! assert_eq!(ConfirmError::MissingMerchantGuid.field().unwrap().to_string(), "merchant_guid");
//! ```
//!
//! Each variant is one row of Oney's table: its `error_code` (`#[code]`), HTTP status and
//! `error_label` (`#[message]`). Oney's `%s` placeholders are named fields; rows about a
//! field of the request sent take it as a `#[field] field` (the Oney `field` member), rows
//! that name a fixed field carry it as `#[field("…")]`. Titles are the variant names in
//! words: Oney's table has none.

use std::borrow::Cow;

use apierror::ApiError;

/// An error of Oney's Confirm service. Its `Display` is the label.
#[derive(Debug, Clone, PartialEq, Eq, ApiError)]
#[api_error(oney)]
#[non_exhaustive]
pub enum ConfirmError {
    /// The `reference` segment of the URL is empty.
    #[status(400)]
    #[code("ERR_05")]
    #[message("Mandatory URL Reference field not filled in")]
    #[field("reference")]
    MissingReference,

    /// The `merchant_guid` is empty.
    #[status(400)]
    #[code("ERR_06")]
    #[message("The mandatory Merchant Guid field is empty.")]
    #[field("merchant_guid")]
    MissingMerchantGuid,

    /// The request could not be processed.
    #[status(400)]
    #[code("ERR_07")]
    #[message("Failure to process request")]
    ProcessingFailure,

    /// No file exists for the reference.
    #[status(404)]
    #[code("ERR_09")]
    #[message("The scoach file associated with the reference does not exist.")]
    FileNotFound,

    /// The amount to confirm exceeds the amount initially recorded.
    #[status(409)]
    #[code("ERR_13")]
    #[message("The amount must be less than or equal to that initially recorded")]
    AmountTooHigh,

    /// The request failed on Oney's side.
    #[status(500)]
    #[code("ERR_19")]
    #[message("Failure to process request")]
    InternalFailure,

    /// The type of a field does not match the one passed in parameter.
    #[status(400)]
    #[code("ERR_23")]
    #[message("The field type is not compatible with the one passed in parameter")]
    IncompatibleFieldType {
        /// The request field at fault.
        #[field]
        field: Cow<'static, str>,
    },
}

crate::display_via_message!(ConfirmError);
