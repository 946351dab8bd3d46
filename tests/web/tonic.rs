//! gRPC through tonic: a derived error becomes a `tonic::Status` with Google's rich error
//! details, crosses the wire as HTTP/2 headers (`Status::into_http` /
//! `Status::from_header_map`), and decodes back to the same variant, for every entry of
//! every shipped catalog.

use std::time::Duration;

use apierror::format::GoogleFormat;

use apierror::parse::Decoded;
use apierror::{tonic as grpc, ApiError, RequestContext};
use tonic_types::StatusExt;

use crate::support::samples::{catalog_sizes, typed};

/// A shop's errors for gRPC: a Google `domain`, a translated message, a field, and a server
/// error whose source must not cross the wire.
#[derive(Debug, thiserror::Error, ApiError)]
#[api_error(
    domain = "shop.example.com",
    location = "https://shop.example.com/errors"
)]
enum GrpcShopError {
    #[error("cart {id} was not found")]
    #[status(404)]
    #[code("cart_not_found")]
    #[message("cart {id} was not found")]
    #[message(ja = "カート {id} が見つかりません")]
    CartNotFound { id: u64 },

    #[error("quantity must be at most {max}")]
    #[status(400)]
    #[code("invalid_quantity")]
    #[message("quantity must be at most {max}")]
    InvalidQuantity {
        #[field]
        field: String,
        max: u32,
    },

    #[error("database: {0}")]
    #[status(503)]
    #[code("store_unavailable")]
    #[message("the store is unavailable")]
    StoreUnavailable(#[source] std::io::Error),
}

/// What crosses the wire: the status as HTTP/2 headers, read back.
fn over_the_wire(status: tonic::Status) -> tonic::Status {
    let response: http::Response<()> = status.into_http();
    tonic::Status::from_header_map(response.headers()).expect("a grpc-status header")
}

#[test]
fn a_derived_error_is_a_status_with_rich_details() {
    let status: tonic::Status = GrpcShopError::CartNotFound { id: 7 }.into();
    let status = over_the_wire(status);
    assert_eq!(status.code(), tonic::Code::NotFound);
    assert_eq!(status.message(), "cart 7 was not found");
    let details = status.get_error_details();
    let info = details.error_info().unwrap();
    assert_eq!(info.reason, "CART_NOT_FOUND");
    assert_eq!(info.domain, "shop.example.com");
    assert_eq!(info.metadata.get("id").map(String::as_str), Some("7"));
    let help = details.help().unwrap();
    assert_eq!(
        help.links[0].url,
        "https://shop.example.com/errors#cart-not-found"
    );
    assert!(details.localized_message().is_none());

    let err = GrpcShopError::InvalidQuantity {
        field: "items[0].quantity".into(),
        max: 10,
    };
    let status = over_the_wire(err.into());
    assert_eq!(status.code(), tonic::Code::InvalidArgument);
    let details = status.get_error_details();
    let violations = &details.bad_request().unwrap().field_violations;
    assert_eq!(violations.len(), 1);
    assert_eq!(violations[0].field, "items[0].quantity");
    assert_eq!(violations[0].description, "quantity must be at most 10");
    assert_eq!(violations[0].reason, "INVALID_QUANTITY");
}

#[test]
fn options_and_languages() {
    let ctx = RequestContext::new().with_accept_language("ja").unwrap();
    let google = GoogleFormat::new().with_retry_delay(Duration::from_secs(30));
    let status = over_the_wire(grpc::status_with(
        &google,
        &GrpcShopError::CartNotFound { id: 7 },
        &ctx,
    ));
    let details = status.get_error_details();
    let localized = details.localized_message().unwrap();
    assert_eq!(
        (localized.locale.as_str(), localized.message.as_str()),
        ("ja", "カート 7 が見つかりません")
    );
    // The developer-facing message stays in the default language.
    assert_eq!(status.message(), "cart 7 was not found");
    assert!(
        details.retry_info().is_none(),
        "only 429 and 503 are retried"
    );

    let err = GrpcShopError::StoreUnavailable(std::io::Error::other("password=hunter2"));
    let status = over_the_wire(grpc::status_with(&google, &err, &RequestContext::new()));
    assert_eq!(status.code(), tonic::Code::Unavailable);
    assert_eq!(status.message(), "the store is unavailable");
    assert!(!format!("{status:?}").contains("hunter2"));
    assert_eq!(
        status.get_error_details().retry_info().unwrap().retry_delay,
        Some(Duration::from_secs(30))
    );
}

#[derive(Debug, PartialEq, ApiError)]
#[api_error(domain = "other.example.com")]
enum OtherDomain {
    #[status(404)]
    #[code("cart_not_found")]
    #[message("cart {id} was not found")]
    CartNotFound { id: u64 },
}

#[test]
fn decoding_checks_the_reason_and_the_domain() {
    let status = over_the_wire(GrpcShopError::CartNotFound { id: 7 }.into());
    assert!(matches!(
        grpc::decode::<GrpcShopError>(&status).typed(),
        Some(GrpcShopError::CartNotFound { id: 7 })
    ));
    // The same reason in another domain is another error.
    let Decoded::Unrecognised(response) = grpc::decode::<OtherDomain>(&status) else {
        panic!("another domain's error decoded as ours");
    };
    assert_eq!(response.status, 404);
    assert_eq!(response.code(), Some("CART_NOT_FOUND"));
    assert_eq!(response.message(), Some("cart 7 was not found"));
    // A status without details still says what it can.
    let plain = tonic::Status::unavailable("try later");
    let Decoded::Unrecognised(response) = grpc::decode::<GrpcShopError>(&plain) else {
        panic!("a plain status decoded as typed");
    };
    assert_eq!(
        (response.status, response.message()),
        (503, Some("try later"))
    );
}

/// Every entry of `E`'s catalog that a sample rebuilds, through a status and back; returns
/// how many came back.
fn round_trips<E: ApiError + PartialEq + std::fmt::Debug>() -> usize
where
    tonic::Status: From<E>,
{
    let mut back = 0;
    for meta in E::catalog().variants {
        let Some((err, message)) = typed::<E>(meta, &["7 q", "7"], "purchase.sample") else {
            continue;
        };
        let status = over_the_wire(tonic::Status::from(err));
        assert_eq!(status.message(), message, "{}", meta.name);
        let decoded = grpc::decode::<E>(&status);
        let value = decoded
            .typed()
            .unwrap_or_else(|| panic!("{} did not come back", meta.name));
        assert_eq!(value.meta().name, meta.name);
        back += 1;
    }
    back
}

#[test]
fn every_shipped_catalog_entry_round_trips_through_a_status() {
    assert_eq!(every_catalog!(round_trips()).to_vec(), catalog_sizes());
}
