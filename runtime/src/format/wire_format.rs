//! [`WireFormat`]: the one trait a wire format implements, built-in or a user's own.
//!
//! A format says what it is (name, media type, `Content-Type`), what its body carries (one
//! error or a list, a title or not: the renderer chooses each text's language and writes
//! `Content-Language` from that alone), writes a [`Body`] into a caller's buffer, reads a
//! received body back, and says how a code received in it names a declared code. Every
//! method but [`WireFormat::name`] and [`WireFormat::write`] has a default, as
//! serde_json's `Formatter` has: a format says only what differs.

use core::fmt;

use http::HeaderMap;
use serde_json::{Map, Value};

use crate::format::body::Body;
use crate::format::code_match::CodeMatch;
use crate::format::parse_error::ParseError;
use crate::format::received::ReceivedBody;
use crate::format::ReadMode;
use crate::model::api_error::ApiError;

/// A wire format: how errors look in a response body, and how such a body reads back.
///
/// The five built-in formats ([`OmiseFormat`](crate::format::OmiseFormat),
/// [`ProblemFormat`](crate::format::ProblemFormat) plain and Vipps,
/// [`OneyFormat`](crate::format::OneyFormat), [`GoogleFormat`](crate::format::GoogleFormat))
/// implement it, and so can any type of yours: register it with
/// [`Renderer::with_format`](crate::Renderer::with_format) and it is negotiated, rendered
/// by the framework integrations, answered by test doubles, decoded by
/// [`Decoder`](crate::parse::Decoder) and described in OpenAPI documents like a built-in.
///
/// A company's own envelope, `{"error":{"code","message","request_id"}}`, in full:
///
/// ```
/// use apierror::format::{Body, JsonWriter, Members, WireFormat, Confidence, ReadMode, ReceivedBody, ParseError};
/// use apierror::{ApiError, Format, Renderer, RequestContext};
/// use serde_json::{Map, Value};
///
/// #[derive(Debug)]
/// struct Acme;
///
/// impl WireFormat for Acme {
///     fn name(&self) -> &'static str {
///         "acme"
///     }
///
///     fn write(&self, body: &Body<'_>, out: &mut Vec<u8>) {
///         let err = body.first();
///         let mut w = JsonWriter::new(out);
///         w.raw(r#"{"error":{"code":"#);
///         w.code(err);
///         w.raw(r#","message":"#);
///         w.message(err, body.message_language(err));
///         w.raw(r#","request_id":"#);
///         match body.context().trace_id() {
///             Some(id) => w.string(id),
///             None => w.raw("null"),
///         }
///         w.raw("}}");
///     }
///
///     fn detect(&self, object: &Map<String, Value>, _media_type: &str) -> Confidence {
///         match object.get("error") {
///             Some(Value::Object(e)) if e.contains_key("request_id") => Confidence::MEMBERS,
///             _ => Confidence::NONE,
///         }
///     }
///
///     // Strict (validators): `error` and its `code` must be there, each member of its
///     // JSON type. Lenient (clients): whatever can be read. Members left over are kept in
///     // the body's `extra`.
///     fn read(&self, object: Map<String, Value>, mode: ReadMode) -> Result<ReceivedBody, ParseError> {
///         Members::read_body(object, Format::named(self.name()), mode, |m, body| {
///             let error = m.object("error")?;
///             let Some(mut e) = m.required("error", error)? else {
///                 return Ok(());
///             };
///             let code = e.string("code")?;
///             body.code = e.required("code", code)?;
///             body.message = e.string("message")?;
///             body.trace_id = e.string("request_id")?;
///             m.rest_mut().extend(e.into_map());
///             Ok(())
///         })
///     }
/// }
///
/// #[derive(Debug, ApiError)]
/// enum OrderError {
///     #[status(404)]
///     #[code("order_not_found")]
///     #[message("order {id} was not found")]
///     NotFound { id: u64 },
/// }
///
/// let renderer = Renderer::new(Format::named("acme")).with_format(Acme)?;
/// let ctx = RequestContext::new().with_trace_id("req-7")?;
/// let response = renderer.negotiated_response(&Default::default(), &OrderError::NotFound { id: 7 }, &ctx);
/// assert_eq!(response.status(), 404);
/// assert_eq!(response.headers()["content-type"], "application/json; charset=utf-8");
/// assert_eq!(
///     std::str::from_utf8(response.body()).unwrap(),
///     r#"{"error":{"code":"order_not_found","message":"order 7 was not found","request_id":"req-7"}}"#
/// );
///
/// // And read back.
/// let object: Map<String, Value> = serde_json::from_slice(response.body())?;
/// let read = Acme.read(object, ReadMode::Strict)?;
/// assert_eq!(read.code.as_deref(), Some("order_not_found"));
/// assert_eq!(read.trace_id.as_deref(), Some("req-7"));
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
pub trait WireFormat: fmt::Debug + Send + Sync + 'static {
    /// The format's name, in lower case: how configuration and
    /// [`Format::named`](crate::Format::named) name it. Unique among the formats of one renderer.
    fn name(&self) -> &'static str;

    /// The media type an `Accept` header names this format by, without parameters.
    fn media_type(&self) -> &'static str {
        "application/json"
    }

    /// The exact `Content-Type` of this format's responses.
    fn content_type(&self) -> &'static str {
        "application/json; charset=utf-8"
    }

    /// What a body carries: one error or a list, a title or not. The renderer chooses the
    /// language of each text from this, and `Content-Language` names every language the
    /// texts are in.
    fn carries(&self) -> Carries {
        Carries::ONE
    }

    /// The language `err`'s title is written in, in a format that [`Carries::title`]: by
    /// default the variant's title in [`Body::title_language`]. A format whose title is
    /// not the variant's (a problem's `about:blank` status phrase, in English) says so.
    fn title_language(&self, body: &Body<'_>, err: &dyn ApiError) -> &'static str {
        body.title_language(err)
    }

    /// Appends the body for `body`'s errors to `out`. It must be valid JSON: a debug
    /// build checks every body a renderer writes.
    fn write(&self, body: &Body<'_>, out: &mut Vec<u8>);

    /// Whether a body of this format can hold anything of the request
    /// ([`Body::context`]: its trace id, its path) beside the errors. By default `true`.
    ///
    /// A format that answers `false` is written once for each variant whose texts are all
    /// static (a variant without fields, in its default language) and copied from then
    /// on, as the built-in formats' bodies are pre-built at compile time: about as fast
    /// as a built-in. Answer `false` only where [`WireFormat::write`] reads nothing of
    /// [`Body::context`]. A body of several errors is written each time; a format that
    /// lists them can keep each static error's entry with an
    /// [`EntryCache`](crate::format::EntryCache).
    fn varies_by_request(&self) -> bool {
        true
    }

    /// The same body as a `serde::Serialize` value, for embedding it in another document.
    /// The default writes the body and hands it over as JSON; a format with a view of its
    /// own (the built-ins) streams it instead.
    fn view<'a>(&'a self, body: &'a Body<'a>) -> Box<dyn erased_serde::Serialize + 'a> {
        let mut out = Vec::with_capacity(256);
        self.write(body, &mut out);
        Box::new(WrittenJson(out))
    }

    /// The HTTP status the response is sent with: by default the first error's
    /// ([`Body::status`]). A format whose rule differs (JSON:API's "most generally
    /// applicable" status of several errors) says so.
    fn status(&self, body: &Body<'_>) -> http::StatusCode {
        body.status()
    }

    /// Headers beside `Content-Type` and `Content-Language` that this format's responses
    /// carry (Microsoft's `x-ms-error-code`, say). None by default.
    fn headers(&self, body: &Body<'_>, headers: &mut HeaderMap) {
        let _ = (body, headers);
    }

    /// How surely a received JSON object (`object`, sent with `media_type`, lower case and
    /// without parameters, empty when unknown) is a body of this format. Formats sharing a
    /// shape answer by their members: the most confident reader reads the body.
    fn detect(&self, object: &Map<String, Value>, media_type: &str) -> Confidence {
        let _ = (object, media_type);
        Confidence::NONE
    }

    /// Reads a received object of this format. In [`ReadMode::Strict`] a member the
    /// format requires must be there; [`ReadMode::Lenient`] reads what it can.
    /// [`Members`](crate::format::Members) takes the object apart in either mode, as the
    /// built-ins' readers do. The default reads nothing: a format that is only ever written.
    fn read(&self, object: Map<String, Value>, mode: ReadMode) -> Result<ReceivedBody, ParseError> {
        let _ = (object, mode);
        Err(ParseError::UnknownShape)
    }

    /// Whether `received`, a code read from a body of this format, names `declared`, a
    /// code a catalog declares: how a [`Decoder`](crate::parse::Decoder) and
    /// [`ReceivedBody::lookup_with`] find the variant a body names. A lookup takes the
    /// variants named [`CodeMatch::Exact`]ly; only where there is none, those named
    /// [`CodeMatch::Possible`]y.
    ///
    /// By default the same text, case and all ([`CodeMatch::equal`]). A format that sends
    /// codes otherwise than declared says how: Google's `ErrorInfo.reason` is the code in
    /// UPPER_SNAKE_CASE, Oney cuts codes to [`OneyFormat::CODE_MAX`](crate::format::OneyFormat::CODE_MAX)
    /// characters.
    ///
    /// ```
    /// use apierror::format::{Body, CodeMatch, WireFormat};
    ///
    /// /// Sends every code in upper case.
    /// #[derive(Debug)]
    /// struct Shouting;
    /// impl WireFormat for Shouting {
    ///     fn name(&self) -> &'static str { "shouting" }
    ///     fn write(&self, _: &Body<'_>, out: &mut Vec<u8>) { out.extend_from_slice(b"{}") }
    ///     fn code_match(&self, received: &str, declared: &str) -> CodeMatch {
    ///         match received.eq_ignore_ascii_case(declared) {
    ///             true => CodeMatch::Exact,
    ///             false => CodeMatch::No,
    ///         }
    ///     }
    /// }
    ///
    /// assert_eq!(Shouting.code_match("USED_TOKEN", "used_token"), CodeMatch::Exact);
    /// ```
    #[inline]
    fn code_match(&self, received: &str, declared: &str) -> CodeMatch {
        CodeMatch::equal(received, declared)
    }

    /// The JSON Schema of this format's body, for OpenAPI documents; `None` leaves the
    /// body undescribed.
    fn schema(&self) -> Option<Value> {
        None
    }

    /// The name of [`WireFormat::schema`] among an OpenAPI document's components.
    fn schema_name(&self) -> &'static str {
        self.name()
    }
}

/// What a format's body carries, for choosing languages and labelling them.
///
/// ```
/// use apierror::format::Carries;
/// assert!(!Carries::ONE.list);
/// assert!(Carries::LIST.with_title().title);
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
#[non_exhaustive]
pub struct Carries {
    /// Every error of a list (else only the first).
    pub list: bool,
    /// The first error's title beside its message.
    pub title: bool,
    /// Each message in its error's default language, with a localized copy of the first
    /// in the language chosen (Google's `LocalizedMessage`), rather than each message in
    /// the language chosen.
    pub localized_copy: bool,
    /// In a validation failure's body, the failure's own message (a problem's `detail`,
    /// Google's `message`) and title where it [`title`](Self::title)s; `false` for a format
    /// that writes its violations alone (Oney's list, JSON:API's; Omise's `message`, the
    /// first violation's in its place).
    pub summary_message: bool,
}

impl Carries {
    /// One error: its message.
    pub const ONE: Carries = Carries {
        list: false,
        title: false,
        localized_copy: false,
        summary_message: true,
    };

    /// Every error of a list: each message.
    pub const LIST: Carries = Carries {
        list: true,
        ..Carries::ONE
    };

    /// The same, and the first error's title.
    pub const fn with_title(self) -> Carries {
        Carries {
            title: true,
            ..self
        }
    }

    /// The same, messages in their default language and a localized copy of the first.
    pub const fn with_localized_copy(self) -> Carries {
        Carries {
            localized_copy: true,
            ..self
        }
    }

    /// The same, but a validation failure's own message is not written: only its
    /// violations' (in a format without a list, the first violation's in its place).
    pub const fn without_summary_message(self) -> Carries {
        Carries {
            summary_message: false,
            ..self
        }
    }
}

/// How surely a received body is of a format ([`WireFormat::detect`]): the most confident
/// format reads it; between equals, the one whose reading names a code the caller's
/// catalog declares, else the one registered first.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Confidence(u8);

impl Confidence {
    /// Not this format.
    pub const NONE: Confidence = Confidence(0);
    /// Could be: the media type, or an outer shape several formats share.
    pub const SHAPE: Confidence = Confidence(1);
    /// The members this format writes are there.
    pub const MEMBERS: Confidence = Confidence(2);
    /// A member only this format writes (`"object":"error"`, say).
    pub const CERTAIN: Confidence = Confidence(3);

    /// Whether the format could have written the body at all.
    pub const fn is_some(self) -> bool {
        self.0 > 0
    }
}

/// Why [`Renderer::with_format`](crate::Renderer::with_format) or
/// [`Decoder::with_format`](crate::parse::Decoder::with_format) refused a format: another
/// would answer or read in its place.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[non_exhaustive]
pub enum FormatError {
    /// The name is a built-in's or a format registered before.
    #[error("a wire format named `{0}` is registered already")]
    NameTaken(&'static str),
    /// A format offered before has the same media type: an `Accept` header could not tell
    /// the two apart.
    #[error("wire format `{format}` has media type `{media_type}`, which `{taken_by}` is offered under already")]
    MediaTypeTaken {
        /// The format refused.
        format: &'static str,
        /// Its media type.
        media_type: &'static str,
        /// The format offered under that media type.
        taken_by: &'static str,
    },
    /// The `Content-Type` is not a valid header value.
    #[error("wire format `{0}` has a Content-Type that is not a valid header value")]
    ContentType(&'static str),
}

/// A body already written, as a `Serialize` value: its JSON is read back and handed to the
/// serializer member by member, in the order written (serde_json's `Value` would sort the
/// members).
struct WrittenJson(Vec<u8>);

impl serde::Serialize for WrittenJson {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let mut json = serde_json::Deserializer::from_slice(&self.0);
        serde_transcode::transcode(&mut json, serializer)
    }
}
