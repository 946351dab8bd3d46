//! Every entry of every shipped catalog, rendered in each of the three formats, reads back
//! to the same entry: strictly as a validator reads it, and leniently into the typed value
//! as a client does, with every format registered in one decoder.

mod common;

use apierror::format::{JsonApi, Microsoft, Stripe, WireFormat};
use apierror::parse::{DecodeOptions, ParseOptions};
use apierror::{ApiError, DynamicError, Format, RequestContext, VariantMeta};

/// `meta` with `7` for every placeholder (read back as text or as a number), and a field
/// where the variant takes one.
fn sample(meta: &'static VariantMeta) -> DynamicError {
    let mut args: Vec<(&str, String)> = meta.placeholders().map(|p| (p, "7".to_owned())).collect();
    if meta.field.is_none() && meta.fields.contains(&"field") {
        args.push(("field", "purchase.items[0].sample".to_owned()));
    }
    DynamicError::new(meta, args).expect("a value for every placeholder")
}

/// Renders every entry of `E`'s catalog in `format` and reads it back; returns how many
/// entries there were and how many came back typed.
fn round_trip<E: ApiError + std::fmt::Debug>(format: &(impl WireFormat + Clone)) -> (usize, usize) {
    let name = Format::named(format.name());
    let renderer = common::renderer(format.clone());
    let decoder = common::decoder();
    let ctx = RequestContext::new();
    let mut typed = 0;
    for meta in E::catalog().variants {
        let err = sample(meta);
        let what = format!("{} {} in {name}", E::catalog().name, meta.name);
        let res = renderer.response(name, &err, &ctx);
        assert_eq!(res.status(), meta.status, "{what}");

        let content_type = res.headers()["content-type"].to_str().unwrap();
        let received = decoder
            .parse(
                Some(meta.status),
                Some(content_type),
                res.body(),
                None,
                &ParseOptions::default(),
            )
            .unwrap_or_else(|e| panic!("{what}: {e}"));
        assert_eq!(received.format, name, "{what}");
        assert_eq!(received.code.as_deref(), Some(meta.code), "{what}");
        assert_eq!(received.message, Some(err.message().to_string()), "{what}");
        assert_eq!(received.field, err.field().map(|f| f.to_string()), "{what}");
        assert_eq!(
            received.best_match(E::catalog()).map(|m| m.name),
            Some(meta.name),
            "{what}"
        );

        let decoded = decoder.decode::<E>(
            meta.status,
            res.headers(),
            res.body(),
            &DecodeOptions::default(),
        );
        let response = decoded.response();
        assert_eq!(response.format(), Some(name), "{what}");
        assert_eq!(response.meta.map(|m| m.name), Some(meta.name), "{what}");
        if let Some(value) = decoded.typed() {
            assert_eq!(value.meta().name, meta.name, "{what}: {value:?}");
            typed += 1;
        }
    }
    (E::catalog().variants.len(), typed)
}

/// `round_trip::<T>(format)` for the type of every shipped catalog, in
/// `apierror_catalog::all()`'s order.
macro_rules! every_catalog {
    ($format:expr) => {
        [
            round_trip::<apierror_catalog::omise::OmiseError>($format),
            round_trip::<apierror_catalog::omise_transfer_failure::TransferFailureCode>($format),
            round_trip::<apierror_catalog::vipps_epayment::EpaymentError>($format),
            round_trip::<apierror_catalog::oney_payment::PaymentError>($format),
            round_trip::<apierror_catalog::oney_confirm::ConfirmError>($format),
            round_trip::<apierror_catalog::oney_cancel::CancelError>($format),
            round_trip::<apierror_catalog::oney_get_status::GetStatusError>($format),
            round_trip::<apierror_catalog::oney_marketing::MarketingError>($format),
            round_trip::<apierror_catalog::oney_http::HttpError>($format),
        ]
    };
}

/// Every entry of every catalog is checked and comes back typed (157 entries).
fn check_all(counts: [(usize, usize); 9]) {
    let sizes: Vec<usize> = apierror_catalog::all()
        .iter()
        .map(|(_, c)| c.variants.len())
        .collect();
    assert_eq!(counts.map(|(all, _)| all).to_vec(), sizes);
    assert_eq!(counts.map(|(_, typed)| typed).to_vec(), sizes);
    assert_eq!(sizes.iter().sum::<usize>(), 157);
}

#[test]
fn every_catalog_entry_round_trips_through_stripe() {
    let stripe = Stripe::new()
        .with_doc_base("https://docs.example.com/errors")
        .unwrap();
    check_all(every_catalog!(&stripe));
}

#[test]
fn every_catalog_entry_round_trips_through_jsonapi() {
    check_all(every_catalog!(&JsonApi::new()));
}

#[test]
fn every_catalog_entry_round_trips_through_microsoft() {
    check_all(every_catalog!(&Microsoft::new()));
}
