//! Ready-made catalogs for `apierror`.

#![forbid(unsafe_code)]
#![warn(missing_docs)]

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
