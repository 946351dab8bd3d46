//! Oney "Service Cancel" errors: the 11 rows of its error table, in order.
//!
//! `ERR_18` appears twice, so the enum opts in with
//! `#[api_error(allow_duplicate_codes, oney)]`. `ERR_05` and `ERR_06` carry the fixed fields
//! `reference` and `merchant_guid`, as in [`crate::oney_confirm`].
//!
//! ```
//! use apierror::ApiError;
//! use apierror_catalog::oney_cancel::CancelError;
//!
//! let err = CancelError::SimulationServiceProblem;
//! assert_eq!((err.status().as_u16(), err.code()), (503, "ERR_18"));
//! assert_eq!(err.message().to_string(), "Problem when calling simulation service");
//! ```
//!
//! Each variant is one row of Oney's table: its `error_code` (`#[code]`), HTTP status and
//! `error_label` (`#[message]`). Oney's `%s` placeholders are named fields; rows about a
//! field of the request sent take it as a `#[field] field` (the Oney `field` member), rows
//! that name a fixed field carry it as `#[field("…")]`. Titles are the variant names in
//! words: Oney's table has none.

use std::borrow::Cow;

use apierror::ApiError;

/// An error of Oney's Cancel service. Its `Display` is the label.
#[derive(Debug, Clone, PartialEq, Eq, ApiError)]
#[api_error(allow_duplicate_codes, oney)]
#[non_exhaustive]
pub enum CancelError {
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
    #[status(500)]
    #[code("ERR_07")]
    #[message("Failure to process request")]
    ProcessingFailure,

    /// No file exists for the reference.
    #[status(404)]
    #[code("ERR_09")]
    #[message("The scoach file associated with the reference does not exist.")]
    FileNotFound,

    /// The amount to cancel exceeds the amount initially recorded.
    #[status(409)]
    #[code("ERR_13")]
    #[message("The amount must be less than or equal to that initially recorded")]
    AmountTooHigh,

    /// The file's status does not allow a cancellation.
    #[status(409)]
    #[code("ERR_17")]
    #[message("File status does not allow cancellation request to be processed")]
    CancellationNotAllowedByFileStatus,

    /// The cancellation service is not available.
    #[status(503)]
    #[code("ERR_18")]
    #[message("The service is not available.")]
    ServiceUnavailable,

    /// The simulation service could not be called.
    #[status(503)]
    #[code("ERR_18")]
    #[message("Problem when calling simulation service")]
    SimulationServiceProblem,

    /// The request failed on Oney's side.
    #[status(500)]
    #[code("ERR_19")]
    #[message("Failed to process request.")]
    InternalFailure,

    /// The payment's state does not allow a cancellation.
    #[status(409)]
    #[code("ERR_20")]
    #[message("Payment is in a state that does not allow cancellation")]
    CancellationNotAllowedByPaymentState,

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

crate::display_via_message!(CancelError);
