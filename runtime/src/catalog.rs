//! Static metadata: one [`VariantMeta`] per variant, gathered in a per-type [`Catalog`].

use http::StatusCode;

use crate::TemplatePiece;

/// Everything known at compile time about one error variant.
///
/// The derive builds one of these per variant as a `static`, so reading it costs nothing
/// and it can be listed at run time for reference pages, OpenAPI documents and client-side
/// lookup by code.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct VariantMeta {
    /// The Rust name of the variant (the type name for a struct).
    pub name: &'static str,
    /// The HTTP status, always in `400..=599`.
    pub status: u16,
    /// The machine-readable code, e.g. `used_token`.
    pub code: &'static str,
    /// A short human-readable summary, e.g. `Used Token`.
    pub title: &'static str,
    /// The message template as written in `#[message("…")]`, with `{field}` placeholders;
    /// `None` when the message comes from the type's `Display`.
    pub message: Option<&'static str>,
    /// The English description, from the variant's doc comment (empty when there is none).
    pub description: &'static str,
    /// Descriptions in other languages, from `#[description(ja = "…")]`.
    pub translations: &'static [Translation],
    /// The constant Oney `field` of `#[field("…")]`, if any.
    pub field: Option<&'static str>,
    /// The names of the variant's fields (`"0"`, `"1"`, … for tuple variants).
    pub fields: &'static [&'static str],
    /// The message template in pieces (empty without `#[message]`), for reading received
    /// messages back.
    pub pieces: &'static [TemplatePiece],
    /// The container's `location = "…"`: base URL of the Omise error reference.
    pub location: Option<&'static str>,
}

impl VariantMeta {
    /// The HTTP status as an [`http::StatusCode`].
    ///
    /// The derive only accepts `400..=599`, so the fallback to `500` is never taken for
    /// derived metadata; it keeps hand-built metadata from panicking.
    pub fn status_code(&self) -> StatusCode {
        StatusCode::from_u16(self.status).unwrap_or(StatusCode::INTERNAL_SERVER_ERROR)
    }

    /// Whether this is a server error (5xx), whose message must not carry source text.
    pub fn is_server_error(&self) -> bool {
        self.status >= 500
    }

    /// The description in `lang` (an ISO 639-1 code such as `"ja"`), falling back to English.
    pub fn description_in(&self, lang: &str) -> &'static str {
        self.translations
            .iter()
            .find(|t| t.lang.eq_ignore_ascii_case(lang))
            .map_or(self.description, |t| t.description)
    }
}

/// A description of a variant in another language.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Translation {
    /// ISO 639-1 language code, lower case (`"ja"`).
    pub lang: &'static str,
    /// The description in that language.
    pub description: &'static str,
}

/// Every variant of one derived type, in declaration order.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Catalog {
    /// The Rust name of the type.
    pub name: &'static str,
    /// One entry per variant, in declaration order.
    pub variants: &'static [VariantMeta],
}

impl Catalog {
    /// The first variant with this code.
    ///
    /// ```
    /// # use apierror_runtime::{Catalog, VariantMeta};
    /// # static V: [VariantMeta; 0] = [];
    /// # let catalog = Catalog { name: "Empty", variants: &V };
    /// assert!(catalog.find("used_token").is_none());
    /// ```
    pub fn find(&self, code: &str) -> Option<&'static VariantMeta> {
        self.variants.iter().find(|v| v.code == code)
    }

    /// Every variant with this code: more than one where the type allows duplicate codes
    /// (Oney services reuse `ERR_07` for several fields).
    pub fn find_all<'c>(&self, code: &'c str) -> impl Iterator<Item = &'static VariantMeta> + 'c {
        self.variants.iter().filter(move |v| v.code == code)
    }

    /// The variant with this Rust name.
    pub fn variant(&self, name: &str) -> Option<&'static VariantMeta> {
        self.variants.iter().find(|v| v.name == name)
    }
}

/// The JSON-escaped static parts of one variant's bodies, computed by the derive at compile
/// time so that the wire formats copy them instead of escaping at run time.
///
/// The derive emits one per variant, beside the [`VariantMeta`] table, and returns it from
/// [`ApiError::json_parts`](crate::ApiError::json_parts). A hand-written `ApiError` returns
/// `None` there (the default), and is rendered from its `code()`, `title()` and
/// `write_message` instead: its parts are then known to be its own.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct JsonParts {
    /// The code, escaped for the inside of a JSON string.
    pub code: &'static str,
    /// The whole message, escaped, when it has no placeholders and no field can override
    /// it; `None` otherwise (it is then written by `write_public_message`).
    pub message: Option<&'static str>,
    /// The leading literal of the message template, escaped, when the derive writes the
    /// rest of this variant's message straight into a buffer
    /// ([`ApiError::write_json_rest`](crate::ApiError::write_json_rest)): a template with
    /// placeholders and no field that can override it. Empty when the template starts with
    /// a placeholder; `None` for every other variant.
    pub lead: Option<&'static str>,
    /// The head of an Omise body, all escaped: `{"object":"error","location":"…#…",
    /// "code":"…","message":"`, then as much of the message as is known: all of a static
    /// message and the closing `"}` (the whole body), or a template's [`JsonParts::lead`].
    /// The location is the type's own, or else
    /// [`omise::DEFAULT_LOCATION`](crate::omise::DEFAULT_LOCATION).
    pub omise_head: &'static str,
    /// The part of a problem body from the status digits of a `type` made of a base and the
    /// status up to the detail: `400","title":"…","status":400,"detail":"`, with the
    /// variant's own title (escaped) and status.
    pub status_head: &'static str,
    /// The container's `location = "…"`, as in [`VariantMeta::location`] (not escaped).
    pub location: Option<&'static str>,
}

impl JsonParts {
    /// The part of a problem body after the `type` member's value up to the detail:
    /// `","title":"…","status":400,"detail":"`, i.e. [`JsonParts::status_head`] after its
    /// three status digits.
    pub fn title_head(&self) -> &'static str {
        self.status_head.get(3..).unwrap_or_default()
    }
}
