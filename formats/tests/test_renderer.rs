//! Registering the formats on a renderer and a decoder: offered, negotiated by media type,
//! refused where another format would answer in their place.

mod common;

use apierror::format::{FormatError, JsonApi, Microsoft, Stripe, WireFormat};
use apierror::parse::Decoder;
use apierror::{Format, Renderer, RequestContext};
use common::ShopError;

#[test]
fn a_format_registered_is_offered_and_negotiated() {
    let renderer = Renderer::new(Format::named("stripe"))
        .with_format(Stripe::new())
        .unwrap()
        .with_format(JsonApi::new())
        .unwrap();
    assert_eq!(
        renderer.offers(),
        [Format::named("stripe"), Format::named("jsonapi")]
    );
    assert_eq!(
        renderer.negotiate("application/vnd.api+json"),
        Format::named("jsonapi")
    );
    assert_eq!(
        renderer.negotiate("application/json"),
        Format::named("stripe")
    );
    assert_eq!(renderer.negotiate("*/*"), Format::named("stripe"));
    assert_eq!(
        renderer.format_named("JsonAPI"),
        Some(Format::named("jsonapi"))
    );
    let names: Vec<&str> = renderer.registered_formats().map(|f| f.name()).collect();
    assert_eq!(names, ["stripe", "jsonapi"]);
    assert_eq!(
        renderer
            .wire_of(Format::named("microsoft"))
            .map(|f| f.name()),
        None
    );

    let mut headers = http::HeaderMap::new();
    headers.insert("accept", "application/vnd.api+json".parse().unwrap());
    let res = renderer.negotiated_response(&headers, &ShopError::UsedToken, &RequestContext::new());
    assert_eq!(res.headers()["content-type"], "application/vnd.api+json");
    assert_eq!(res.headers()["vary"], "accept");
    assert!(res.body().starts_with(br#"{"errors":["#));
}

#[test]
fn beside_the_built_ins() {
    let renderer = Renderer::all_built_in(Format::Problem)
        .with_format(JsonApi::new())
        .unwrap();
    assert_eq!(
        renderer.negotiate("application/vnd.api+json"),
        Format::named("jsonapi")
    );
    assert_eq!(
        renderer.negotiate("application/problem+json"),
        Format::Problem
    );
    assert_eq!(renderer.formats().count(), 6);
}

#[test]
fn a_format_that_another_would_shadow_is_refused() {
    // Stripe and Microsoft share `application/json` with Omise, and with each other: an
    // `Accept` header could not tell them apart, so a renderer offers one of them.
    assert_eq!(
        Renderer::new(Format::Omise)
            .with_format(Stripe::new())
            .unwrap_err(),
        FormatError::MediaTypeTaken {
            format: "stripe",
            media_type: "application/json",
            taken_by: "omise"
        }
    );
    let stripe = common::renderer(Stripe::new());
    assert_eq!(
        stripe.clone().with_format(Microsoft::new()).unwrap_err(),
        FormatError::MediaTypeTaken {
            format: "microsoft",
            media_type: "application/json",
            taken_by: "stripe"
        }
    );
    assert_eq!(
        stripe.with_format(Stripe::new()).unwrap_err(),
        FormatError::NameTaken("stripe")
    );
    // A decoder reads them all; a name once.
    let decoder = common::decoder();
    let names: Vec<&str> = decoder.formats().map(|f| f.name()).collect();
    assert_eq!(
        names,
        [
            "omise",
            "problem",
            "vipps",
            "oney",
            "google",
            "stripe",
            "jsonapi",
            "microsoft"
        ]
    );
    assert_eq!(
        Decoder::new()
            .with_format(JsonApi::new())
            .and_then(|d| d.with_format(JsonApi::new()))
            .unwrap_err(),
        FormatError::NameTaken("jsonapi")
    );
    assert!(decoder
        .format(Format::named("microsoft"))
        .is_some_and(|f| f.name() == "microsoft"));
}

#[test]
fn render_writes_the_same_body_as_a_response() {
    let renderer = common::renderer(Microsoft::new());
    let mut out = Vec::new();
    let ctx = RequestContext::new();
    renderer.render(
        Format::named("microsoft"),
        &ShopError::UsedToken,
        &ctx,
        &mut out,
    );
    let res = renderer.response(Format::named("microsoft"), &ShopError::UsedToken, &ctx);
    assert_eq!(&out, res.body());
    // A format never registered is answered in the renderer's default.
    let mut other = Vec::new();
    renderer.render(
        Format::named("jsonapi"),
        &ShopError::UsedToken,
        &ctx,
        &mut other,
    );
    assert_eq!(other, out);
    let microsoft: &dyn WireFormat = renderer.wire(Format::named("jsonapi"));
    assert_eq!(microsoft.name(), "microsoft");
}
