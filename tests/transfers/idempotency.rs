//! `Idempotency-Key` on `POST /transfers` (IETF draft "The Idempotency-Key HTTP Header
//! Field"): a retry gets the first answer, a different request under the same key is a 422
//! catalog error, concurrent retries make one transfer, keys expire.

use std::time::Duration;

use crate::support::transfers_app::client::{agent, all_transfers, send, Res};
use crate::support::transfers_app::{fresh_sqlite_url, start_app, start_app_with};
use crate::support::TRACE;

fn start(balance: i64) -> String {
    format!("http://{}", start_app(balance, 2))
}

use crate::support::transfers_app::client::post_transfer as post;

#[test]
fn a_retry_gets_the_first_answer() {
    let base = start(1_000_000);
    let first = post(
        &base,
        Some("k-1"),
        r#"{"amount":100000,"metadata":{"a":1,"b":2}}"#,
    );
    assert_eq!(first.status, 200, "{}", first.body);
    assert_eq!(first.header("idempotent-replayed"), None);
    // Same parameters, members in another order; the key as the draft writes it, quoted.
    let retry = post(
        &base,
        Some(r#""k-1""#),
        r#"{"metadata":{"b":2,"a":1},"amount":100000}"#,
    );
    assert_eq!((retry.status, &retry.body), (200, &first.body));
    assert_eq!(retry.header("idempotent-replayed"), Some("true"));
    assert_eq!(retry.header("content-type"), Some("application/json"));
    assert_eq!(all_transfers(&agent(), &base).len(), 1);
    // Without a key, the same request makes another transfer.
    assert_eq!(post(&base, None, r#"{"amount":100000}"#).status, 200);
    assert_eq!(all_transfers(&agent(), &base).len(), 2);
}

#[test]
fn the_same_key_with_another_request_is_422() {
    let base = start(1_000_000);
    assert_eq!(post(&base, Some("k-2"), r#"{"amount":100000}"#).status, 200);
    let other = post(&base, Some("k-2"), r#"{"amount":100001}"#);
    assert_eq!(other.status, 422);
    assert_eq!(
        other.body,
        r#"{"object":"error","location":"http://127.0.0.1:8080/errors#idempotency-key-reused","code":"idempotency_key_reused","message":"this Idempotency-Key was already used with a different request"}"#
    );
    assert_eq!(other.header("retry-after"), None);
    let problem = send(
        &agent(),
        "POST",
        &format!("{base}/transfers"),
        &[
            ("Idempotency-Key", "k-2"),
            ("Accept", "application/problem+json"),
            ("traceparent", TRACE),
        ],
        Some(r#"{"amount":5000}"#),
    );
    assert_eq!(problem.status, 422);
    assert_eq!(
        problem.header("content-type"),
        Some("application/problem+json")
    );
    // `type` is about:blank, so `title` is the status phrase (RFC 9457 section 4.2.1).
    assert_eq!(
        problem.body,
        format!(
            r#"{{"type":"about:blank","title":"Unprocessable Entity","status":422,"detail":"this Idempotency-Key was already used with a different request","instance":"/transfers","code":"idempotency_key_reused","traceId":"{TRACE}"}}"#
        )
    );
    assert_eq!(all_transfers(&agent(), &base).len(), 1);
}

#[test]
fn a_refusal_is_replayed_too() {
    let base = start(200_000);
    let held = post(&base, None, r#"{"amount":150000}"#);
    let refused = post(&base, Some("k-3"), r#"{"amount":100000}"#);
    let expected = r#"{"object":"error","location":"https://www.omise.co/api-errors#invalid-transfer","code":"invalid_transfer","message":"amount exceeds the available balance"}"#;
    assert_eq!((refused.status, refused.body.as_str()), (400, expected));
    // The balance is back, but the key's first answer was the refusal.
    let id = held.json()["id"].as_str().unwrap().to_owned();
    let deleted = send(
        &agent(),
        "DELETE",
        &format!("{base}/transfers/{id}"),
        &[],
        None,
    );
    assert_eq!(deleted.status, 200);
    let retry = post(&base, Some("k-3"), r#"{"amount":100000}"#);
    assert_eq!((retry.status, retry.body.as_str()), (400, expected));
    // A new key is a new request.
    assert_eq!(post(&base, Some("k-4"), r#"{"amount":100000}"#).status, 200);
}

#[test]
fn concurrent_retries_make_one_transfer() {
    let base = start(1_000_000);
    let answers: Vec<Res> = (0..16)
        .map(|_| {
            let base = base.clone();
            std::thread::spawn(move || post(&base, Some("k-5"), r#"{"amount":60000}"#))
        })
        .collect::<Vec<_>>()
        .into_iter()
        .map(|t| t.join().unwrap())
        .collect();
    for answer in &answers {
        assert_eq!((answer.status, &answer.body), (200, &answers[0].body));
    }
    let fresh = answers
        .iter()
        .filter(|a| a.header("idempotent-replayed").is_none());
    assert_eq!(fresh.count(), 1);
    assert_eq!(all_transfers(&agent(), &base).len(), 1);
}

#[test]
fn keys_expire() {
    let config = transfers_server::Config {
        balance: 1_000_000,
        database_url: fresh_sqlite_url("expiry"),
        idempotency_ttl: Duration::from_secs(1),
        ..transfers_server::Config::default()
    };
    let base = format!("http://{}", start_app_with(config, 2));
    assert_eq!(post(&base, Some("k-6"), r#"{"amount":10000}"#).status, 200);
    std::thread::sleep(Duration::from_millis(2100));
    // Past its lifetime the key is free: another request under it is a new create.
    let later = post(&base, Some("k-6"), r#"{"amount":20000}"#);
    assert_eq!(later.status, 200, "{}", later.body);
    assert_eq!(later.header("idempotent-replayed"), None);
    assert_eq!(all_transfers(&agent(), &base).len(), 2);
}

#[test]
fn malformed_keys_are_refused() {
    let base = start(1_000_000);
    let expected = r#"{"object":"error","location":"https://www.omise.co/api-errors#bad-request","code":"bad_request","message":"Idempotency-Key must be one value of 1 to 255 visible characters"}"#;
    for key in ["k".repeat(256), "\"\"".to_owned(), "tab\there".to_owned()] {
        let res = post(&base, Some(&key), r#"{"amount":10000}"#);
        assert_eq!((res.status, res.body.as_str()), (400, expected), "{key:?}");
    }
    assert_eq!(all_transfers(&agent(), &base).len(), 0);
    let longest = post(&base, Some(&"k".repeat(255)), r#"{"amount":10000}"#);
    assert_eq!(longest.status, 200, "{}", longest.body);
}
