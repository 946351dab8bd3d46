//! The wrapper that makes an error of another crate a handler's error (a derived type of
//! your own is one by itself); each adapter implements its framework's trait for it.

use std::fmt;

/// A handler's error for an `E` of another crate (a derived type of your own answers by
/// itself): server errors (5xx) are logged with their source chain; only the catalog
/// message goes on the wire.
#[derive(Debug)]
pub struct Error<E>(pub E);

impl<E> Error<E> {
    /// Wraps `err`.
    pub fn new(err: E) -> Self {
        Error(err)
    }

    /// The wrapped error.
    pub fn inner(&self) -> &E {
        &self.0
    }
}

impl<E> From<E> for Error<E> {
    fn from(err: E) -> Self {
        Error(err)
    }
}

impl<E: fmt::Display> fmt::Display for Error<E> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        self.0.fmt(f)
    }
}

/// A handler's result with an [`Error`] wrapping `E`.
pub type Result<T, E> = core::result::Result<T, Error<E>>;
