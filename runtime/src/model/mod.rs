//! The model: what an error is, whatever its format. The [`ApiError`](api_error::ApiError)
//! trait the derive implements, the static [`Catalog`](catalog::Catalog) of every variant,
//! messages written piece by piece, field paths and the violations a validator reports, the derive's compile-time parts, dynamic errors for
//! tools, and what an error response is sent as. It imports no other layer.

pub(crate) mod answer;
pub(crate) mod api_error;
pub(crate) mod catalog;
pub(crate) mod dynamic;
pub(crate) mod field_path;
pub(crate) mod message;
pub(crate) mod parts;
pub(crate) mod pieces;
pub(crate) mod received;
pub(crate) mod rule;
pub(crate) mod violation;
mod violation_error;
