//! Runtime of [`apierror`](https://docs.rs/apierror): the [`ApiError`] trait that
//! `#[derive(ApiError)]` implements, the static [`Catalog`] every derived type carries,
//! and the wire formats: [`OmiseFormat`], [`ProblemFormat`] (plain RFC 9457 and the Vipps
//! ePayment profile) and [`OneyFormat`], gathered in a [`Renderer`] that also negotiates
//! the format and builds [`http::Response`]s.
//!
//! Users normally depend on the `apierror` facade crate, which re-exports everything here.

#![forbid(unsafe_code)]
#![warn(missing_docs)]

mod api_error;
mod catalog;
mod context;
mod dynamic;
mod format;
pub mod json;
mod message;
mod negotiate;
pub mod omise;
pub mod oney;
#[cfg(feature = "utoipa")]
pub mod openapi;
pub mod parse;
pub mod problem;
mod received;
mod render;
mod response;
mod view;

pub use api_error::ApiError;
pub use catalog::{Catalog, JsonParts, Translation, VariantMeta};
pub use context::{ContextError, RequestContext, MAX_VALUE_LEN};
pub use dynamic::{placeholders, ArgsError, DynamicError};
pub use format::{Format, UnknownFormat};
pub use message::{Message, MessageSink};
pub use negotiate::{negotiate, negotiate_all};
pub use omise::{OmiseFormat, OmiseView};
pub use oney::{OneyFormat, OneyView};
pub use problem::{ProblemFormat, ProblemView, Profile, TypeKind};
pub use received::{capture, FromWireText, Received, TemplatePiece};
pub use render::{Renderer, View, MAX_ACCEPT_LINES};

/// What generated code reaches through `::apierror::__private`. Not public API.
#[doc(hidden)]
pub mod __private {
    pub use crate::json::{escape_str, json_value, raw, result};
    pub use crate::message::{write_pieces, write_static_message, Piece};
    pub use crate::received::{position, Rebuild};
    pub use crate::JsonParts;
    pub use core::option::Option::{self, None, Some};
    pub use core::result::Result::{Err, Ok};

    /// A field's text, for generated code: `as_str::<T>(field)` names the type, so the
    /// compiler has nothing to infer.
    #[inline]
    pub fn as_str<T: AsRef<str> + ?Sized>(value: &T) -> &str {
        value.as_ref()
    }
}
