//! The one door generated code goes through (`::apierror::__private::…`), and the helpers
//! the facade's integrations share with the runtime. Nothing here is public API: names may
//! change in any release.

pub use core::option::Option::{self, None, Some};
pub use core::result::Result::{Err, Ok};

pub use crate::format::google::CODE_NAMES as GRPC_CODE_NAMES;
pub use crate::format::json::{escape_str, json_value, raw, result};
pub use crate::model::api_error::ApiError;
pub use crate::model::catalog::{Catalog, Localized, TemplatePiece, Translation, VariantMeta};
pub use crate::model::message::MessageSink;
pub use crate::model::parts::{language_key, GoogleUnit, JsonParts, LanguageParts};
pub use crate::model::pieces::{write_message_from_tables, write_pieces, Piece};
pub use crate::model::received::Received;
pub use crate::parse::rebuild::{position, FromWireText, Rebuild};
pub use crate::render::response::vary_on_accept;
pub use crate::request::traceparent::{Traceparent, LEN as TRACEPARENT_LEN};

/// A field's text, for generated code: `as_str::<T>(field)` names the type, so the
/// compiler has nothing to infer.
#[inline]
pub fn as_str<T: AsRef<str> + ?Sized>(value: &T) -> &str {
    value.as_ref()
}
