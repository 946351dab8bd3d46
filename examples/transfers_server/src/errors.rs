//! The server's errors: the Omise catalog composed with the server's own few, declared with
//! the derive. Database failures become these catalog errors; their driver text (SQL, file
//! paths, SQLSTATE) stays in the `#[source]`, which the error layer logs and never sends.

use apierror::axum::Error;
use apierror::ApiError;
use apierror_catalog::omise::OmiseError;
use axum::response::{IntoResponse, Response};

/// The server's own errors, beside the Omise catalog.
#[derive(Debug, thiserror::Error, ApiError)]
// `location` points at the server's own reference page (`GET /errors`, `reference.rs`), at
// the address the server listens on by default.
#[api_error(location = "http://127.0.0.1:8080/errors")]
pub enum ServerError {
    /// The database cannot be reached, or refuses to write (stopped, read-only, I/O error).
    #[error("database unavailable")]
    #[status(503)]
    #[code("database_unavailable")]
    #[title("Database Unavailable")]
    #[message("the service is temporarily unavailable; retry later")]
    // `Retry-After`, about as long as each condition lasts: a restart takes seconds, a lock
    // is held for milliseconds, freeing disk space needs an operator.
    #[retry_after(5)]
    DatabaseUnavailable(#[source] sqlx::Error),

    /// Another writer held the account past the bounded wait.
    #[error("database busy")]
    #[status(503)]
    #[code("database_busy")]
    #[title("Database Busy")]
    #[message("the service is busy; retry later")]
    #[retry_after(1)]
    DatabaseBusy(#[source] sqlx::Error),

    /// The database has no space left to store the change.
    #[error("database full")]
    #[status(503)]
    #[code("storage_full")]
    #[title("Storage Full")]
    #[message("the service cannot store changes at the moment; retry later")]
    #[retry_after(60)]
    StorageFull(#[source] sqlx::Error),

    /// The database refused a duplicate (a unique key taken by a concurrent request).
    #[error("duplicate refused")]
    #[status(409)]
    #[code("conflict")]
    #[title("Conflict")]
    #[message("the request conflicts with another request; retry it")]
    Conflict(#[source] sqlx::Error),

    /// Any other database failure (a row the server cannot read back, a failed migration).
    #[error("database error")]
    #[status(500)]
    #[code("internal_error")]
    #[title("Internal Error")]
    #[message("request could not be completed due to an internal error")]
    Internal(#[source] sqlx::Error),

    /// The IETF Idempotency-Key draft's answer to a key reused with another request body.
    #[error("idempotency key reused with a different request")]
    #[status(422)]
    #[code("idempotency_key_reused")]
    #[title("Idempotency Key Reused")]
    #[message("this Idempotency-Key was already used with a different request")]
    IdempotencyKeyReused,
}

/// What a handler fails with: an error of either catalog.
#[derive(Debug)]
pub enum AppError {
    Omise(OmiseError),
    Server(ServerError),
}

impl From<OmiseError> for AppError {
    fn from(err: OmiseError) -> Self {
        AppError::Omise(err)
    }
}

impl From<ServerError> for AppError {
    fn from(err: ServerError) -> Self {
        AppError::Server(err)
    }
}

impl From<sqlx::Error> for AppError {
    fn from(err: sqlx::Error) -> Self {
        AppError::Server(super::store::faults::classify(err))
    }
}

/// Rendered by apierror's axum integration: the layer re-renders it in the negotiated
/// format, with `Retry-After` from the variant's `#[retry_after]`.
impl IntoResponse for AppError {
    fn into_response(self) -> Response {
        match self {
            AppError::Omise(err) => Error(err).into_response(),
            AppError::Server(err) => Error(err).into_response(),
        }
    }
}
