//! Sample values of every shipped catalog entry, for the tests that go over all of them:
//! a `DynamicError` with one value for every placeholder, and the typed value a derived
//! type rebuilds from its message.

use apierror::parse::Received;
use apierror::{ApiError, DynamicError, VariantMeta};

/// `meta` with `value` for every placeholder, and `field` as the Oney field where the
/// variant takes one.
pub fn sample(meta: &'static VariantMeta, value: &str, field: &str) -> DynamicError {
    let mut args: Vec<(&str, String)> =
        meta.placeholders().map(|p| (p, value.to_owned())).collect();
    if meta.field.is_none() && meta.fields.contains(&"field") {
        args.push(("field", field.to_owned()));
    }
    DynamicError::new(meta, args).expect("sample arguments cover every placeholder")
}

/// The typed value of `meta` rebuilt from a sample's message and field, with the first of
/// `values` its fields can be read from (text where they take text, a number where they
/// do not), and the message it was rebuilt from.
pub fn typed<E: ApiError>(
    meta: &'static VariantMeta,
    values: &[&str],
    field: &str,
) -> Option<(E, String)> {
    values.iter().find_map(|value| {
        let sample = sample(meta, value, field);
        let message = sample.message().to_string();
        let field = sample.field().map(|f| f.to_string());
        let received = Received {
            message: Some(&message),
            field: field.as_deref(),
        };
        E::from_received(meta, &received).map(|e| (e, message))
    })
}

/// `$check::<T>(…)` for the type of every shipped catalog, in `apierror_catalog::all()`'s
/// order, as an array.
#[macro_export]
macro_rules! every_catalog {
    ($check:ident ( $($arg:expr),* )) => {
        [
            $check::<apierror_catalog::omise::OmiseError>($($arg),*),
            $check::<apierror_catalog::omise_transfer_failure::TransferFailureCode>($($arg),*),
            $check::<apierror_catalog::vipps_epayment::EpaymentError>($($arg),*),
            $check::<apierror_catalog::oney_payment::PaymentError>($($arg),*),
            $check::<apierror_catalog::oney_confirm::ConfirmError>($($arg),*),
            $check::<apierror_catalog::oney_cancel::CancelError>($($arg),*),
            $check::<apierror_catalog::oney_get_status::GetStatusError>($($arg),*),
            $check::<apierror_catalog::oney_marketing::MarketingError>($($arg),*),
            $check::<apierror_catalog::oney_http::HttpError>($($arg),*),
        ]
    };
}

/// How many entries each shipped catalog has, in `apierror_catalog::all()`'s order.
pub fn catalog_sizes() -> Vec<usize> {
    apierror_catalog::all()
        .iter()
        .map(|(_, c)| c.variants.len())
        .collect()
}
