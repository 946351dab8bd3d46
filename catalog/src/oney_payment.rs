//! Oney "Service Payment" errors: the 17 rows of its error table, in order.
//!
//! Codes repeat (`ERR_03` twice, `ERR_07` four times, `ERR_25` twice), so the enum opts in
//! with `#[api_error(allow_duplicate_codes, oney)]`; a client reading an `error_code` gets
//! every candidate with [`apierror::Catalog::find_all`].
//!
//! Oney's table leaves some rows open to reading:
//!
//! - `ERR_07` "No business transaction code or version in database:" is followed by a second
//!   line, "Business transaction not transmitted for a route with fallback and not
//!   parameterized in database"; both lines are one label here, joined with a space.
//! - `ERR_25` "Only if the merchant is set up to use loyalty" reads as a condition on the row
//!   before it; it is kept as its own variant, [`PaymentError::LoyaltyNotSetUp`].
//! - `ERR_10` names "the external reference": its field is `purchase.external_reference`,
//!   inferred from the `purchase.external_reference_type` of Oney's example. The loyalty
//!   barcode of `ERR_25` has no documented field path, so it carries none.
//!
//! ```
//! use apierror::ApiError;
//! use apierror_catalog::oney_payment::PaymentError;
//!
//! let err = PaymentError::FieldTooLong {
//!     field: "purchase.external_reference_type".into(),
//!     max: 128,
//! };
//! assert_eq!(err.code(), "ERR_02");
//! assert_eq!(err.message().to_string(), "Field size must be less than 128 characters");
//! assert_eq!(err.field().unwrap().to_string(), "purchase.external_reference_type");
//!
//! let candidates: Vec<_> = PaymentError::catalog().find_all("ERR_07").collect();
//! assert_eq!(candidates.len(), 4);
//! ```
//!
//! Each variant is one row of Oney's table: its `error_code` (`#[code]`), HTTP status and
//! `error_label` (`#[message]`). Oney's `%s` placeholders are named fields; rows about a
//! field of the request sent take it as a `#[field] field` (the Oney `field` member), rows
//! that name a fixed field carry it as `#[field("…")]`. Titles are the variant names in
//! words: Oney's table has none.

use std::borrow::Cow;

use apierror::ApiError;

/// An error of Oney's Payment service. Its `Display` is the label.
#[derive(Debug, Clone, PartialEq, Eq, ApiError)]
#[api_error(allow_duplicate_codes, oney)]
#[non_exhaustive]
pub enum PaymentError {
    /// A mandatory field of the request is missing.
    #[status(400)]
    #[code("ERR_01")]
    #[message("The field is mandatory")]
    MandatoryField {
        /// The request field at fault.
        #[field]
        field: Cow<'static, str>,
    },

    /// A field of the request is too long; `max` is its size limit (Oney's `%s`).
    #[status(400)]
    #[code("ERR_02")]
    #[message("Field size must be less than {max} characters")]
    FieldTooLong {
        /// The request field at fault.
        #[field]
        field: Cow<'static, str>,
        /// The field's maximum size, in characters.
        max: usize,
    },

    /// A field of the request has an invalid format; `detail` (Oney's `%s`) says what is wrong.
    #[status(400)]
    #[code("ERR_03")]
    #[message("Field format is invalid {detail}")]
    InvalidFieldFormat {
        /// The request field at fault.
        #[field]
        field: Cow<'static, str>,
        /// What is wrong with the format.
        detail: Cow<'static, str>,
    },

    /// The customer's email address cannot receive mail.
    #[status(400)]
    #[code("ERR_03")]
    #[message("The customer email doesn't exist, is full or isn't responding")]
    CustomerEmailUnreachable,

    /// A field of the request has an invalid value; `detail` (Oney's `%s`) says what is wrong.
    #[status(400)]
    #[code("ERR_04")]
    #[message("Field value is invalid {detail}")]
    InvalidFieldValue {
        /// The request field at fault.
        #[field]
        field: Cow<'static, str>,
        /// What is wrong with the value.
        detail: Cow<'static, str>,
    },

    /// The purchase exceeds the limits of the business transaction.
    #[status(400)]
    #[code("ERR_05")]
    #[message("The limits of a business transaction are exceeded")]
    BusinessTransactionLimitsExceeded,

    /// The business transaction is not of the right type.
    #[status(400)]
    #[code("ERR_06")]
    #[message("A business transaction does not have the right type")]
    BusinessTransactionWrongType,

    /// The application failed to process the request.
    #[status(400)]
    #[code("ERR_07")]
    #[message("Application processing failure")]
    ApplicationProcessingFailure,

    /// No business transaction code or version was found: none was sent for a route with fallback, and none is set up in the database.
    #[status(400)]
    #[code("ERR_07")]
    #[message("No business transaction code or version in database: Business transaction not transmitted for a route with fallback and not parameterized in database")]
    BusinessTransactionNotInDatabase,

    /// The customer journey could not be set up.
    #[status(400)]
    #[code("ERR_07")]
    #[message("Problem setting up the journey")]
    JourneySetupProblem,

    /// The request body could not be deserialized.
    #[status(400)]
    #[code("ERR_07")]
    #[message("JSON deserialization problem")]
    JsonDeserializationProblem,

    /// The purchase's external reference is already used for another file.
    #[status(409)]
    #[code("ERR_10")]
    #[message("The external reference is already used for another file.")]
    #[field("purchase.external_reference")]
    ExternalReferenceAlreadyUsed,

    /// The brand name of the request is unknown.
    #[status(409)]
    #[code("ERR_19")]
    #[message("Failure to process request: Unknown brand name")]
    UnknownBrandName,

    /// The type of a field does not match the one passed in parameter.
    #[status(400)]
    #[code("ERR_23")]
    #[message("The field type is not compatible with the one passed in parameter")]
    IncompatibleFieldType {
        /// The request field at fault.
        #[field]
        field: Cow<'static, str>,
    },

    /// The loyalty barcode is mandatory and missing.
    #[status(400)]
    #[code("ERR_25")]
    #[message("Mandatory field Loyalty barcode not filled in")]
    LoyaltyBarcodeMissing,

    /// The second `ERR_25` row of Oney's table. Its label reads as a condition on the previous row (the loyalty barcode is mandatory only if the merchant is set up to use loyalty); it is kept as its own entry, label as published.
    #[status(400)]
    #[code("ERR_25")]
    #[message("Only if the merchant is set up to use loyalty")]
    LoyaltyNotSetUp,

    /// A file with the same references and creation date already exists.
    #[status(400)]
    #[code("ERR_26")]
    #[message("A file already exists with the same references and creation date")]
    DuplicateFile,
}

crate::display_via_message!(PaymentError);
