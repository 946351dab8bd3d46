//! A small typed client for the Omise Transfers API on reqwest: every call returns the
//! transfer, or an [`ApiFailure`] whose typed [`OmiseError`] the caller `match`es on.
//! Rate limits (429) and unavailability (503) are retried after their `Retry-After`, a
//! bounded number of times and never longer than a bounded wait.
//!
//! A library beside the binary (`src/main.rs`) so that the tests (`tests/client/`) call the
//! same client.

use std::time::{Duration, SystemTime};

use apierror::reqwest::{ApiFailure, ResponseExt};
use apierror_catalog::omise::OmiseError;
use serde::de::DeserializeOwned;
use serde::Deserialize;

/// A transfer, with the attributes this client uses (the API sends more).
#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
pub struct Transfer {
    pub id: String,
    pub amount: i64,
    pub fee: i64,
    pub fee_vat: i64,
    pub net: i64,
    pub sent: bool,
    pub paid: bool,
    pub deleted: bool,
    pub failure_code: Option<String>,
}

/// A page of the transfer list.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
pub struct TransferList {
    pub total: u64,
    pub data: Vec<Transfer>,
}

/// Why a call failed.
#[derive(Debug, thiserror::Error)]
pub enum CallError {
    /// The API answered with an error: typed where the catalog knows it.
    #[error("{0}")]
    Api(#[from] ApiFailure<OmiseError>),
    /// The request did not reach the API, or its success body was not a transfer.
    #[error("request failed: {0}")]
    Transport(#[from] reqwest::Error),
}

impl CallError {
    /// The typed API error, if that is what this is.
    pub fn typed(&self) -> Option<&OmiseError> {
        match self {
            CallError::Api(failure) => failure.typed(),
            CallError::Transport(_) => None,
        }
    }
}

/// How rate limits and unavailability are retried.
#[derive(Debug, Clone, Copy)]
pub struct Retry {
    /// Retries after the first attempt.
    pub attempts: u32,
    /// The longest wait before a retry, whatever `Retry-After` says.
    pub max_wait: Duration,
    /// The wait when the response has no `Retry-After`.
    pub default_wait: Duration,
}

impl Default for Retry {
    fn default() -> Self {
        Retry {
            attempts: 3,
            max_wait: Duration::from_secs(5),
            default_wait: Duration::from_millis(200),
        }
    }
}

/// A client for one account (its secret key) of one API base URL.
pub struct TransfersClient {
    http: reqwest::Client,
    base: String,
    key: String,
    retry: Retry,
}

impl TransfersClient {
    pub fn new(base: impl Into<String>, secret_key: impl Into<String>) -> Self {
        TransfersClient {
            http: reqwest::Client::new(),
            base: base.into(),
            key: secret_key.into(),
            retry: Retry::default(),
        }
    }

    pub fn with_retry(mut self, retry: Retry) -> Self {
        self.retry = retry;
        self
    }

    /// `POST /transfers`.
    pub async fn create(&self, amount: i64) -> Result<Transfer, CallError> {
        self.call(reqwest::Method::POST, "/transfers", Some(amount))
            .await
    }

    /// `GET /transfers/{id}`.
    pub async fn retrieve(&self, id: &str) -> Result<Transfer, CallError> {
        self.call(reqwest::Method::GET, &format!("/transfers/{id}"), None)
            .await
    }

    /// `GET /transfers`.
    pub async fn list(&self) -> Result<TransferList, CallError> {
        self.call(reqwest::Method::GET, "/transfers", None).await
    }

    /// `PATCH /transfers/{id}`: a new amount.
    pub async fn update(&self, id: &str, amount: i64) -> Result<Transfer, CallError> {
        self.call(
            reqwest::Method::PATCH,
            &format!("/transfers/{id}"),
            Some(amount),
        )
        .await
    }

    /// `DELETE /transfers/{id}`.
    pub async fn destroy(&self, id: &str) -> Result<Transfer, CallError> {
        self.call(reqwest::Method::DELETE, &format!("/transfers/{id}"), None)
            .await
    }

    async fn call<T: DeserializeOwned>(
        &self,
        method: reqwest::Method,
        path: &str,
        amount: Option<i64>,
    ) -> Result<T, CallError> {
        let mut retries_left = self.retry.attempts;
        loop {
            let mut request = self
                .http
                .request(method.clone(), format!("{}{path}", self.base))
                .basic_auth(&self.key, Some(""));
            if let Some(amount) = amount {
                request = request.form(&[("amount", amount)]);
            }
            match request.send().await?.error_for_api::<OmiseError>().await {
                Ok(response) => return Ok(response.json().await?),
                Err(failure) if retries_left > 0 && is_transient(&failure) => {
                    retries_left -= 1;
                    tokio::time::sleep(self.wait(&failure)).await;
                }
                Err(failure) => return Err(failure.into()),
            }
        }
    }

    /// The wait before retrying after `failure`: its `Retry-After`, within bounds.
    fn wait(&self, failure: &ApiFailure<OmiseError>) -> Duration {
        failure
            .retry_after()
            .map_or(self.retry.default_wait, |r| r.delay_from(SystemTime::now()))
            .min(self.retry.max_wait)
    }
}

/// Rate limited or unavailable: worth the same request again later.
fn is_transient(failure: &ApiFailure<OmiseError>) -> bool {
    matches!(failure.status().as_u16(), 429 | 503)
}
