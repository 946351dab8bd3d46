//! [reqwest](https://docs.rs/reqwest) client adapter (feature `reqwest`): error responses
//! into typed catalog errors, through the lenient decoding of [`crate::parse::decode`].
//!
//! ```no_run
//! use apierror::reqwest::ResponseExt;
//! use apierror::ApiError;
//! use apierror_catalog::omise::OmiseError;
//!
//! # async fn run() -> Result<(), Box<dyn std::error::Error>> {
//! let response = reqwest::Client::new()
//!     .get("https://api.omise.co/transfers/trsf_test_1")
//!     .basic_auth("skey_test_1", Some(""))
//!     .send()
//!     .await?;
//! match response.error_for_api::<OmiseError>().await {
//!     Ok(response) => println!("{}", response.text().await?),
//!     Err(failure) => match failure.typed() {
//!         Some(OmiseError::NotFound) => println!("no such transfer"),
//!         Some(other) => println!("Omise said {}", other.code()),
//!         // An HTML page from a proxy, an empty 503, a code this catalog lacks, …
//!         None => println!("{failure}"),
//!     },
//! }
//! # Ok(())
//! # }
//! ```
//!
//! Only the adapter lives here: reading a bounded body from a `reqwest::Response`. What the
//! body means is decided in [`crate::parse`].

use core::fmt;
use std::future::Future;

use http::StatusCode;

use crate::parse::{DecodeOptions, Decoded, Decoder, ErrorResponse, RetryAfter};
use crate::ApiError;

/// Most bytes of an error body read by [`ResponseExt::error_for_api`]: error bodies are
/// small, and a client must not be made to buffer a gateway's endless stream.
pub const DEFAULT_MAX_BODY: usize = 64 * 1024;

/// Typed errors for `reqwest::Response`.
pub trait ResponseExt: Sized {
    /// `Ok(self)` for a 2xx or 3xx response; otherwise the body (at most
    /// [`DEFAULT_MAX_BODY`] bytes) decoded into an [`ApiFailure`]: the typed `E` where its
    /// catalog has the code, else what could be read.
    fn error_for_api<E: ApiError + Send>(
        self,
    ) -> impl Future<Output = Result<reqwest::Response, ApiFailure<E>>> + Send {
        self.error_for_api_limited(DEFAULT_MAX_BODY)
    }

    /// [`ResponseExt::error_for_api`], reading at most `max_body` bytes of the body.
    fn error_for_api_limited<E: ApiError + Send>(
        self,
        max_body: usize,
    ) -> impl Future<Output = Result<reqwest::Response, ApiFailure<E>>> + Send {
        self.error_for_api_with(Decoder::built_in_ref(), max_body)
    }

    /// [`ResponseExt::error_for_api_limited`] among `decoder`'s formats: a client of an
    /// API that answers in a format of its own (see [`WireFormat`](crate::format::WireFormat))
    /// reads it as typed errors too.
    ///
    /// ```no_run
    /// # async fn run(decoder: apierror::parse::Decoder) -> Result<(), Box<dyn std::error::Error>> {
    /// use apierror::reqwest::ResponseExt;
    /// # #[derive(Debug, apierror::ApiError)] #[status(404)] #[code("not_found")] #[message("gone")] struct NotFound;
    /// let response = reqwest::get("http://127.0.0.1:8080/orders/7").await?;
    /// match response.error_for_api_with::<NotFound>(&decoder, 64 * 1024).await {
    ///     Ok(_) => {}
    ///     Err(failure) => println!("{:?}", failure.typed()),
    /// }
    /// # Ok(()) }
    /// ```
    fn error_for_api_with<E: ApiError + Send>(
        self,
        decoder: &Decoder,
        max_body: usize,
    ) -> impl Future<Output = Result<reqwest::Response, ApiFailure<E>>> + Send;
}

impl ResponseExt for reqwest::Response {
    async fn error_for_api_with<E: ApiError + Send>(
        self,
        decoder: &Decoder,
        max_body: usize,
    ) -> Result<reqwest::Response, ApiFailure<E>> {
        let status = self.status();
        if !(status.is_client_error() || status.is_server_error()) {
            return Ok(self);
        }
        let headers = self.headers().clone();
        let (body, cut) = match read_limited(self, max_body).await {
            Ok(read) => read,
            Err(source) => {
                return Err(ApiFailure {
                    kind: Kind::Transport { status, source },
                })
            }
        };
        let mut decoded =
            decoder.decode::<E>(status.as_u16(), &headers, &body, &DecodeOptions::default());
        if let Decoded::Unrecognised(response) = &mut decoded {
            response.raw_truncated |= cut;
        }
        Err(ApiFailure {
            kind: Kind::Api(Box::new(decoded)),
        })
    }
}

/// The body, at most `max` bytes of it, and whether there was more.
async fn read_limited(
    mut response: reqwest::Response,
    max: usize,
) -> Result<(Vec<u8>, bool), reqwest::Error> {
    let mut body = Vec::new();
    while let Some(chunk) = response.chunk().await? {
        let room = max - body.len();
        if chunk.len() > room {
            body.extend_from_slice(&chunk[..room]);
            return Ok((body, true));
        }
        body.extend_from_slice(&chunk);
    }
    Ok((body, false))
}

/// An HTTP error response, decoded; or a failure of the transport while its body was read.
#[derive(Debug)]
pub struct ApiFailure<E> {
    kind: Kind<E>,
}

#[derive(Debug)]
enum Kind<E> {
    // Boxed: a decoded response is large, and failures travel through `Result`s.
    Api(Box<Decoded<E>>),
    Transport {
        status: StatusCode,
        source: reqwest::Error,
    },
}

impl<E> ApiFailure<E> {
    /// The response's HTTP status.
    pub fn status(&self) -> StatusCode {
        match &self.kind {
            Kind::Api(decoded) => StatusCode::from_u16(decoded.response().status)
                .unwrap_or(StatusCode::INTERNAL_SERVER_ERROR),
            Kind::Transport { status, .. } => *status,
        }
    }

    /// The typed error, where the body's code is in `E`'s catalog.
    pub fn typed(&self) -> Option<&E> {
        self.decoded().and_then(Decoded::typed)
    }

    /// The typed error, where the body's code is in `E`'s catalog.
    pub fn into_typed(self) -> Option<E> {
        match self.kind {
            Kind::Api(decoded) => (*decoded).into_typed(),
            Kind::Transport { .. } => None,
        }
    }

    /// The error's code, if the body carried one (known to the catalog or not).
    pub fn code(&self) -> Option<&str> {
        self.received()?.code()
    }

    /// The error's message, if the body carried one.
    pub fn message(&self) -> Option<&str> {
        self.received()?.message()
    }

    /// The `Retry-After` header, when valid.
    pub fn retry_after(&self) -> Option<RetryAfter> {
        self.received()?.retry_after
    }

    /// The trace id: the body's `traceId`, else the `traceparent` header.
    pub fn trace_id(&self) -> Option<&str> {
        self.received()?.trace_id.as_deref()
    }

    /// Everything read of the response; `None` when reading its body failed.
    pub fn received(&self) -> Option<&ErrorResponse> {
        self.decoded().map(Decoded::response)
    }

    /// The decoded response; `None` when reading its body failed.
    pub fn decoded(&self) -> Option<&Decoded<E>> {
        match &self.kind {
            Kind::Api(decoded) => Some(decoded),
            Kind::Transport { .. } => None,
        }
    }

    /// The transport failure while the body was read, if that is what happened.
    pub fn transport(&self) -> Option<&reqwest::Error> {
        match &self.kind {
            Kind::Transport { source, .. } => Some(source),
            Kind::Api(_) => None,
        }
    }
}

impl<E> fmt::Display for ApiFailure<E> {
    /// One line: `HTTP 400 used_token: token was already used`.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "HTTP {}", self.status().as_u16())?;
        if let Kind::Transport { .. } = self.kind {
            return f.write_str(": the error body could not be read");
        }
        if let Some(code) = self.code() {
            write!(f, " {code}")?;
        }
        match self.message() {
            // A message is the server's text: one line of it, whatever it holds.
            Some(message) => write!(f, ": {}", message.lines().next().unwrap_or_default()),
            None => Ok(()),
        }
    }
}

impl<E: fmt::Debug> std::error::Error for ApiFailure<E> {
    fn source(&self) -> Option<&(dyn std::error::Error + 'static)> {
        match &self.kind {
            Kind::Transport { source, .. } => Some(source),
            Kind::Api(_) => None,
        }
    }
}
