//! One HTTP exchange with a test's server over loopback, with `ureq`: the request the test
//! spells, and the whole answer (status, every header, body) to assert on.
//!
//! Used by the tests that start a server (`tests/web/actix.rs`, and the Transfers tests
//! through [`super::transfers_app`]), so that each sends and reads the same way.

use std::time::Duration;

/// An answer: status, headers (lower-case names, in the order received), body.
#[derive(Debug)]
pub struct Answer {
    pub status: u16,
    pub headers: Vec<(String, String)>,
    pub body: String,
}

impl Answer {
    /// The first value of the header `name`.
    pub fn header(&self, name: &str) -> Option<&str> {
        self.headers
            .iter()
            .find(|(n, _)| n.eq_ignore_ascii_case(name))
            .map(|(_, v)| v.as_str())
    }

    /// The `Content-Type` without its parameters (`application/json` of
    /// `application/json; charset=utf-8`), or "" without one.
    pub fn media_type(&self) -> &str {
        let content_type = self.header("content-type").unwrap_or_default();
        content_type.split(';').next().unwrap_or_default().trim()
    }

    /// The body as JSON, panicking with the body where it is not.
    pub fn json(&self) -> serde_json::Value {
        serde_json::from_str(&self.body).unwrap_or_else(|_| panic!("not JSON: {}", self.body))
    }
}

/// An agent for which error statuses are answers to read, not failures.
pub fn agent(timeout: Duration) -> ureq::Agent {
    ureq::Agent::config_builder()
        .timeout_global(Some(timeout))
        .max_idle_connections_per_host(4)
        .http_status_as_error(false)
        .build()
        .into()
}

/// Sends `method url` with `headers` and `body`; `Err` with the reason on a transport
/// failure (a dead server).
pub fn exchange(
    agent: &ureq::Agent,
    method: &str,
    url: &str,
    headers: &[(&str, &str)],
    body: Option<&str>,
) -> Result<Answer, String> {
    let mut req = ureq::http::Request::builder().method(method).uri(url);
    for (name, value) in headers {
        req = req.header(*name, *value);
    }
    let result = match body {
        Some(body) => agent.run(req.body(body.to_owned()).map_err(|e| e.to_string())?),
        None => agent.run(req.body(()).map_err(|e| e.to_string())?),
    };
    let mut res = result.map_err(|err| err.to_string())?;
    let headers = res
        .headers()
        .iter()
        .map(|(n, v)| {
            let value = String::from_utf8_lossy(v.as_bytes()).into_owned();
            (n.as_str().to_owned(), value)
        })
        .collect();
    let body = res
        .body_mut()
        .read_to_string()
        .map_err(|err| err.to_string())?;
    Ok(Answer {
        status: res.status().as_u16(),
        headers,
        body,
    })
}

/// [`exchange`], panicking on a transport failure.
pub fn send(
    agent: &ureq::Agent,
    method: &str,
    url: &str,
    headers: &[(&str, &str)],
    body: Option<&str>,
) -> Answer {
    exchange(agent, method, url, headers, body)
        .unwrap_or_else(|err| panic!("{method} {url}: transport error: {err}"))
}
