//! A client of the orders API: an error response read back as the typed [`OrderError`],
//! through a [`Decoder`] that knows Acme's envelope, by the reqwest adapter.

use apierror::parse::Decoder;
use apierror::reqwest::{ApiFailure, ResponseExt, DEFAULT_MAX_BODY};

use crate::format::Acme;
use crate::orders::OrderError;

/// Why a call failed: the API answered with an error, or the request never completed.
#[derive(Debug, thiserror::Error)]
pub enum Failure {
    /// The API's error response: typed where its code is an [`OrderError`]'s.
    #[error("{0}")]
    Api(ApiFailure<OrderError>),
    /// The request was never answered.
    #[error(transparent)]
    Transport(#[from] reqwest::Error),
}

impl Failure {
    /// The typed error, where the API answered with one of [`OrderError`]'s codes.
    pub fn typed(&self) -> Option<&OrderError> {
        match self {
            Failure::Api(failure) => failure.typed(),
            Failure::Transport(_) => None,
        }
    }

    /// The error response, where the API answered.
    pub fn api(&self) -> Option<&ApiFailure<OrderError>> {
        match self {
            Failure::Api(failure) => Some(failure),
            Failure::Transport(_) => None,
        }
    }
}

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
        let response = request
            .send()
            .await?
            .error_for_api_with(&self.decoder, DEFAULT_MAX_BODY)
            .await
            .map_err(Failure::Api)?;
        Ok(response.text().await?)
    }
}
