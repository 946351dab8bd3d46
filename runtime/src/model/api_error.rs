//! The trait every derived error implements.

use core::fmt;

use http::StatusCode;

use crate::model::catalog::{same_language, Catalog, VariantMeta};
use crate::model::field_path::FieldPath;
use crate::model::message::{MessageSink, PlainSink};
use crate::model::parts::JsonParts;
use crate::model::received::Received;
use crate::model::violation::Violations;

/// An error that knows how it looks on the wire: status, code, title and message.
///
/// Implemented by `#[derive(ApiError)]`; the wire formats take any `ApiError`. The trait is
/// object safe, so errors of several types can be rendered together as `&dyn ApiError`.
///
/// ```
/// use apierror::ApiError;
///
/// #[derive(Debug, ApiError)]
/// enum ChargeError {
///     #[status(400)]
///     #[code("invalid_charge")]
///     #[message("amount must be at least {min} {currency}")]
///     InvalidCharge { min: u64, currency: &'static str },
/// }
///
/// let err = ChargeError::InvalidCharge { min: 2000, currency: "thb" };
/// assert_eq!(err.status(), http::StatusCode::BAD_REQUEST);
/// assert_eq!(err.code(), "invalid_charge");
/// assert_eq!(err.title(), "Invalid Charge");
/// assert_eq!(err.message().to_string(), "amount must be at least 2000 thb");
/// ```
pub trait ApiError {
    /// The catalog of every variant of this type.
    fn catalog() -> &'static Catalog
    where
        Self: Sized;

    /// The static metadata of this value's variant.
    fn meta(&self) -> &'static VariantMeta;

    /// Writes the message, piece by piece, into `out`.
    ///
    /// This is the full message, for logs as well as the wire; wire formats that must not
    /// leak internals call [`ApiError::write_public_message`] instead.
    fn write_message(&self, out: &mut dyn MessageSink) -> fmt::Result;

    /// Whether this value can write its message in `lang` ([`ApiError::write_message_in`]
    /// answers `Some`): where its variant has a translation into `lang` and no field
    /// replaces the message. The wire formats choose a body's language among those its
    /// errors answer `true` for.
    ///
    /// The derive implements this for types with translations; the default answers for the
    /// default language only. A type that wraps other errors forwards this call with
    /// [`ApiError::write_message_in`]; one that forwards neither is written in its default
    /// language, truthfully labelled.
    fn has_message_in(&self, lang: &str) -> bool {
        same_language(lang, self.meta().language)
    }

    /// Writes the message in `lang`; `None` when this value has no message in `lang` (see
    /// [`ApiError::has_message_in`]).
    ///
    /// The derive implements this for variants with translations; the default writes the
    /// message in the default language only. A type that wraps other errors (a composed
    /// catalog) forwards this call as it forwards [`ApiError::write_message`].
    fn write_message_in(&self, lang: &str, out: &mut dyn MessageSink) -> Option<fmt::Result> {
        same_language(lang, self.meta().language).then(|| self.write_message(out))
    }

    /// The JSON-escaped static parts of this value's bodies, computed at compile time.
    ///
    /// The derive implements this; a hand-written impl keeps the default `None`, and the
    /// wire formats then escape its `code()`, `title()` and message at run time. Not public
    /// API: the type it returns is the derive's cache.
    #[doc(hidden)]
    fn json_parts(&self) -> Option<&'static JsonParts> {
        None
    }

    /// Appends the public message, escaped for the inside of a JSON string, after its
    /// leading literal (`JsonParts::lead`), straight into `out`.
    ///
    /// The derive implements this for the variants whose parts carry a `lead`; the wire
    /// formats call it only for those, after copying the lead. The default, and the answer
    /// for any other value, is `Err`: the caller then drops what it wrote of the message
    /// and writes it through [`ApiError::write_public_message`] instead.
    #[doc(hidden)]
    fn write_json_rest(&self, out: &mut Vec<u8>) -> fmt::Result {
        let _ = out;
        Err(fmt::Error)
    }

    /// Appends the rest of the message in the translation at `index` of its parts'
    /// translations (`JsonParts::translations`), after its lead (`LanguageParts::lead`):
    /// the message as [`ApiError::write_message_in`] writes it, escaped for the inside of a
    /// JSON string, straight into `out`.
    ///
    /// The derive implements this for the variants with translations that no field
    /// replaces; it answers `Ok` only where [`ApiError::has_message_in`] answers `true` for
    /// that language, which lets a format write a translated body without asking that first.
    /// The default, and the answer for any other value or index, is `Err`: the caller then
    /// drops what it wrote of the message and goes the generic way. A type that forwards
    /// this must forward `json_parts` and `has_message_in` to the same value.
    #[doc(hidden)]
    fn write_json_rest_in(&self, index: usize, out: &mut Vec<u8>) -> fmt::Result {
        let _ = (index, out);
        Err(fmt::Error)
    }

    /// Calls `visit` with each value the message template prints, under its field's name
    /// (`"0"`, `"1"`, … in a tuple variant), each field once, in template order; never a
    /// `#[source]`. The Google format's `ErrorInfo.metadata` is made of these.
    ///
    /// The derive implements this; the default visits nothing.
    fn for_each_value(&self, visit: &mut dyn FnMut(&'static str, &dyn fmt::Display)) {
        let _ = visit;
    }

    /// The Oney `field`: the element of the request that led to this error, as declared
    /// (`#[field("…")]` or a `#[field]` member), written as it is in every format.
    fn field(&self) -> Option<&dyn fmt::Display> {
        None
    }

    /// [`ApiError::field`] where it is text already: the same text, which a format then
    /// escapes without the formatting machinery. The derive implements this for a
    /// constant field (`#[field("…")]`) and a `#[field]` member of a text type (`&str`,
    /// `String`, `Cow<str>`, …); by default, and for any other field, it answers `None`
    /// and formats write what `field` displays. A type that implements it answers with
    /// exactly what `field` displays.
    ///
    /// ```
    /// use apierror::ApiError;
    ///
    /// #[derive(Debug, ApiError)]
    /// enum E {
    ///     #[status(422)]
    ///     #[code("too_short")]
    ///     #[message("{field} is too short")]
    ///     TooShort {
    ///         #[field]
    ///         field: String,
    ///     },
    ///     #[status(422)]
    ///     #[code("bad_line")]
    ///     #[message("line {line} is invalid")]
    ///     BadLine {
    ///         #[field]
    ///         line: u32,
    ///     },
    /// }
    ///
    /// let short = E::TooShort { field: "name".into() };
    /// assert_eq!(short.field_text(), Some("name"));
    /// assert_eq!(short.field().unwrap().to_string(), "name");
    /// let line = E::BadLine { line: 7 };
    /// assert_eq!(line.field_text(), None);
    /// assert_eq!(line.field().unwrap().to_string(), "7");
    /// ```
    fn field_text(&self) -> Option<&str> {
        None
    }

    /// The element of the request this error is about as a path of members and indices,
    /// which each format writes in its own notation ([`Notation`](crate::Notation)). A
    /// [`FieldViolation`](crate::FieldViolation) answers with its path; by default there is
    /// none, and a format writes [`ApiError::field`] as it is.
    fn field_path(&self) -> Option<&FieldPath> {
        None
    }

    /// The invalid fields this error stands for: the violations of a validation failure,
    /// which a body lists as its entries under this error
    /// ([`Body::entries`](crate::format::Body::entries)). None by default.
    fn violations(&self) -> Violations<'_> {
        Violations::NONE
    }

    /// Rebuilds the value of variant `meta` (an entry of this type's catalog) from what a
    /// received body carries, where every field can be read back; `None` otherwise.
    ///
    /// ```
    /// use apierror::parse::Received;
    /// use apierror::ApiError;
    ///
    /// #[derive(Debug, PartialEq, ApiError)]
    /// enum ChargeError {
    ///     #[status(400)]
    ///     #[code("invalid_charge")]
    ///     #[message("amount must be at least {min} {currency}")]
    ///     InvalidCharge { min: u64, currency: String },
    /// }
    ///
    /// let meta = ChargeError::catalog().find("invalid_charge").unwrap();
    /// let received = Received { message: Some("amount must be at least 2000 thb"), field: None };
    /// assert_eq!(
    ///     ChargeError::from_received(meta, &received),
    ///     Some(ChargeError::InvalidCharge { min: 2000, currency: "thb".into() })
    /// );
    /// ```
    fn from_received(meta: &VariantMeta, received: &Received<'_>) -> Option<Self>
    where
        Self: Sized,
    {
        let _ = (meta, received);
        None
    }

    /// The HTTP status.
    fn status(&self) -> StatusCode {
        self.meta().status_code()
    }

    /// The machine-readable code.
    fn code(&self) -> &'static str {
        self.meta().code
    }

    /// The short human-readable summary.
    fn title(&self) -> &'static str {
        self.meta().title
    }

    /// The rendered message: `Display` renders it without allocating.
    ///
    /// On a trait object, which this method (it needs `Sized` to keep the trait dyn
    /// compatible) does not serve, use [`Message::new`]`(&*err)`.
    fn message(&self) -> Message<'_, Self>
    where
        Self: Sized,
    {
        Message(self)
    }

    /// Writes the message that may go on the wire.
    ///
    /// For a server error (5xx) whose message comes from the type's `Display` (no
    /// `#[message]`; a 5xx's thiserror `#[error]` text is never its template), that text may
    /// carry a source error's details, so the status's canonical reason
    /// (`Internal Server Error`) is written instead. Every other message is declared by the
    /// type's author and is written as is. [`format::JsonWriter::message`](crate::format::JsonWriter::message)
    /// and every format write this.
    fn write_public_message(&self, out: &mut dyn MessageSink) -> fmt::Result {
        let meta = self.meta();
        if meta.is_server_error() && meta.message.is_none() {
            let reason = meta
                .status_code()
                .canonical_reason()
                .unwrap_or("Server Error");
            // Canonical reasons are plain ASCII words: escaped and raw forms are the same.
            return out.literal(reason, reason);
        }
        self.write_message(out)
    }

    /// [`ApiError::write_public_message`] in `lang`; `None` when this value has no message
    /// in `lang`.
    fn write_public_message_in(
        &self,
        lang: &str,
        out: &mut dyn MessageSink,
    ) -> Option<fmt::Result> {
        let meta = self.meta();
        if same_language(lang, meta.language) {
            return Some(self.write_public_message(out));
        }
        // A message from `Display` has no translation; a translated template is declared.
        self.write_message_in(lang, out)
    }
}

/// The rendered message of an error, returned by [`ApiError::message`].
///
/// Its `Display` renders the template without allocating; `to_string()` gives the text.
pub struct Message<'e, E: ?Sized>(pub(crate) &'e E);

impl<'e, E: ApiError + ?Sized> Message<'e, E> {
    /// The message of `error`; the way to reach it on a trait object.
    ///
    /// ```
    /// # #[derive(apierror::ApiError)]
    /// # #[status(429)] #[code("rate_limited")] #[message("slow down")]
    /// # struct RateLimited;
    /// use apierror::{ApiError, Message};
    /// let err: Box<dyn ApiError> = Box::new(RateLimited);
    /// assert_eq!(Message::new(&*err).to_string(), "slow down");
    /// ```
    pub fn new(error: &'e E) -> Self {
        Message(error)
    }
}

impl<E: ApiError + ?Sized> fmt::Display for Message<'_, E> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        self.0.write_message(&mut PlainSink(f))
    }
}

impl<E: ApiError + ?Sized> fmt::Debug for Message<'_, E> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        // Shown as the rendered text in quotes; the text itself is not escaped.
        f.write_str("Message(\"")?;
        fmt::Display::fmt(self, f)?;
        f.write_str("\")")
    }
}
