//! Choosing a format from `Accept`.

use apierror::{Format, Renderer};

fn negotiate(accept: &str, offers: &[Format]) -> Format {
    Format::negotiate(accept, offers)
}
use http::header::{HeaderMap, HeaderValue, ACCEPT};

const OFFERS: [Format; 2] = [Format::Problem, Format::Omise];

#[test]
fn exact_types() {
    assert_eq!(negotiate("application/json", &OFFERS), Format::Omise);
    assert_eq!(
        negotiate("application/problem+json", &OFFERS),
        Format::Problem
    );
    assert_eq!(negotiate("APPLICATION/JSON", &OFFERS), Format::Omise);
}

#[test]
fn q_values_order_the_choice() {
    let accept = "application/problem+json;q=0.4, application/json;q=0.9";
    assert_eq!(negotiate(accept, &OFFERS), Format::Omise);
    let accept = "application/problem+json ; q=1.0 , application/json ; q=0.999";
    assert_eq!(negotiate(accept, &OFFERS), Format::Problem);
    // q=0 means "not acceptable".
    assert_eq!(
        negotiate("application/problem+json;q=0, */*;q=0.1", &OFFERS),
        Format::Omise
    );
}

#[test]
fn wildcards_and_specificity() {
    assert_eq!(negotiate("*/*", &OFFERS), Format::Problem);
    assert_eq!(negotiate("application/*", &OFFERS), Format::Problem);
    assert_eq!(
        negotiate("*/*", &[Format::Omise, Format::Problem]),
        Format::Omise
    );
    // The most specific range decides: application/json is refused despite */*.
    assert_eq!(
        negotiate(
            "application/json;q=0, */*",
            &[Format::Omise, Format::Problem]
        ),
        Format::Problem
    );
    // Ties go to the earlier offer.
    assert_eq!(
        negotiate("application/json, application/problem+json", &OFFERS),
        Format::Problem
    );
}

#[test]
fn shared_media_types_follow_the_offer_order() {
    assert_eq!(
        negotiate("application/json", &[Format::Oney, Format::Omise]),
        Format::Oney
    );
    assert_eq!(
        negotiate(
            "application/problem+json",
            &[Format::Omise, Format::Vipps, Format::Problem]
        ),
        Format::Vipps
    );
}

#[test]
fn unacceptable_or_malformed_falls_back_to_the_default() {
    for accept in [
        "text/html",
        "",
        "garbage",
        "application/json;q=2",
        "*/json",
        "application/json;q=0",
        ",,,;;;",
        "application/json;q=0.5x",
    ] {
        assert_eq!(negotiate(accept, &OFFERS), Format::Problem, "{accept:?}");
    }
    assert_eq!(negotiate("application/json", &[]), Format::Problem);
}

#[test]
fn parameters_other_than_q_are_ignored() {
    assert_eq!(
        negotiate("application/json; charset=utf-8", &OFFERS),
        Format::Omise
    );
    assert_eq!(
        negotiate(
            "application/json; q=0.5; ext=1, application/problem+json;q=0.4",
            &OFFERS
        ),
        Format::Omise
    );
}

#[test]
fn several_header_lines() {
    assert_eq!(
        Format::negotiate_lines(["text/html", "application/json"], &OFFERS),
        Format::Omise
    );
    let renderer = Renderer::all_built_in(Format::Oney);
    let mut headers = HeaderMap::new();
    assert_eq!(renderer.negotiate_headers(&headers), Format::Oney);
    headers.append(ACCEPT, HeaderValue::from_static("text/html"));
    assert_eq!(renderer.negotiate_headers(&headers), Format::Oney);
    headers.append(ACCEPT, HeaderValue::from_static("application/problem+json"));
    assert_eq!(renderer.negotiate_headers(&headers), Format::Problem);
    // A line that is not visible ASCII is skipped, not fatal.
    let mut headers = HeaderMap::new();
    headers.append(
        ACCEPT,
        HeaderValue::from_bytes(b"application/\xffjson").unwrap(),
    );
    assert_eq!(renderer.negotiate_headers(&headers), Format::Oney);
}

#[test]
fn renderer_offers() {
    let renderer =
        Renderer::new(Format::Omise).with_offers(&[Format::Vipps, Format::Oney, Format::Vipps]);
    assert_eq!(renderer.offers(), [Format::Vipps, Format::Oney]);
    assert_eq!(renderer.default_format(), Format::Vipps);
    assert_eq!(
        renderer.negotiate("application/problem+json"),
        Format::Vipps
    );
    assert_eq!(renderer.negotiate("application/json"), Format::Oney);
    assert_eq!(renderer.negotiate("image/png"), Format::Vipps);
    assert_eq!(
        Renderer::all_built_in(Format::Omise).offers(),
        [
            Format::Omise,
            Format::Problem,
            Format::Vipps,
            Format::Oney,
            Format::Google
        ]
    );
}

/// A renderer offers the formats its author chose and no others: a server that chose
/// problem details answers `Accept: application/json` with problem details, never a payment
/// provider's body.
#[test]
fn a_renderer_offers_only_what_it_was_given() {
    let renderer = Renderer::new(Format::Problem);
    assert_eq!(renderer.offers(), [Format::Problem]);
    assert_eq!(renderer.negotiate("application/json"), Format::Problem);
    assert_eq!(
        renderer.negotiate("application/problem+json"),
        Format::Problem
    );
    // A name never registered is dropped from the offers.
    let renderer = renderer.with_offers(&[Format::named("acme"), Format::Omise]);
    assert_eq!(renderer.offers(), [Format::Omise]);
}

#[test]
fn format_names() {
    for format in Format::BUILT_IN {
        assert_eq!(format.name().parse::<Format>(), Ok(format));
        assert_eq!(format.to_string(), format.name());
    }
    assert_eq!("PROBLEM".parse::<Format>(), Ok(Format::Problem));
    assert!("json".parse::<Format>().is_err());
}
