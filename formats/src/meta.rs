//! Per-variant facts a format needs that the derive does not model, such as Stripe's
//! `type` for one variant: read from the variant's `#[meta(key = "value")]` slot.

use apierror_runtime::VariantMeta;

/// The value of `#[meta(key = "…")]` on the variant `meta` describes, if it has one.
///
/// Every format of this crate reads per-variant facts through this one function: it is
/// where the derive's `#[meta]` slot is switched in.
pub(crate) fn variant_meta(meta: &'static VariantMeta, key: &str) -> Option<&'static str> {
    meta.meta_value(key)
}
