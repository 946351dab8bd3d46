//! A client of the Transfers API for the database tests, and direct reads of the database
//! for reconciling what the API answered with what was stored.

use std::time::Duration;

use serde_json::Value;

use super::AUTH;
use crate::support::http_client;

/// An answer: status, headers, body.
pub use crate::support::http_client::Answer as Res;

pub fn agent() -> ureq::Agent {
    http_client::agent(Duration::from_secs(20))
}

/// Sends a request with the default key (see [`with_key`]) and `json` as a JSON body; `Err`
/// with the reason on a transport failure (a dead server).
pub fn try_send(
    agent: &ureq::Agent,
    method: &str,
    url: &str,
    headers: &[(&str, &str)],
    json: Option<&str>,
) -> Result<Res, String> {
    http_client::exchange(agent, method, url, &json_headers(headers, json), json)
}

/// [`try_send`], panicking on a transport failure.
pub fn send(
    agent: &ureq::Agent,
    method: &str,
    url: &str,
    headers: &[(&str, &str)],
    json: Option<&str>,
) -> Res {
    http_client::send(agent, method, url, &json_headers(headers, json), json)
}

/// `headers` after the default key, unless they name an `Authorization` of their own. A
/// header given with an empty value is left out: how a test sends none.
pub fn with_key<'h>(headers: &[(&'h str, &'h str)]) -> Vec<(&'h str, &'h str)> {
    let given = headers
        .iter()
        .any(|(name, _)| name.eq_ignore_ascii_case("authorization"));
    let key = Some(("Authorization", AUTH)).filter(|_| !given);
    key.into_iter()
        .chain(
            headers
                .iter()
                .copied()
                .filter(|(_, value)| !value.is_empty()),
        )
        .collect()
}

/// [`with_key`], then the JSON body's `Content-Type` where there is one.
fn json_headers<'h>(headers: &[(&'h str, &'h str)], json: Option<&str>) -> Vec<(&'h str, &'h str)> {
    let content_type = json.map(|_| ("Content-Type", "application/json"));
    with_key(headers).into_iter().chain(content_type).collect()
}

/// `POST /transfers` with `json`, under the `Idempotency-Key` `key` if given.
pub fn post_transfer(base: &str, key: Option<&str>, json: &str) -> Res {
    let headers: Vec<(&str, &str)> = key.map(|k| ("Idempotency-Key", k)).into_iter().collect();
    send(
        &agent(),
        "POST",
        &format!("{base}/transfers"),
        &headers,
        Some(json),
    )
}

/// Every transfer of the account, oldest first, by paging through the list.
pub fn all_transfers(agent: &ureq::Agent, base: &str) -> Vec<Value> {
    let mut all = Vec::new();
    loop {
        let url = format!("{base}/transfers?limit=100&offset={}", all.len());
        let list = send(agent, "GET", &url, &[], None);
        assert_eq!(list.status, 200, "{}", list.body);
        let list = list.json();
        let data = list["data"].as_array().expect("data").clone();
        if data.is_empty() {
            assert_eq!(list["total"].as_u64(), Some(all.len() as u64));
            return all;
        }
        all.extend(data);
    }
}

/// The amount a transfer holds from the balance: its amount unless deleted or failed.
pub fn held(transfer: &Value) -> i64 {
    let holds =
        !transfer["deleted"].as_bool().expect("deleted") && transfer["failure_code"].is_null();
    if holds {
        transfer["amount"].as_i64().expect("amount")
    } else {
        0
    }
}

/// Runs `future` on a fresh current-thread runtime.
pub fn block_on<F: std::future::Future>(future: F) -> F::Output {
    tokio::runtime::Builder::new_current_thread()
        .enable_all()
        .build()
        .expect("runtime")
        .block_on(future)
}

/// The balance stored in the database at `url`, read directly: what no API answer shows.
pub fn stored_balance(url: &str) -> i64 {
    let url = url.to_owned();
    block_on(async move {
        use sqlx::Row;
        sqlx::any::install_default_drivers();
        let pool = sqlx::AnyPool::connect(&url).await.expect("connect");
        let row = sqlx::query("SELECT balance FROM account WHERE id = 1")
            .fetch_one(&pool)
            .await
            .expect("account");
        let balance = row.try_get("balance").expect("balance");
        pool.close().await;
        balance
    })
}
