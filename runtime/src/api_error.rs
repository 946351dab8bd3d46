//! The trait every derived error implements.

use core::fmt;

use http::StatusCode;

use crate::{Catalog, Message, MessageSink, VariantMeta};

/// An error that knows how it looks on the wire: status, code, title and message.
///
/// Implemented by `#[derive(ApiError)]`; the wire formats take any `ApiError`. The trait is
/// object safe, so errors of several types can be rendered together as `&dyn ApiError`.
///
/// ```
/// use apierror::ApiError;
///
/// #[derive(Debug, ApiError)]
/// enum ChargeError {
///     #[status(400)]
///     #[code("invalid_charge")]
///     #[message("amount must be at least {min} {currency}")]
///     InvalidCharge { min: u64, currency: &'static str },
/// }
///
/// let err = ChargeError::InvalidCharge { min: 2000, currency: "thb" };
/// assert_eq!(err.status(), http::StatusCode::BAD_REQUEST);
/// assert_eq!(err.code(), "invalid_charge");
/// assert_eq!(err.title(), "Invalid Charge");
/// assert_eq!(err.message().to_string(), "amount must be at least 2000 thb");
/// ```
pub trait ApiError {
    /// The catalog of every variant of this type.
    fn catalog() -> &'static Catalog
    where
        Self: Sized;

    /// The static metadata of this value's variant.
    fn meta(&self) -> &'static VariantMeta;

    /// Writes the message, piece by piece, into `out`.
    ///
    /// This is the full message, for logs as well as the wire; wire formats that must not
    /// leak internals call [`ApiError::write_public_message`] instead.
    fn write_message(&self, out: &mut dyn MessageSink) -> fmt::Result;

    /// The Oney `field`: the element of the request that led to this error.
    fn field(&self) -> Option<&dyn fmt::Display> {
        None
    }

    /// The HTTP status.
    fn status(&self) -> StatusCode {
        self.meta().status_code()
    }

    /// The machine-readable code.
    fn code(&self) -> &'static str {
        self.meta().code
    }

    /// The short human-readable summary.
    fn title(&self) -> &'static str {
        self.meta().title
    }

    /// The rendered message: `Display` renders it without allocating.
    ///
    /// Bound by `Self: Sized` so that the trait stays object safe; for a `dyn ApiError` use
    /// [`Message::new`].
    fn message(&self) -> Message<'_, Self>
    where
        Self: Sized,
    {
        Message(self)
    }

    /// Writes the message that may go on the wire.
    ///
    /// For a server error (5xx) whose message comes from the type's `Display` (no
    /// `#[message]`), that text may carry a source error's details, so the status's
    /// canonical reason (`Internal Server Error`) is written instead. Every other message is
    /// declared by the type's author and is written as is.
    fn write_public_message(&self, out: &mut dyn MessageSink) -> fmt::Result {
        let meta = self.meta();
        if meta.is_server_error() && meta.message.is_none() {
            let reason = meta
                .status_code()
                .canonical_reason()
                .unwrap_or("Server Error");
            // Canonical reasons are plain ASCII words: escaped and raw forms are the same.
            return out.literal(reason, reason);
        }
        self.write_message(out)
    }
}
