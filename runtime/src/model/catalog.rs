//! Static metadata: one [`VariantMeta`] per variant, gathered in a per-type [`Catalog`].

use http::StatusCode;

/// Everything known at compile time about one error variant.
///
/// The derive builds one of these per variant as a `static`, so reading it costs nothing
/// and it can be listed at run time for reference pages, OpenAPI documents and client-side
/// lookup by code.
///
/// It is `#[non_exhaustive]`: new facts about a variant are new fields, not a breaking
/// change. Read its fields; an entry is made by the derive (or copied from another
/// catalog, as a composed catalog does).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
#[non_exhaustive]
pub struct VariantMeta {
    /// The Rust name of the variant (the type name for a struct).
    pub name: &'static str,
    /// The HTTP status, always in `400..=599`.
    pub status: u16,
    /// The machine-readable code, e.g. `used_token`.
    pub code: &'static str,
    /// A short human-readable summary, e.g. `Used Token`.
    pub title: &'static str,
    /// The message template as written, with `{field}` placeholders: `#[message("…")]`'s,
    /// else thiserror's `#[error("…")]`'s where the derive reads it as the template (see the
    /// facade's "Pairing with thiserror"). `None` when the message is the type's `Display`
    /// as a whole; a server error (5xx) then writes its status's canonical reason on the
    /// wire instead.
    pub message: Option<&'static str>,
    /// The English description, from the variant's doc comment (empty when there is none).
    pub description: &'static str,
    /// Descriptions in other languages, from `#[description(ja = "…")]`.
    pub translations: &'static [Translation],
    /// The constant Oney `field` of `#[field("…")]`, if any.
    pub field: Option<&'static str>,
    /// The names of the variant's fields (`"0"`, `"1"`, … for tuple variants).
    pub fields: &'static [&'static str],
    /// The message template in pieces, for reading received messages back (empty where
    /// [`message`](Self::message) is `None`).
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
    /// Facts a wire format needs that the derive does not model, from `#[meta(key =
    /// "value")]`: the variant's own entries in the order written, then the enum's for the
    /// keys the variant does not give. Read one with [`VariantMeta::meta_value`].
    pub meta: &'static [(&'static str, &'static str)],
    /// Whether a received body can rebuild this variant as a typed value
    /// ([`ApiError::from_received`](crate::ApiError::from_received) answers for it): every
    /// field is one the body carries (printed by the message template, the Oney field, or a
    /// `#[message]` field) and of a type received text can become.
    ///
    /// `false` where the client can never rebuild it and decodes such a body untyped
    /// (with its status, code and message): a field of another type (an error, a struct),
    /// a `#[source]` / `#[from]` field, or a field no template prints, as in a variant whose
    /// message is thiserror's `#[error(…)]` written with member access (`{0.len}`,
    /// `.field.sub`), extra format arguments or `transparent`. A variant without fields is
    /// always rebuildable.
    ///
    /// ```
    /// #[derive(Debug, thiserror::Error, apierror::ApiError)]
    /// enum OrderError {
    ///     #[error("order {id} was not found")]
    ///     #[status(404)]
    ///     #[code("order_not_found")]
    ///     NotFound { id: u64 },
    ///
    ///     #[error("{} items are too many", .items.len())]
    ///     #[status(400)]
    ///     #[code("too_many_items")]
    ///     TooMany { items: Vec<u64> },
    /// }
    ///
    /// use apierror::ApiError;
    /// let catalog = OrderError::catalog();
    /// assert!(catalog.find("order_not_found").unwrap().rebuildable);
    /// assert!(!catalog.find("too_many_items").unwrap().rebuildable);
    /// ```
    pub rebuildable: bool,
    /// Seconds a client should wait before retrying, from `#[retry_after(5)]` (on the
    /// variant, or on the enum for its 429 and 503 variants): sent as the `Retry-After`
    /// header in every format, and as Google's `RetryInfo`.
    ///
    /// ```
    /// #[derive(Debug, apierror::ApiError)]
    /// #[retry_after(30)]
    /// enum GatewayError {
    ///     #[status(503)]
    ///     #[code("maintenance")]
    ///     #[message("the gateway is under maintenance")]
    ///     Maintenance,
    ///
    ///     #[status(429)]
    ///     #[code("rate_limited")]
    ///     #[message("slow down")]
    ///     #[retry_after(2)]
    ///     RateLimited,
    ///
    ///     #[status(404)]
    ///     #[code("not_found")]
    ///     #[message("no such charge")]
    ///     NotFound,
    /// }
    ///
    /// use apierror::ApiError;
    /// let find = |code| GatewayError::catalog().find(code).unwrap().retry_after;
    /// assert_eq!(find("maintenance"), Some(30));
    /// assert_eq!(find("rate_limited"), Some(2));
    /// assert_eq!(find("not_found"), None);
    /// ```
    pub retry_after: Option<u32>,
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
        if same_language(lang, self.language) {
            return Some(self.title);
        }
        self.localized_in(lang)?.title
    }

    /// The message template in `lang`, where the variant has one in that language.
    pub fn message_in(&self, lang: &str) -> Option<&'static str> {
        if same_language(lang, self.language) {
            return self.message;
        }
        self.localized_in(lang)?.message
    }

    /// The value of `key` among the variant's `#[meta(…)]` facts (the enum's where the
    /// variant gives none for `key`).
    ///
    /// ```
    /// #[derive(apierror::ApiError)]
    /// #[meta(doc_url = "https://example.com/errors")]
    /// enum PaymentError {
    ///     #[status(402)]
    ///     #[code("card_declined")]
    ///     #[message("your card was declined")]
    ///     #[meta(stripe_type = "card_error")]
    ///     CardDeclined,
    ///
    ///     #[status(400)]
    ///     #[code("used_token")]
    ///     #[message("token was already used")]
    ///     #[meta(doc_url = "https://example.com/errors/used-token")]
    ///     UsedToken,
    /// }
    ///
    /// use apierror::ApiError;
    /// let declined = PaymentError::CardDeclined.meta();
    /// assert_eq!(declined.meta_value("stripe_type"), Some("card_error"));
    /// assert_eq!(declined.meta_value("doc_url"), Some("https://example.com/errors"));
    /// let used = PaymentError::UsedToken.meta();
    /// assert_eq!(used.meta_value("doc_url"), Some("https://example.com/errors/used-token"));
    /// assert_eq!(used.meta_value("stripe_type"), None);
    /// ```
    pub fn meta_value(&self, key: &str) -> Option<&'static str> {
        self.meta.iter().find(|(k, _)| *k == key).map(|(_, v)| *v)
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
///
/// It is `#[non_exhaustive]`: make one with [`Catalog::new`].
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
#[non_exhaustive]
pub struct Catalog {
    /// The Rust name of the type.
    pub name: &'static str,
    /// One entry per variant, in declaration order.
    pub variants: &'static [VariantMeta],
}

impl Catalog {
    /// The catalog of type `name` with these variants: the derive makes one per type, and a
    /// type that composes others (an enum wrapping two derived ones) makes its own from
    /// their entries.
    ///
    /// ```
    /// use apierror::{ApiError, Catalog};
    ///
    /// #[derive(Debug, ApiError)]
    /// enum ShopError {
    ///     #[status(404)]
    ///     #[code("cart_not_found")]
    ///     #[message("cart {id} was not found")]
    ///     CartNotFound { id: u64 },
    /// }
    ///
    /// let composed = Catalog::new("AppError", ShopError::catalog().variants);
    /// assert_eq!(composed.find("cart_not_found").unwrap().name, "CartNotFound");
    /// ```
    pub const fn new(name: &'static str, variants: &'static [VariantMeta]) -> Self {
        Catalog { name, variants }
    }

    /// The first variant with this code.
    ///
    /// ```
    /// # use apierror::{Catalog, VariantMeta};
    /// # static V: [VariantMeta; 0] = [];
    /// let catalog = Catalog::new("Empty", &V);
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

/// Whether two language tags are the same (ASCII case ignored). A tag handed on from a
/// variant's own metadata is its very text: that is checked first, by address, before
/// the characters are compared.
#[inline]
pub(crate) fn same_language(a: &str, b: &str) -> bool {
    core::ptr::eq(a, b) || a.eq_ignore_ascii_case(b)
}
