//! A client of the orders API: an error response read back as the typed [`OrderError`],
//! through a [`Decoder`] that knows Acme's envelope.
//!
//! `apierror::reqwest::ResponseExt::error_for_api` decodes with the built-in formats only
//! (it takes no `Decoder`), so this client reads the body and decodes it itself.

use apierror::parse::{DecodeOptions, Decoded, Decoder};

use crate::format::Acme;
use crate::orders::OrderError;

/// Most bytes of an error body read: error bodies are small.
const MAX_ERROR_BODY: usize = 64 * 1024;

/// The orders API at `base` (`http://127.0.0.1:3000`, say).
#[derive(Debug, Clone)]
pub struct OrdersClient {
    http: reqwest::Client,
    base: String,
    decoder: Decoder,
}

impl OrdersClient {
    /// A client of the API at `base`, reading its errors in Acme's envelope.
    pub fn new(base: impl Into<String>) -> Self {
        OrdersClient {
            http: reqwest::Client::new(),
            base: base.into(),
            decoder: Decoder::new()
                .with_format(Acme)
                .expect("`acme` is no built-in's name"),
        }
    }

    /// `GET /orders/{id}`: the order's text, or the error the API answered with.
    pub async fn order(&self, id: u64) -> Result<String, Failure> {
        let url = format!("{}/orders/{id}", self.base);
        self.send(self.http.get(url)).await
    }

    /// `POST /orders/{id}/ship`.
    pub async fn ship(&self, id: u64) -> Result<String, Failure> {
        let url = format!("{}/orders/{id}/ship", self.base);
        self.send(self.http.post(url)).await
    }

    async fn send(&self, request: reqwest::RequestBuilder) -> Result<String, Failure> {
        let mut response = request.send().await?;
        let status = response.status();
        if status.is_success() {
            return Ok(response.text().await?);
        }
        let headers = response.headers().clone();
        let mut body = Vec::new();
        while let Some(chunk) = response.chunk().await? {
            let room = MAX_ERROR_BODY - body.len();
            body.extend_from_slice(&chunk[..chunk.len().min(room)]);
            if body.len() == MAX_ERROR_BODY {
                break;
            }
        }
        let options = DecodeOptions::default();
        let decoded = self
            .decoder
            .decode::<OrderError>(status.as_u16(), &headers, &body, &options);
        Err(Failure::Api(Box::new(decoded)))
    }
}

/// Why a call failed: the API answered with an error, or the request never completed.
#[derive(Debug, thiserror::Error)]
pub enum Failure {
    /// The API's error response: typed where its code is an [`OrderError`]'s.
    #[error("HTTP {}", .0.response().status)]
    Api(Box<Decoded<OrderError>>),
    /// The transport failed.
    #[error(transparent)]
    Transport(#[from] reqwest::Error),
}

impl Failure {
    /// The typed error, where the API answered with one of [`OrderError`]'s codes.
    pub fn typed(&self) -> Option<&OrderError> {
        match self {
            Failure::Api(decoded) => decoded.typed(),
            Failure::Transport(_) => None,
        }
    }

    /// The request id the API's envelope named.
    pub fn request_id(&self) -> Option<&str> {
        match self {
            Failure::Api(decoded) => decoded.response().trace_id.as_deref(),
            Failure::Transport(_) => None,
        }
    }
}
