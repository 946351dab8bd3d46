//! The settings every request of an integration shares: the renderer, a fixed or
//! negotiated format, and how rejections map to catalog errors.

use std::sync::Arc;

use super::context::{visible, Headers};
use super::rejection::{Rejection, RejectionError};
use super::wire::WireError;
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
            map: Arc::new(|r: &Rejection| {
                Arc::new(RejectionError::from_rejection(r)) as Arc<dyn WireError>
            }),
        }
    }

    /// Answers rejections with the errors `map` returns.
    pub(crate) fn map_rejections<F, E>(mut self, map: F) -> Self
    where
        F: Fn(&Rejection) -> E + Send + Sync + 'static,
        E: ApiError + std::error::Error + Send + Sync + 'static,
    {
        self.map = Arc::new(move |r: &Rejection| Arc::new(map(r)) as Arc<dyn WireError>);
        self
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
        super::wire::log_if_server_error(err.api(), err.std());
        err
    }
}
