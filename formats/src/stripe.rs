//! Stripe's error object (docs.stripe.com/api/errors): one error per body.
//!
//! ```text
//! {"error":{"type":"invalid_request_error","code":"used_token","message":"token was already used","param":"card[number]","doc_url":"https://docs.example.com/errors/used_token"}}
//! ```
//!
//! Stripe's client libraries choose their exception by the HTTP status first (400 and 404
//! invalid request, or idempotency where `type` says so; 401 authentication; 402 card; 403
//! permission; 429 rate limit; anything else an API error), so `type` follows the status
//! unless a variant says otherwise: see [`StripeType::for_status`]. A status Stripe never
//! sends (409, 422) is an API error to them whatever `type` says (stripe-python 16,
//! `tests/test_sdk.rs`).
//!
//! A validation failure is one error too: the failure's `type`, `code` and `doc_url`, with
//! the first invalid field's message and its path as `param` (`items[2][sku]`).

use core::fmt::{self, Display, Write};

use apierror_runtime::format::{
    Body, Confidence, JsonWriter, OptionError, ParseError, ReadMode, ReceivedBody, WireFormat,
};
use apierror_runtime::{ApiError, Format};
use serde::ser::{Serialize, SerializeStruct, Serializer};
use serde_json::{json, Map, Value};

use crate::meta::variant_meta;
use crate::notation::{self, InBrackets, Place};
use crate::put::raw;
use crate::read;
use crate::view::Collect;

/// The `type` of a Stripe error: what Stripe's client libraries read, beside the HTTP
/// status, to choose an exception.
///
/// ```
/// use apierror::format::StripeType;
///
/// assert_eq!(StripeType::for_status(402), StripeType::CardError);
/// assert_eq!(StripeType::for_status(503).as_str(), "api_error");
/// assert_eq!(StripeType::from_name("idempotency_error"), Some(StripeType::IdempotencyError));
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum StripeType {
    /// `api_error`: a problem on the server's side (any 5xx by default).
    ApiError,
    /// `card_error`: the card cannot be charged (402 by default; a variant may send it
    /// with another status, as Stripe does with 400 for some card checks).
    CardError,
    /// `idempotency_error`: an `Idempotency-Key` reused with other parameters (sent with
    /// 400; the client libraries raise their idempotency exception for it).
    IdempotencyError,
    /// `invalid_request_error`: the request is wrong (any other 4xx by default).
    InvalidRequestError,
}

impl StripeType {
    /// Every type, in alphabetical order.
    ///
    /// ```
    /// use apierror::format::StripeType;
    /// assert_eq!(StripeType::ALL.map(StripeType::as_str)[0], "api_error");
    /// ```
    pub const ALL: [StripeType; 4] = [
        StripeType::ApiError,
        StripeType::CardError,
        StripeType::IdempotencyError,
        StripeType::InvalidRequestError,
    ];

    /// The type Stripe sends with `status`: `card_error` for 402, `api_error` for 5xx
    /// (and anything that is not an error status), `invalid_request_error` for any other
    /// 4xx.
    ///
    /// ```
    /// use apierror::format::StripeType;
    /// assert_eq!(StripeType::for_status(404), StripeType::InvalidRequestError);
    /// assert_eq!(StripeType::for_status(200), StripeType::ApiError);
    /// ```
    pub const fn for_status(status: u16) -> StripeType {
        match status {
            402 => StripeType::CardError,
            400..=499 => StripeType::InvalidRequestError,
            _ => StripeType::ApiError,
        }
    }

    /// The type's name on the wire.
    ///
    /// ```
    /// use apierror::format::StripeType;
    /// assert_eq!(StripeType::CardError.as_str(), "card_error");
    /// assert_eq!(StripeType::CardError.to_string(), "card_error");
    /// ```
    pub const fn as_str(self) -> &'static str {
        match self {
            StripeType::ApiError => "api_error",
            StripeType::CardError => "card_error",
            StripeType::IdempotencyError => "idempotency_error",
            StripeType::InvalidRequestError => "invalid_request_error",
        }
    }

    /// The type named `name` on the wire, if it is one of these.
    ///
    /// ```
    /// use apierror::format::StripeType;
    /// assert_eq!(StripeType::from_name("api_error"), Some(StripeType::ApiError));
    /// assert_eq!(StripeType::from_name("teapot_error"), None);
    /// ```
    pub fn from_name(name: &str) -> Option<StripeType> {
        StripeType::ALL.into_iter().find(|t| t.as_str() == name)
    }

    /// How a body starts, up to its code: one copy for all the structure before it.
    const fn head(self) -> &'static str {
        match self {
            StripeType::ApiError => r#"{"error":{"type":"api_error","code":"#,
            StripeType::CardError => r#"{"error":{"type":"card_error","code":"#,
            StripeType::IdempotencyError => r#"{"error":{"type":"idempotency_error","code":"#,
            StripeType::InvalidRequestError => {
                r#"{"error":{"type":"invalid_request_error","code":"#
            }
        }
    }
}

impl Display for StripeType {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// Types a received body may carry, the four Stripe sends today and those its older API
/// versions sent: any of them makes a body Stripe's.
const KNOWN_TYPES: [&str; 7] = [
    "api_error",
    "card_error",
    "idempotency_error",
    "invalid_request_error",
    "authentication_error",
    "rate_limit_error",
    "api_connection_error",
];

/// Most bytes of a URL option: far above any real one.
const MAX_URL_LEN: usize = 2048;

/// The Stripe format: its options, the base of `doc_url` and the per-code overrides of
/// `type` and `doc_url`.
///
/// - `type` is, in this order of precedence: the format's [`Stripe::with_type_for`] for
///   the error's code (how a server overrides a catalog it does not own), the variant's
///   `#[meta(stripe_type = "…")]`, else [`StripeType::for_status`].
/// - `param` is the error's field in Stripe's bracket notation: `items[0][price]` from
///   `items[0].price` or `items.0.price`; a path ([`ApiError::field_path`]) in
///   [`Notation::Brackets`](apierror_runtime::Notation::Brackets), with `%`, `[` and `]`
///   inside a name percent-encoded; absent where the error has no field.
/// - A validation failure ([`Body::is_summary`]) is sent as its summary's `type`, `code`
///   and `doc_url` with the first violation's `param` and message, so that the one error
///   says which field is wrong and how; the message stays the summary's where the
///   violation has none in the summary's language (`Content-Language` names that one
///   language).
/// - `doc_url` is the format's [`Stripe::with_doc_url_for`] for the code, the variant's
///   `#[meta(doc_url = "…")]`, else the [`Stripe::with_doc_base`] base, `/` and the code
///   (Stripe's own shape, `https://stripe.com/docs/error-codes/<code>`); absent without
///   any of them.
///
/// ```
/// use apierror::format::{Body, Stripe, StripeType, WireFormat};
/// use apierror::{ApiError, RequestContext};
///
/// #[derive(Debug, ApiError)]
/// enum PayError {
///     #[status(400)]
///     #[code("parameter_missing")]
///     #[message("missing required param: {param}")]
///     Missing {
///         #[field]
///         param: String,
///     },
///     #[status(400)]
///     #[code("idempotency_key_in_use")]
///     #[message("keys for idempotent requests can only be used with the same parameters")]
///     KeyInUse,
/// }
///
/// let stripe = Stripe::new()
///     .with_doc_base("https://docs.example.com/errors")?
///     .with_type_for("idempotency_key_in_use", StripeType::IdempotencyError);
/// let ctx = RequestContext::new();
///
/// let err = PayError::Missing { param: "items[0].price".into() };
/// let mut out = Vec::new();
/// stripe.write(&Body::new(&[&err], &ctx), &mut out);
/// assert_eq!(
///     std::str::from_utf8(&out).unwrap(),
///     r#"{"error":{"type":"invalid_request_error","code":"parameter_missing","message":"missing required param: items[0].price","param":"items[0][price]","doc_url":"https://docs.example.com/errors/parameter_missing"}}"#
/// );
///
/// assert_eq!(stripe.error_type(&PayError::KeyInUse), StripeType::IdempotencyError);
///
/// // A validation failure: the summary's code, the first invalid field's message and path.
/// use apierror::validation::ValidationFailure;
/// use apierror::{FieldPath, FieldViolation, Rule};
///
/// let failure = ValidationFailure::new([
///     FieldViolation::new(FieldPath::new().key("items").index(2).key("sku"), "required", Rule::Required),
///     FieldViolation::new(FieldPath::new().key("email"), "email", Rule::Email),
/// ]);
/// let mut out = Vec::new();
/// Stripe::new().write(&Body::new(&[&failure], &ctx), &mut out);
/// assert_eq!(
///     std::str::from_utf8(&out).unwrap(),
///     r#"{"error":{"type":"invalid_request_error","code":"validation_failed","message":"is required","param":"items[2][sku]"}}"#
/// );
/// # Ok::<(), apierror::format::OptionError>(())
/// ```
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Stripe {
    doc_base: Option<String>,
    /// `,"doc_url":"`, the escaped base and `/`, built once when the base is set so a
    /// render copies it in one piece.
    doc_prefix: Option<String>,
    types: Vec<(String, StripeType)>,
    doc_urls: Vec<(String, String)>,
}

impl Stripe {
    /// The format without a `doc_url` base or overrides.
    ///
    /// ```
    /// use apierror::format::{Stripe, WireFormat};
    /// assert_eq!(Stripe::new().doc_base(), None);
    /// assert_eq!(Stripe::new().name(), "stripe");
    /// ```
    pub fn new() -> Self {
        Stripe::default()
    }

    /// Sets the base of `doc_url`: each error's is `base/code`. Refused where the base is
    /// empty, too long, or holds whitespace or a control character.
    ///
    /// ```
    /// use apierror::format::Stripe;
    /// let stripe = Stripe::new().with_doc_base("https://docs.example.com/errors/")?;
    /// assert_eq!(stripe.doc_base(), Some("https://docs.example.com/errors"));
    /// assert!(Stripe::new().with_doc_base("not a url").is_err());
    /// # Ok::<(), apierror::format::OptionError>(())
    /// ```
    pub fn with_doc_base(mut self, base: &str) -> Result<Self, OptionError> {
        check_url("doc_url base", base)?;
        // `base/` and `base` give the same URLs.
        let base = base.trim_end_matches('/');
        let mut prefix = Vec::with_capacity(base.len() + 16);
        let mut w = JsonWriter::new(&mut prefix);
        raw(&mut w, r#","doc_url":""#);
        w.escaped(base);
        raw(&mut w, "/");
        self.doc_base = Some(base.to_owned());
        // Escaping keeps UTF-8 valid: the fallback is never taken.
        self.doc_prefix = Some(String::from_utf8(prefix).unwrap_or_default());
        Ok(self)
    }

    /// The base of `doc_url`, if one is set (see [`Stripe::with_doc_base`]).
    ///
    /// ```
    /// use apierror::format::Stripe;
    /// let stripe = Stripe::new().with_doc_base("https://docs.example.com/errors")?;
    /// assert_eq!(stripe.doc_base(), Some("https://docs.example.com/errors"));
    /// # Ok::<(), apierror::format::OptionError>(())
    /// ```
    pub fn doc_base(&self) -> Option<&str> {
        self.doc_base.as_deref()
    }

    /// Sends errors of code `code` with type `kind`, whatever their status and variant
    /// say.
    ///
    /// ```
    /// use apierror::format::{Stripe, StripeType};
    /// use apierror::ApiError;
    ///
    /// #[derive(Debug, ApiError)]
    /// #[status(400)]
    /// #[code("incorrect_cvc")]
    /// #[message("your card's security code is incorrect")]
    /// struct IncorrectCvc;
    ///
    /// assert_eq!(Stripe::new().error_type(&IncorrectCvc), StripeType::InvalidRequestError);
    /// let stripe = Stripe::new().with_type_for("incorrect_cvc", StripeType::CardError);
    /// assert_eq!(stripe.error_type(&IncorrectCvc), StripeType::CardError);
    /// ```
    pub fn with_type_for(mut self, code: &str, kind: StripeType) -> Self {
        self.types.retain(|(c, _)| c != code);
        self.types.push((code.to_owned(), kind));
        self
    }

    /// Sends errors of code `code` with `doc_url` `url`, whatever the base. Refused where
    /// the URL is empty, too long, or holds whitespace or a control character.
    ///
    /// ```
    /// use apierror::format::{Body, Stripe, WireFormat};
    /// use apierror::{ApiError, RequestContext};
    ///
    /// #[derive(Debug, ApiError)]
    /// #[status(402)]
    /// #[code("card_declined")]
    /// #[message("your card was declined")]
    /// struct Declined;
    ///
    /// let stripe = Stripe::new().with_doc_url_for("card_declined", "https://docs.example.com/declines")?;
    /// let mut out = Vec::new();
    /// stripe.write(&Body::new(&[&Declined], &RequestContext::new()), &mut out);
    /// assert!(out.ends_with(br#","doc_url":"https://docs.example.com/declines"}}"#));
    /// # Ok::<(), apierror::format::OptionError>(())
    /// ```
    pub fn with_doc_url_for(mut self, code: &str, url: &str) -> Result<Self, OptionError> {
        check_url("doc_url", url)?;
        self.doc_urls.retain(|(c, _)| c != code);
        self.doc_urls.push((code.to_owned(), url.to_owned()));
        Ok(self)
    }

    /// The `type` `err` is sent with (see [`Stripe`] for the order of precedence).
    ///
    /// ```
    /// use apierror::format::{Stripe, StripeType};
    /// use apierror::ApiError;
    ///
    /// #[derive(Debug, ApiError)]
    /// #[status(503)]
    /// #[code("unavailable")]
    /// #[message("try again later")]
    /// struct Unavailable;
    ///
    /// assert_eq!(Stripe::new().error_type(&Unavailable), StripeType::ApiError);
    /// ```
    pub fn error_type(&self, err: &dyn ApiError) -> StripeType {
        // Without overrides (the common case) the code is not even asked for.
        if !self.types.is_empty() {
            let code = err.code();
            if let Some((_, kind)) = self.types.iter().find(|(c, _)| c == code) {
                return *kind;
            }
        }
        variant_meta(err.meta(), "stripe_type")
            .and_then(StripeType::from_name)
            .unwrap_or_else(|| StripeType::for_status(crate::status::wire_status(err).as_u16()))
    }

    /// The `doc_url` of `err`, if it has one (see [`Stripe`]).
    fn doc_url<'a>(&'a self, err: &dyn ApiError) -> Option<DocUrl<'a>> {
        let code = err.code();
        if let Some((_, url)) = self.doc_urls.iter().find(|(c, _)| c == code) {
            return Some(DocUrl::Whole(url));
        }
        if let Some(url) = variant_meta(err.meta(), "doc_url") {
            return Some(DocUrl::Whole(url));
        }
        let base = self.doc_base.as_deref()?;
        Some(DocUrl::Base(base, err.code()))
    }

    /// Writes `,"doc_url":…` for `err`, if it has one.
    fn write_doc_url(&self, err: &dyn ApiError, w: &mut JsonWriter<'_>) {
        // The common cases first: no overrides, and a base or none.
        if self.doc_urls.is_empty() && variant_meta(err.meta(), "doc_url").is_none() {
            if let Some(prefix) = &self.doc_prefix {
                raw(w, prefix);
                write_segment(w, err.code());
                raw(w, "\"");
            }
            return;
        }
        if let Some(url) = self.doc_url(err) {
            raw(w, r#","doc_url":"#);
            w.display(&url);
        }
    }
}

/// A `doc_url`: a whole URL, or a base and the code to append.
enum DocUrl<'a> {
    Whole(&'a str),
    Base(&'a str, &'static str),
}

impl Display for DocUrl<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            DocUrl::Whole(url) => f.write_str(url),
            DocUrl::Base(base, code) => write!(f, "{base}/{}", Segment(code)),
        }
    }
}

/// A code as one URL path segment: bytes other than RFC 3986's unreserved ones
/// percent-encoded (a code may hold `/`, `#` or `?`; Stripe's never do).
struct Segment<'a>(&'a str);

impl Display for Segment<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        for c in self.0.chars() {
            if is_unreserved(c) {
                f.write_char(c)?;
                continue;
            }
            let mut utf8 = [0; 4];
            for b in c.encode_utf8(&mut utf8).bytes() {
                write!(f, "%{b:02X}")?;
            }
        }
        Ok(())
    }
}

fn is_unreserved(c: char) -> bool {
    c.is_ascii_alphanumeric() || matches!(c, '-' | '.' | '_' | '~')
}

/// Writes `code` into an open string as a URL segment: copied where it needs no encoding
/// (it then needs no JSON escaping either).
fn write_segment(w: &mut JsonWriter<'_>, code: &str) {
    if code.chars().all(is_unreserved) {
        raw(w, code);
    } else {
        w.escaped(&Segment(code).to_string());
    }
}

/// Checks a URL option: it is copied into every body, so it must be non-empty and free of
/// whitespace and control characters.
fn check_url(what: &'static str, url: &str) -> Result<(), OptionError> {
    let bad = url.is_empty()
        || url.len() > MAX_URL_LEN
        || url.chars().any(|c| c.is_whitespace() || c.is_control());
    match bad {
        true => Err(OptionError::Url {
            what,
            max: MAX_URL_LEN,
        }),
        false => Ok(()),
    }
}

impl WireFormat for Stripe {
    fn name(&self) -> &'static str {
        "stripe"
    }

    // Nothing of the request is written: a static variant's body is written once.
    fn varies_by_request(&self) -> bool {
        false
    }

    fn write(&self, body: &Body<'_>, out: &mut Vec<u8>) {
        let err = body.first();
        let Shown { message, param } = Shown::of(body);
        let mut w = JsonWriter::new(out);
        raw(&mut w, self.error_type(err).head());
        w.code(err);
        raw(&mut w, r#","message":"#);
        w.message(message, body.message_language(message));
        if let Some(place) = param {
            raw(&mut w, r#","param":"#);
            w.display(&InBrackets(place));
        }
        self.write_doc_url(err, &mut w);
        raw(&mut w, "}}");
    }

    fn view<'a>(&'a self, body: &'a Body<'a>) -> Box<dyn erased_serde::Serialize + 'a> {
        Box::new(StripeView { format: self, body })
    }

    /// An `error` object whose `type` is one of Stripe's is Stripe's alone; another
    /// string `type` in it could be a type Stripe adds later.
    fn detect(&self, object: &Map<String, Value>, _media_type: &str) -> Confidence {
        let Some(Value::Object(error)) = object.get("error") else {
            return Confidence::NONE;
        };
        match error.get("type") {
            Some(Value::String(kind)) if KNOWN_TYPES.contains(&kind.as_str()) => {
                Confidence::CERTAIN
            }
            Some(Value::String(_)) => Confidence::MEMBERS,
            _ => Confidence::NONE,
        }
    }

    /// `error.type` is required in strict mode. The code, message and `doc_url` (as
    /// [`ReceivedBody::location`]) have their fields; `param` is read back to the dotted
    /// notation as [`ReceivedBody::field`] (`items[0][price]` → `items[0].price`; a name
    /// the plain dotted form cannot carry quoted, `meta[a%5Bb]` → `meta["a[b"]`, so that
    /// [`FieldPath::parse`](apierror_runtime::FieldPath::parse) with
    /// [`Notation::Dotted`](apierror_runtime::Notation::Dotted) gives back the path
    /// written); `type` and every other member of `error` (`decline_code`,
    /// `request_log_url`, …) are kept in [`ReceivedBody::extra`] under their names. A
    /// validation failure reads as its summary's code with the first violation's message
    /// and field: the body holds no more of it.
    fn read(&self, object: Map<String, Value>, mode: ReadMode) -> Result<ReceivedBody, ParseError> {
        read::error_object(object, mode, Format::named(self.name()), |error, body| {
            let kind = error.string("type")?;
            let kind = error.required("type", kind)?;
            body.code = error.string("code")?;
            body.message = error.string("message")?;
            body.field = error.string("param")?.map(|p| notation::from_brackets(&p));
            body.location = error.string("doc_url")?;
            if let Some(kind) = kind {
                error.rest_mut().insert("type".into(), Value::String(kind));
            }
            Ok(())
        })
    }

    fn schema(&self) -> Option<Value> {
        let string = |description: &str| json!({"type": "string", "description": description});
        let types: Vec<&str> = StripeType::ALL.iter().map(|t| t.as_str()).collect();
        Some(json!({
            "type": "object",
            "description": "A Stripe error object.",
            "properties": {"error": {
                "type": "object",
                "properties": {
                    "type": {"type": "string", "enum": types, "description": "The kind of error."},
                    "code": string("The machine-readable code."),
                    "message": string("The human-readable message."),
                    "param": string("The request parameter the error is about, in bracket notation."),
                    "doc_url": {"type": "string", "format": "uri", "description": "The code's reference page."},
                },
                "required": ["type", "code", "message"],
            }},
            "required": ["error"],
        }))
    }

    fn schema_name(&self) -> &'static str {
        "StripeError"
    }
}

/// What a Stripe body says beside the first error's `type`, `code` and `doc_url`: whose
/// message it writes, and the `param`.
///
/// In a summary body (a validation failure, [`Body::is_summary`]) both are the first
/// violation's, so that the one error Stripe sends says which field is wrong and how;
/// the message stays the summary's where the violation's is not in the summary's
/// language, since `Content-Language` names that language alone (the format carries one
/// message). Elsewhere both are the first error's.
struct Shown<'a> {
    message: &'a dyn ApiError,
    param: Option<Place<'a>>,
}

impl<'a> Shown<'a> {
    fn of(body: &Body<'a>) -> Shown<'a> {
        let first = body.first();
        let violation = match body.is_summary() {
            true => body.entries().get(0),
            false => None,
        };
        let Some(violation) = violation else {
            return Shown {
                message: first,
                param: Place::of(first),
            };
        };
        let same_language = body
            .message_language(violation)
            .eq_ignore_ascii_case(body.message_language(first));
        Shown {
            message: if same_language { violation } else { first },
            param: Place::of(violation),
        }
    }
}

/// The Stripe body as a [`Serialize`] value: the same bytes as [`Stripe`]'s writer.
struct StripeView<'a> {
    format: &'a Stripe,
    body: &'a Body<'a>,
}

impl Serialize for StripeView<'_> {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        struct Error<'a>(&'a StripeView<'a>);
        impl Serialize for Error<'_> {
            fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
                let StripeView { format, body } = *self.0;
                let err = body.first();
                let Shown { message, param } = Shown::of(body);
                let doc_url = format.doc_url(err);
                let len = 3 + usize::from(param.is_some()) + usize::from(doc_url.is_some());
                let mut s = serializer.serialize_struct("StripeError", len)?;
                s.serialize_field("type", format.error_type(err).as_str())?;
                s.serialize_field("code", err.code())?;
                let message = apierror_runtime::format::public_message(
                    message,
                    body.message_language(message),
                );
                s.serialize_field("message", &Collect(&message))?;
                if let Some(place) = param {
                    s.serialize_field("param", &Collect(&InBrackets(place)))?;
                }
                if let Some(url) = &doc_url {
                    s.serialize_field("doc_url", &Collect(url))?;
                }
                s.end()
            }
        }
        let mut s = serializer.serialize_struct("StripeBody", 1)?;
        s.serialize_field("error", &Error(self))?;
        s.end()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn segments_are_percent_encoded_where_needed() {
        assert_eq!(Segment("used_token").to_string(), "used_token");
        assert_eq!(Segment("a/b?c#d é").to_string(), "a%2Fb%3Fc%23d%20%C3%A9");
        let mut out = Vec::new();
        write_segment(&mut JsonWriter::new(&mut out), "a\"b");
        assert_eq!(out, b"a%22b");
    }

    #[test]
    fn every_type_round_trips_its_name() {
        for kind in StripeType::ALL {
            assert_eq!(StripeType::from_name(kind.as_str()), Some(kind));
            assert!(kind.head().contains(kind.as_str()));
            assert!(KNOWN_TYPES.contains(&kind.as_str()));
        }
        assert_eq!(StripeType::from_name("rate_limit_error"), None);
    }
}
