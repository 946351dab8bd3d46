//! A client of the Transfers API for the database tests, and direct reads of the database
//! for reconciling what the API answered with what was stored.

use std::time::Duration;

use serde_json::Value;

use super::AUTH;

/// An answer: status, headers (lower-case names), body.
#[derive(Debug)]
pub struct Res {
    pub status: u16,
    pub headers: Vec<(String, String)>,
    pub body: String,
}

impl Res {
    pub fn json(&self) -> Value {
        serde_json::from_str(&self.body).unwrap_or_else(|_| panic!("not JSON: {}", self.body))
    }

    pub fn header(&self, name: &str) -> Option<&str> {
        self.headers
            .iter()
            .find(|(n, _)| n.eq_ignore_ascii_case(name))
            .map(|(_, v)| v.as_str())
    }
}

pub fn agent() -> ureq::Agent {
    agent_with_timeout(Duration::from_secs(20))
}

/// An agent for which error statuses are answers to read, not failures.
pub fn agent_with_timeout(timeout: Duration) -> ureq::Agent {
    ureq::Agent::config_builder()
        .timeout_global(Some(timeout))
        .max_idle_connections_per_host(4)
        .http_status_as_error(false)
        .build()
        .into()
}

/// Sends a request with the default key; `Err` with the reason on a transport failure (a
/// dead server).
pub fn try_send(
    agent: &ureq::Agent,
    method: &str,
    url: &str,
    headers: &[(&str, &str)],
    json: Option<&str>,
) -> Result<Res, String> {
    let mut req = ureq::http::Request::builder()
        .method(method)
        .uri(url)
        .header("Authorization", AUTH);
    for (name, value) in headers {
        req = req.header(*name, *value);
    }
    let result = match json {
        Some(body) => {
            let req = req.header("Content-Type", "application/json");
            agent.run(req.body(body.to_owned()).map_err(|e| e.to_string())?)
        }
        None => agent.run(req.body(()).map_err(|e| e.to_string())?),
    };
    let mut res = result.map_err(|err| err.to_string())?;
    let headers = header_pairs(&res);
    let body = res
        .body_mut()
        .read_to_string()
        .map_err(|err| err.to_string())?;
    Ok(Res {
        status: res.status().as_u16(),
        headers,
        body,
    })
}

/// Every header of `res` as (lower-case name, value) pairs, in the order received.
pub fn header_pairs(res: &ureq::http::Response<ureq::Body>) -> Vec<(String, String)> {
    res.headers()
        .iter()
        .map(|(n, v)| {
            let value = String::from_utf8_lossy(v.as_bytes()).into_owned();
            (n.as_str().to_owned(), value)
        })
        .collect()
}

/// [`try_send`], panicking on a transport failure.
pub fn send(
    agent: &ureq::Agent,
    method: &str,
    url: &str,
    headers: &[(&str, &str)],
    json: Option<&str>,
) -> Res {
    try_send(agent, method, url, headers, json)
        .unwrap_or_else(|err| panic!("{method} {url}: transport error: {err}"))
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
