//! [`Received`]: what a received body gives a variant's fields to be read back from. The
//! model's side of the client: [`ApiError::from_received`](crate::ApiError::from_received)
//! takes it, the client layer (`parse/`) fills it in.

/// What a received error body carries that a variant's fields can be read back from.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Received<'a> {
    /// The message (`message`, `detail` or `error_label`).
    pub message: Option<&'a str>,
    /// The Oney `field`.
    pub field: Option<&'a str>,
}
