//! The settings every request of an integration shares: the renderer, a fixed or
//! negotiated format, how rejections map to catalog errors, and the error that answers a
//! panic.

use std::sync::Arc;

use super::pending_error::WireError;
use super::rejection::{self, Rejection, RejectionError};
use super::request_headers::{visible, Headers};
use crate::{ApiError, Format, Renderer};

/// Maps a rejection to the application's catalog error.
type RejectionMapper = Arc<dyn Fn(&Rejection) -> Arc<dyn WireError> + Send + Sync>;

/// What an adapter's public builder (`ApiErrorLayer`, `ErrorConfig`) holds.
#[derive(Clone)]
pub(crate) struct Settings {
    pub(crate) renderer: Renderer,
    /// `None`: negotiate from `Accept` among the renderer's offers.
    fixed: Option<Format>,
    map: RejectionMapper,
    /// What a handler's panic is answered with.
    panic: Arc<dyn WireError>,
    /// The summary a validation failure is answered under, in place of its own (by default
    /// none: the failure's own, `validation::InvalidFields` unless it was made with another).
    pub(crate) validation_summary: Option<Arc<dyn ApiError + Send + Sync>>,
}

impl Settings {
    /// Negotiates from `Accept` among `renderer`'s offers.
    pub(crate) fn negotiated(renderer: Renderer) -> Self {
        Self::build(renderer, None)
    }

    /// Always `format`, with `renderer`'s options.
    pub(crate) fn fixed(renderer: Renderer, format: Format) -> Self {
        Self::build(renderer, Some(format))
    }

    fn build(renderer: Renderer, fixed: Option<Format>) -> Self {
        Settings {
            renderer,
            fixed,
            map: Arc::new(|r: &Rejection| rejection::answer(r, RejectionError::from_rejection(r))),
            panic: Arc::new(RejectionError::InternalError),
            validation_summary: None,
        }
    }

    /// Answers rejections with the errors `map` returns (carrying the violation of the
    /// member a rejection names).
    pub(crate) fn map_rejections<F, E>(mut self, map: F) -> Self
    where
        F: Fn(&Rejection) -> E + Send + Sync + 'static,
        E: ApiError + std::error::Error + Send + Sync + 'static,
    {
        self.map = Arc::new(move |r: &Rejection| rejection::answer(r, map(r)));
        self
    }

    /// Answers a handler's panic with `err` (by default the built-in
    /// `RejectionError::InternalError`).
    pub(crate) fn answer_panics_with<E>(mut self, err: E) -> Self
    where
        E: ApiError + std::error::Error + Send + Sync + 'static,
    {
        self.panic = Arc::new(err);
        self
    }

    /// Answers every error that carries violations (a validation failure) under `summary`:
    /// its status, code, title and message, with the same violations.
    pub(crate) fn validation_summary<E>(mut self, summary: E) -> Self
    where
        E: ApiError + Send + Sync + 'static,
    {
        self.validation_summary = Some(Arc::new(summary));
        self
    }

    /// The error a handler's panic is answered with.
    pub(crate) fn panic_error(&self) -> &dyn ApiError {
        self.panic.api()
    }

    /// Whether the format follows the request's `Accept` (and responses say `Vary: accept`).
    pub(crate) fn negotiates(&self) -> bool {
        self.fixed.is_none()
    }

    /// The format for a request with `headers`: the fixed one, or the one negotiated from
    /// every `Accept` line that is visible ASCII.
    pub(crate) fn format(&self, headers: &impl Headers) -> Format {
        match self.fixed {
            Some(format) => format,
            None => self
                .renderer
                .negotiate_lines(headers.all("accept").filter_map(visible)),
        }
    }

    /// The catalog error answering `rejection`, logged if it is a server error.
    pub(crate) fn map(&self, rejection: &Rejection) -> Arc<dyn WireError> {
        tracing::debug!(
            status = rejection.status,
            detail = %rejection.detail,
            "framework rejection"
        );
        let err = (self.map)(rejection);
        super::pending_error::log_if_server_error(err.api(), err.std());
        err
    }
}
