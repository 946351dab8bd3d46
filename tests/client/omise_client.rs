//! The typed reqwest client of the Omise client example (`examples/omise_client`) against
//! the Transfers example server (every call and the typed errors), and against wiremock
//! doubles for the retries of rate limits and unavailability.

use std::time::{Duration, Instant};

use apierror::wiremock::respond;
use apierror::Format;
use apierror_catalog::omise::OmiseError;
use omise_client::{Retry, TransfersClient};
use wiremock::matchers::method;
use wiremock::{Mock, MockServer, ResponseTemplate};

use crate::support::transfers_app;

fn client(base: String) -> TransfersClient {
    TransfersClient::new(base, "skey_test_apierror")
}

#[tokio::test]
async fn every_call_against_the_transfers_server() {
    let addr = transfers_app::start_app(1_000_000, 0);
    let client = client(format!("http://{addr}"));

    let created = client.create(100_000).await.unwrap();
    assert_eq!(
        (created.amount, created.fee, created.fee_vat),
        (100_000, 3000, 210)
    );
    assert_eq!(created.net, 100_000 - 3000 - 210);
    let updated = client.update(&created.id, 50_000).await.unwrap();
    assert_eq!(updated.amount, 50_000);
    assert_eq!(client.retrieve(&created.id).await.unwrap(), updated);
    let list = client.list().await.unwrap();
    assert_eq!(list.total, 1);
    assert_eq!(list.data, std::slice::from_ref(&updated));
    let destroyed = client.destroy(&created.id).await.unwrap();
    assert!(destroyed.deleted);

    let err = client.retrieve("trsf_test_missing").await.unwrap_err();
    assert_eq!(err.typed(), Some(&OmiseError::NotFound));
    let err = client.create(999_999_999_999).await.unwrap_err();
    assert!(
        matches!(err.typed(), Some(OmiseError::InvalidTransfer { message: Some(m) }) if m == "amount exceeds the available balance"),
        "{err:?}"
    );
    let stranger = TransfersClient::new(format!("http://{addr}"), "skey_test_wrong");
    let err = stranger.list().await.unwrap_err();
    assert_eq!(err.typed(), Some(&OmiseError::AuthenticationFailure));
}

const TRANSFER: &str = r#"{"object":"transfer","id":"trsf_test_1","amount":100000,"fee":3000,"fee_vat":210,"net":96790,"sent":false,"paid":false,"deleted":false,"failure_code":null,"failure_message":null}"#;

#[tokio::test]
async fn rate_limits_are_retried_after_their_retry_after() {
    let server = MockServer::start().await;
    Mock::given(method("POST"))
        .respond_with(
            respond(Format::Omise, &OmiseError::TooManyRequests).append_header("retry-after", "1"),
        )
        .up_to_n_times(2)
        .mount(&server)
        .await;
    Mock::given(method("POST"))
        .respond_with(ResponseTemplate::new(200).set_body_raw(TRANSFER, "application/json"))
        .mount(&server)
        .await;
    let started = Instant::now();
    let transfer = client(server.uri()).create(100_000).await.unwrap();
    assert_eq!(transfer.id, "trsf_test_1");
    // Two waits of the server's one second each.
    assert!(started.elapsed() >= Duration::from_secs(2));
    assert_eq!(server.received_requests().await.unwrap().len(), 3);
}

#[tokio::test]
async fn retries_are_bounded_in_number_and_wait() {
    let server = MockServer::start().await;
    Mock::given(method("GET"))
        .respond_with(
            ResponseTemplate::new(503)
                .append_header("retry-after", "3600")
                .set_body_raw("<html>down for maintenance</html>", "text/html"),
        )
        .mount(&server)
        .await;
    let client = client(server.uri()).with_retry(Retry {
        attempts: 2,
        max_wait: Duration::from_millis(50),
        default_wait: Duration::from_millis(10),
    });
    let started = Instant::now();
    let err = client.list().await.unwrap_err();
    // The hour asked for is capped at 50 ms per retry.
    assert!(started.elapsed() < Duration::from_secs(30));
    assert_eq!(err.typed(), None);
    assert_eq!(err.to_string(), "HTTP 503");
    assert_eq!(server.received_requests().await.unwrap().len(), 3);
}
