//! Static metadata: one [`VariantMeta`] per variant, gathered in a per-type [`Catalog`].

use http::StatusCode;

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
    /// The language the default title, message and description are written in: the
    /// container's `lang = "…"`, `en` when absent.
    pub language: &'static str,
    /// The title and message in other languages, from `#[message(ja = "…")]` and
    /// `#[title(ja = "…")]`, one entry per language.
    pub localized: &'static [Localized],
    /// The container's `domain = "…"`: the Google `ErrorInfo.domain`.
    pub domain: Option<&'static str>,
    /// The variant's `#[grpc(…)]`: its `google.rpc.Code` name, where it names one.
    pub grpc: Option<&'static str>,
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

    /// The placeholder names of the message template, each once, in order.
    ///
    /// ```
    /// #[derive(apierror::ApiError)]
    /// #[status(400)]
    /// #[code("invalid_charge")]
    /// #[message("{currency}: at least {min} {currency}")]
    /// struct InvalidCharge { min: u64, currency: String }
    ///
    /// use apierror::ApiError;
    /// let meta = InvalidCharge::catalog().variants[0];
    /// assert_eq!(meta.placeholders().collect::<Vec<_>>(), ["currency", "min"]);
    /// ```
    pub fn placeholders(&self) -> impl Iterator<Item = &'static str> {
        let pieces = self.pieces;
        pieces
            .iter()
            .enumerate()
            .filter_map(move |(i, piece)| match piece {
                TemplatePiece::Field(name) => {
                    let first = !pieces[..i].contains(piece);
                    first.then_some(*name)
                }
                TemplatePiece::Literal(_) => None,
            })
    }

    /// Every language this variant's message is written in: its default language first,
    /// then the translations (none for a message that comes from the type's `Display`).
    pub fn languages(&self) -> impl Iterator<Item = &'static str> + '_ {
        let translated = self.localized.iter().filter(|l| l.message.is_some());
        core::iter::once(self.language).chain(translated.map(|l| l.lang))
    }

    /// The entry of `lang` among the translations.
    pub fn localized_in(&self, lang: &str) -> Option<&'static Localized> {
        self.localized
            .iter()
            .find(|l| l.lang.eq_ignore_ascii_case(lang))
    }

    /// The title in `lang`, where the variant has one in that language.
    pub fn title_in(&self, lang: &str) -> Option<&'static str> {
        if lang.eq_ignore_ascii_case(self.language) {
            return Some(self.title);
        }
        self.localized_in(lang)?.title
    }

    /// The message template in `lang`, where the variant has one in that language.
    pub fn message_in(&self, lang: &str) -> Option<&'static str> {
        if lang.eq_ignore_ascii_case(self.language) {
            return self.message;
        }
        self.localized_in(lang)?.message
    }

    /// The description in `lang` (an ISO 639-1 code such as `"ja"`), falling back to English.
    pub fn description_in(&self, lang: &str) -> &'static str {
        self.translations
            .iter()
            .find(|t| t.lang.eq_ignore_ascii_case(lang))
            .map_or(self.description, |t| t.description)
    }
}

/// A variant's title and message in another language.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Localized {
    /// The language tag, as written in the attribute (`"ja"`, `"pt-BR"`).
    pub lang: &'static str,
    /// The title, from `#[title(ja = "…")]`.
    pub title: Option<&'static str>,
    /// The message template, from `#[message(ja = "…")]`, with `{field}` placeholders.
    pub message: Option<&'static str>,
    /// The message template in pieces (empty without a translated message).
    pub pieces: &'static [TemplatePiece],
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
    /// # use apierror::{Catalog, VariantMeta};
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

/// A piece of a message template, kept in [`VariantMeta::pieces`](crate::VariantMeta::pieces)
/// so that reference pages can show it and a received message can be matched against it
/// ([`parse::capture`](crate::parse::capture)).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum TemplatePiece {
    /// Literal text.
    Literal(&'static str),
    /// A placeholder: the field's name (`"min"`, or `"0"` in a tuple variant).
    Field(&'static str),
}
