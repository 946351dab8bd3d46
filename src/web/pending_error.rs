//! Errors on their way to the wire with their type erased, and the log line of a server
//! error.

use std::error::Error as StdError;
#[cfg(feature = "axum")]
use std::sync::Arc;
use std::sync::OnceLock;

use crate::{ApiError, Renderer, RequestContext};

/// An error on its way to the wire, with its type erased: what a rejection mapper returns
/// and what a response carries until the request's context is known.
pub(crate) trait WireError: Send + Sync + 'static {
    /// The error as the wire formats see it.
    fn api(&self) -> &dyn ApiError;
    /// The error as `std::error::Error`, for its source chain in logs.
    fn std(&self) -> &(dyn StdError + 'static);
}

impl<E> WireError for E
where
    E: ApiError + StdError + Send + Sync + 'static,
{
    fn api(&self) -> &dyn ApiError {
        self
    }

    fn std(&self) -> &(dyn StdError + 'static) {
        self
    }
}

/// A handler's error, kept in its response's extensions for the layer to render again with
/// the request's context. For frameworks whose response extensions take owned, cloneable
/// values (axum); actix-web reaches the error its response already holds instead.
#[cfg(feature = "axum")]
#[derive(Clone)]
pub(crate) struct Pending(pub(crate) Arc<dyn WireError>);

/// `err` and its sources joined by `: `, for logs.
fn source_chain(err: &(dyn StdError + 'static)) -> String {
    let mut chain = err.to_string();
    let mut next = err.source();
    while let Some(source) = next {
        chain.push_str(": ");
        chain.push_str(&source.to_string());
        next = source.source();
    }
    chain
}

/// Logs a server error (5xx) with its source chain; client errors are the client's
/// business and are not logged. Called once per error, where it is made into a response.
pub(crate) fn log_if_server_error(api: &dyn ApiError, err: &(dyn StdError + 'static)) {
    if api.status().is_server_error() {
        tracing::error!(
            status = api.status().as_u16(),
            code = api.code(),
            error = %source_chain(err),
            "request failed"
        );
    }
}

/// `err` as a handler's response renders it before any middleware sees it, so that it
/// answers where there is none: the default renderer's format, without context.
pub(crate) fn without_context(err: &dyn ApiError) -> http::Response<Vec<u8>> {
    static FALLBACK: OnceLock<Renderer> = OnceLock::new();
    let renderer = FALLBACK.get_or_init(Renderer::default);
    renderer.response(renderer.default_format(), err, &RequestContext::new())
}
