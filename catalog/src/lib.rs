//! # apierror-catalog
//!
//! Ready-made [`apierror`] catalogs of real payment APIs' errors, one module per catalog:
//!
//! | module | type | what |
//! |---|---|---|
//! | [`omise`] | [`OmiseError`](omise::OmiseError) | Omise / Opn Payments API errors (44 codes) |
//! | [`omise_transfer_failure`] | [`TransferFailureCode`](omise_transfer_failure::TransferFailureCode), [`TransferFailure`](omise_transfer_failure::TransferFailure) | a transfer's `failure_code` / `failure_message` (6 codes) |
//! | [`vipps_epayment`] | [`EpaymentError`](vipps_epayment::EpaymentError) | Vipps MobilePay ePayment API errors (56 codes in 5 groups) |
//! | [`oney_payment`] | [`PaymentError`](oney_payment::PaymentError) | Oney Service Payment (17 rows) |
//! | [`oney_confirm`] | [`ConfirmError`](oney_confirm::ConfirmError) | Oney Service Confirm (7 rows) |
//! | [`oney_cancel`] | [`CancelError`](oney_cancel::CancelError) | Oney Service Cancel (11 rows) |
//! | [`oney_get_status`] | [`GetStatusError`](oney_get_status::GetStatusError) | Oney Service Get_status (4 rows) |
//! | [`oney_marketing`] | [`MarketingError`](oney_marketing::MarketingError) | Oney API marketing (1 row) |
//! | [`oney_http`] | [`HttpError`](oney_http::HttpError) | Oney's HTTP return codes (11) |
//!
//! Every type derives [`ApiError`]: status, code, title, message and
//! descriptions as the provider documents them, checked against the documentation by this
//! crate's tests. Each also implements `Display` (the message) and [`std::error::Error`].
//! [`all`] lists every catalog by module name.
//!
//! ## Reusing a catalog on the server side
//!
//! Return the catalog's variants from handlers; `apierror`'s wire formats render them.
//!
//! ```
//! use apierror::ApiError;
//! use apierror_catalog::omise::OmiseError;
//!
//! #[derive(Debug)]
//! pub struct Charge {
//!     pub id: String,
//! }
//!
//! pub fn charge(token: Option<&str>, used: &[&str]) -> Result<Charge, OmiseError> {
//!     let token = token.ok_or(OmiseError::MissingCard)?;
//!     if used.contains(&token) {
//!         return Err(OmiseError::UsedToken);
//!     }
//!     Ok(Charge { id: format!("chrg_for_{token}") })
//! }
//!
//! let err = charge(Some("tokn_1"), &["tokn_1"]).unwrap_err();
//! assert_eq!(err.status(), http::StatusCode::BAD_REQUEST);
//! assert_eq!(err.code(), "used_token");
//! assert_eq!(err.to_string(), "token was already used");
//! assert_eq!(charge(Some("tokn_2"), &[]).unwrap().id, "chrg_for_tokn_2");
//! ```
//!
//! On the client side, the code of a received body finds the entry:
//!
//! ```
//! use apierror::ApiError;
//! use apierror_catalog::vipps_epayment::EpaymentError;
//!
//! let meta = EpaymentError::catalog().find("6080").unwrap();
//! assert_eq!(meta.title, "Cannot capture before reservation");
//! assert_eq!(meta.status, 400);
//! ```
//!
//! ## Extending a catalog
//!
//! The derive has no transparent or forwarding mode, so a catalog is extended by wrapping:
//! declare your own codes in your own derived enum, gather both in an enum with `From`
//! impls (for `?`), and implement [`ApiError`] for it by delegating to
//! the inner error. Its catalog is the two catalogs joined, built once.
//!
//! ```
//! use std::fmt;
//! use std::sync::OnceLock;
//!
//! use apierror::{ApiError, Catalog, MessageSink, VariantMeta};
//! use apierror_catalog::omise::OmiseError;
//!
//! /// The shop's own codes, beside Omise's.
//! #[derive(Debug, ApiError)]
//! #[api_error(location = "https://www.omise.co/api-errors")]
//! pub enum ShopError {
//!     /// The cart does not exist.
//!     #[status(404)]
//!     #[code("cart_not_found")]
//!     #[message("cart {id} was not found")]
//!     CartNotFound { id: u64 },
//! }
//!
//! #[derive(Debug)]
//! pub enum AppError {
//!     Omise(OmiseError),
//!     Shop(ShopError),
//! }
//!
//! impl From<OmiseError> for AppError {
//!     fn from(err: OmiseError) -> Self {
//!         AppError::Omise(err)
//!     }
//! }
//!
//! impl From<ShopError> for AppError {
//!     fn from(err: ShopError) -> Self {
//!         AppError::Shop(err)
//!     }
//! }
//!
//! impl ApiError for AppError {
//!     fn catalog() -> &'static Catalog {
//!         static VARIANTS: OnceLock<Vec<VariantMeta>> = OnceLock::new();
//!         static CATALOG: OnceLock<Catalog> = OnceLock::new();
//!         CATALOG.get_or_init(|| {
//!             let variants = VARIANTS.get_or_init(|| {
//!                 let omise = OmiseError::catalog().variants.iter();
//!                 omise.chain(ShopError::catalog().variants).copied().collect()
//!             });
//!             Catalog::new("AppError", variants)
//!         })
//!     }
//!
//!     fn meta(&self) -> &'static VariantMeta {
//!         match self {
//!             AppError::Omise(err) => err.meta(),
//!             AppError::Shop(err) => err.meta(),
//!         }
//!     }
//!
//!     fn write_message(&self, out: &mut dyn MessageSink) -> fmt::Result {
//!         match self {
//!             AppError::Omise(err) => err.write_message(out),
//!             AppError::Shop(err) => err.write_message(out),
//!         }
//!     }
//! }
//!
//! fn checkout(cart: u64, token: &str) -> Result<(), AppError> {
//!     if cart != 1 {
//!         return Err(ShopError::CartNotFound { id: cart }.into());
//!     }
//!     if token.is_empty() {
//!         Err(OmiseError::MissingCard)?;
//!     }
//!     Ok(())
//! }
//!
//! let err = checkout(7, "tokn_1").unwrap_err();
//! assert_eq!((err.status().as_u16(), err.code()), (404, "cart_not_found"));
//! assert_eq!(err.message().to_string(), "cart 7 was not found");
//!
//! let err = checkout(1, "").unwrap_err();
//! assert_eq!(err.code(), "missing_card");
//! assert_eq!(err.message().to_string(), "request contains no card parameters");
//!
//! assert_eq!(AppError::catalog().variants.len(), 45);
//! assert!(AppError::catalog().find("cart_not_found").is_some());
//! ```
//!
//! To answer with a catalog's code under a different status or message, declare the
//! variant in your own enum with the same `#[code]` and map to it by matching.

#![forbid(unsafe_code)]
#![warn(missing_docs)]

use std::sync::OnceLock;

use apierror::{ApiError, Catalog};

/// Every shipped catalog with its module name, in the order of the table above.
///
/// ```
/// let names: Vec<_> = apierror_catalog::all().iter().map(|(name, _)| *name).collect();
/// assert_eq!(names[0], "omise");
/// let (_, vipps) = apierror_catalog::all()[2];
/// assert_eq!(vipps.variants.len(), 56);
/// ```
pub fn all() -> &'static [(&'static str, &'static Catalog)] {
    static ALL: OnceLock<[(&str, &Catalog); 9]> = OnceLock::new();
    ALL.get_or_init(|| {
        [
            ("omise", omise::OmiseError::catalog()),
            (
                "omise_transfer_failure",
                omise_transfer_failure::TransferFailureCode::catalog(),
            ),
            ("vipps_epayment", vipps_epayment::EpaymentError::catalog()),
            ("oney_payment", oney_payment::PaymentError::catalog()),
            ("oney_confirm", oney_confirm::ConfirmError::catalog()),
            ("oney_cancel", oney_cancel::CancelError::catalog()),
            (
                "oney_get_status",
                oney_get_status::GetStatusError::catalog(),
            ),
            ("oney_marketing", oney_marketing::MarketingError::catalog()),
            ("oney_http", oney_http::HttpError::catalog()),
        ]
    })
}

/// `Display` (the rendered message) and `std::error::Error` for a catalog type.
macro_rules! display_via_message {
    ($ty:ty) => {
        impl ::core::fmt::Display for $ty {
            fn fmt(&self, f: &mut ::core::fmt::Formatter<'_>) -> ::core::fmt::Result {
                ::core::fmt::Display::fmt(&::apierror::ApiError::message(self), f)
            }
        }

        impl ::std::error::Error for $ty {}
    };
}
pub(crate) use display_via_message;

pub mod omise;
pub mod omise_transfer_failure;
pub mod oney_cancel;
pub mod oney_confirm;
pub mod oney_get_status;
pub mod oney_http;
pub mod oney_marketing;
pub mod oney_payment;
pub mod vipps_epayment;
