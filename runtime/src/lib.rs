//! Runtime of [`apierror`](https://docs.rs/apierror): the [`ApiError`] trait that
//! `#[derive(ApiError)]` implements, the static [`Catalog`] every derived type carries,
//! the wire formats in [`mod@format`] (one module each), gathered in a [`Renderer`] that also
//! negotiates the format and builds [`http::Response`]s, and the client side in [`parse`].
//!
//! Users depend on the `apierror` facade crate, which re-exports what is public here.
//!
//! Where things live: the core model (`api_error`, `catalog`, `message`, `context`,
//! `traceparent`, `dynamic`) imports no format; each wire format is one file of
//! `format/`; `render`, `response` and `negotiate` are the plumbing over all formats;
//! `parse/` reads bodies back; `private` is the one door generated code uses.

#![forbid(unsafe_code)]
#![warn(missing_docs)]

mod api_error;
mod catalog;
mod context;
mod dynamic;
pub mod format;
mod language;
mod message;
mod negotiate;
#[cfg(feature = "utoipa")]
pub mod openapi;
pub mod parse;
mod parts;
#[doc(hidden)]
pub mod private;
mod render;
pub(crate) mod response;
mod traceparent;

pub use api_error::ApiError;
pub use catalog::{Catalog, Localized, Translation, VariantMeta};
pub use context::{ContextError, RequestContext};
pub use dynamic::{ArgsError, DynamicError};
pub use format::Format;
pub use message::{Message, MessageSink};
pub use render::{Renderer, View};
