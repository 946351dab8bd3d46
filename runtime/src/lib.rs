//! Runtime of [`apierror`](https://docs.rs/apierror): the [`ApiError`] trait that
//! `#[derive(ApiError)]` implements, the static [`Catalog`] every derived type carries,
//! and the pieces the wire formats are built from.
//!
//! Users normally depend on the `apierror` facade crate, which re-exports everything here.

#![forbid(unsafe_code)]
#![warn(missing_docs)]

mod api_error;
mod catalog;
mod message;
mod received;

pub use api_error::ApiError;
pub use catalog::{Catalog, Translation, VariantMeta};
pub use message::{Message, MessageSink};
pub use received::{capture, FromWireText, Received, TemplatePiece};

/// What generated code reaches through `::apierror::__private`. Not public API.
#[doc(hidden)]
pub mod __private {
    pub use crate::received::{position, Rebuild};
}
