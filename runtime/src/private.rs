//! The one door generated code goes through (`::apierror::__private::…`), and the helpers
//! the facade's integrations share with the runtime. Nothing here is public API: names may
//! change in any release.

pub use core::option::Option::{self, None, Some};
pub use core::result::Result::{Err, Ok};

pub use crate::format::google::CODE_NAMES as GRPC_CODE_NAMES;
pub use crate::format::json::{escape_str, json_integer, json_value, raw, result};
pub use crate::model::api_error::ApiError;
pub use crate::model::catalog::{Catalog, Localized, TemplatePiece, Translation, VariantMeta};
pub use crate::model::message::MessageSink;
pub use crate::model::parts::{language_key, GoogleUnit, JsonParts, LanguageParts};
pub use crate::model::pieces::{write_message_from_tables, write_pieces, Piece};
pub use crate::model::received::Received;
pub use crate::parse::rebuild::{position, FromWireText, Rebuild};
pub use crate::render::response::vary_on_accept;
pub use crate::request::traceparent::{Traceparent, LEN as TRACEPARENT_LEN};

/// Every field of a [`VariantMeta`], for generated code: `VariantMeta` is
/// `#[non_exhaustive]`, so no other crate can write it as a struct literal. The derive
/// writes this one instead, saying only what differs from its type's base entry
/// (`..BASE`), and [`variant_meta`] turns it into the entry. Its fields are
/// `VariantMeta`'s, documented there.
#[derive(Clone, Copy)]
#[allow(missing_docs)]
pub struct VariantMetaFields {
    pub name: &'static str,
    pub status: u16,
    pub code: &'static str,
    pub title: &'static str,
    pub message: Option<&'static str>,
    pub description: &'static str,
    pub translations: &'static [Translation],
    pub field: Option<&'static str>,
    pub fields: &'static [&'static str],
    pub pieces: &'static [TemplatePiece],
    pub location: Option<&'static str>,
    pub language: &'static str,
    pub localized: &'static [Localized],
    pub domain: Option<&'static str>,
    pub grpc: Option<&'static str>,
    pub meta: &'static [(&'static str, &'static str)],
    pub rebuildable: bool,
    pub retry_after: Option<u32>,
}

/// The catalog entry of `f`: one call per variant in a `const`, moves only, so it
/// costs the compiler next to nothing over the struct literal it stands for.
#[inline]
pub const fn variant_meta(f: VariantMetaFields) -> VariantMeta {
    VariantMeta {
        name: f.name,
        status: f.status,
        code: f.code,
        title: f.title,
        message: f.message,
        description: f.description,
        translations: f.translations,
        field: f.field,
        fields: f.fields,
        pieces: f.pieces,
        location: f.location,
        language: f.language,
        localized: f.localized,
        domain: f.domain,
        grpc: f.grpc,
        meta: f.meta,
        rebuildable: f.rebuildable,
        retry_after: f.retry_after,
    }
}

/// A field's text, for generated code: `as_str::<T>(field)` names the type, so the
/// compiler has nothing to infer.
#[inline]
pub fn as_str<T: AsRef<str> + ?Sized>(value: &T) -> &str {
    value.as_ref()
}
