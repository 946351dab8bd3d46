//! Runtime of [`apierror`](https://docs.rs/apierror): the [`ApiError`] trait that
//! `#[derive(ApiError)]` implements, the static [`Catalog`] every derived type carries,
//! the open [`WireFormat`](format::WireFormat) trait and the built-in formats in
//! [`mod@format`], gathered in a [`Renderer`] that also negotiates the format and builds
//! [`http::Response`]s, and the client side in [`parse`].
//!
//! Users depend on the `apierror` facade crate, which re-exports what is public here.
//!
//! The modules form layers, each importing only from the layers before it in this list,
//! never sideways into another format and never in a circle:
//!
//! | layer | module | what it holds |
//! |---|---|---|
//! | model | `model/` | the `ApiError` trait, catalogs, messages, the derive's parts |
//! | request | `request/` | `RequestContext`, trace context, parsed preferences |
//! | negotiation | `negotiate/` | `Accept` → a format, `Accept-Language` → a language |
//! | formats | `format/` | `WireFormat`, `Body`, `JsonWriter`, one file per built-in |
//! | rendering | `render/` | `Renderer`, `http::Response`, its headers |
//! | client | `parse/` | `Decoder`: detection, lookup in a catalog, typed rebuild |
//! | openapi | `openapi/` | each format's schema and examples |
//!
//! `private` is the one door generated code uses, and may reach into any layer.

#![forbid(unsafe_code)]
#![warn(missing_docs)]

pub mod format;
mod model;
mod negotiate;
#[cfg(feature = "utoipa")]
pub mod openapi;
pub mod parse;
#[doc(hidden)]
pub mod private;
mod render;
mod request;

pub use format::Format;
pub use model::api_error::ApiError;
pub use model::api_error::Message;
pub use model::catalog::{Catalog, Localized, Translation, VariantMeta};
pub use model::dynamic::{ArgsError, DynamicError};
pub use model::field_path::{FieldPath, Notation, Segment};
pub use model::message::MessageSink;
pub use model::rule::Rule;
pub use model::violation::{FieldViolation, Violations, MAX_VIOLATIONS};
pub use render::{Renderer, View};
pub use request::context::{ContextError, RequestContext};
