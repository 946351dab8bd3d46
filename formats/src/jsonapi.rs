//! JSON:API v1.1 error documents (jsonapi.org/format/1.1/#errors): every error of a list.
//!
//! ```text
//! {"errors":[{"status":"422","code":"too_short","title":"Too Short","detail":"name must be at least 3 characters","source":{"pointer":"/data/attributes/name"}}]}
//! ```
//!
//! No `data` member (a document holds errors or data, never both); `status` a string equal
//! to the error's HTTP status; `source.pointer` an RFC 6901 pointer to the field in the
//! request document. Media type and `Content-Type` are both `application/vnd.api+json`
//! exactly: the specification allows no parameter but `ext` and `profile`.
//!
//! A validation failure is its violations, one error object each (the failure itself has
//! no object of its own), with the failure's status; where the failure left some out, a
//! top-level `"meta":{"omitted":N}` says how many.

use apierror_runtime::format::{
    Body, Carries, Confidence, EntryCache, JsonWriter, Members, ParseError, ReadMode, ReceivedBody,
    WireFormat,
};
use apierror_runtime::parse::ReceivedEntry;
use apierror_runtime::{ApiError, Format};
use http::StatusCode;
use serde::ser::{Serialize, SerializeSeq, SerializeStruct, Serializer};
use serde_json::{json, Map, Value};

use crate::notation::{self, InPointer, Place};
use crate::put::raw;
use crate::status::wire_status;
use crate::view::Collect;

/// The JSON:API media type, which is also the exact `Content-Type`.
const MEDIA_TYPE: &str = "application/vnd.api+json";

/// The members a JSON:API error object may have (v1.1, section 11.2).
const ERROR_MEMBERS: [&str; 7] = ["id", "links", "status", "code", "title", "detail", "source"];

/// The top-level members an error document may have beside `errors`.
const TOP_MEMBERS: [&str; 4] = ["errors", "meta", "jsonapi", "links"];

/// The JSON:API format: its option, the prefix of `source.pointer`.
///
/// Each error is one entry: `status` its HTTP status as a string, `code` its code, `title`
/// its title (the variant's, which the specification wants the same for every occurrence
/// of the problem), `detail` its message, and `source.pointer` its field as a pointer
/// under the prefix, `/data/attributes` by default: a field names an attribute of the
/// request's resource (`items[0].price` → `/data/attributes/items/0/price`). A field that
/// starts with `/` is a pointer already and is written as it is
/// (`/data/relationships/author`).
///
/// A response holding several errors should carry "the most generally applicable HTTP
/// error code" (section 11.2): [`JsonApi::response_status`] computes it (the same status
/// where all agree, 400 for 4xx ones, 500 as soon as one is a 5xx), and a renderer's
/// response is sent with it.
///
/// A validation failure ([`Body::is_summary`]) is written as its violations, each an
/// error object with the failure's status (the response's), the validator's code, the
/// title "Invalid Field" (translated where the body's language has it), the message, and
/// its path in [`Notation::Pointer`](apierror_runtime::Notation::Pointer) under the
/// prefix (`/data/attributes/items/2/sku`). Where the failure kept fewer violations than
/// it had, the document ends with `"meta":{"omitted":N}`, the count left out.
///
/// ```
/// use apierror::format::{Body, JsonApi, WireFormat};
/// use apierror::{ApiError, RequestContext};
///
/// #[derive(Debug, ApiError)]
/// enum SignupError {
///     #[status(422)]
///     #[code("too_short")]
///     #[message("{field} must be at least {min} characters")]
///     TooShort {
///         #[field]
///         field: &'static str,
///         min: u32,
///     },
///     #[status(409)]
///     #[code("taken")]
///     #[title("Already Taken")]
///     #[message("this email address is taken")]
///     Taken,
/// }
///
/// let errors: [&dyn ApiError; 2] = [&SignupError::TooShort { field: "name", min: 3 }, &SignupError::Taken];
/// let ctx = RequestContext::new();
/// let mut out = Vec::new();
/// JsonApi::new().write(&Body::new(&errors, &ctx), &mut out);
/// assert_eq!(
///     std::str::from_utf8(&out).unwrap(),
///     concat!(
///         r#"{"errors":[{"status":"422","code":"too_short","title":"Too Short","detail":"name must be at least 3 characters","source":{"pointer":"/data/attributes/name"}},"#,
///         r#"{"status":"409","code":"taken","title":"Already Taken","detail":"this email address is taken"}]}"#,
///     )
/// );
/// assert_eq!(JsonApi::response_status(&errors), 400);
///
/// use apierror::validation::ValidationFailure;
/// use apierror::{FieldPath, FieldViolation, Rule};
///
/// let failure = ValidationFailure::new([FieldViolation::new(
///     FieldPath::new().key("items").index(2).key("sku"),
///     "required",
///     Rule::Required,
/// )]);
/// let mut out = Vec::new();
/// JsonApi::new().write(&Body::new(&[&failure], &ctx), &mut out);
/// assert_eq!(
///     std::str::from_utf8(&out).unwrap(),
///     r#"{"errors":[{"status":"422","code":"required","title":"Invalid Field","detail":"is required","source":{"pointer":"/data/attributes/items/2/sku"}}]}"#
/// );
/// ```
#[derive(Debug, Clone)]
pub struct JsonApi {
    prefix: String,
    /// `prefix` escaped for a JSON string, once.
    prefix_json: Vec<u8>,
    /// The error objects of static variants, written once (nothing of the request is in
    /// an error object).
    entries: EntryCache,
}

impl Default for JsonApi {
    fn default() -> Self {
        let empty = JsonApi {
            prefix: String::new(),
            prefix_json: Vec::new(),
            entries: EntryCache::new(),
        };
        // The one place the prefix, its escaped copy and the kept entries are set together.
        empty.with_pointer_prefix(JsonApi::DEFAULT_POINTER_PREFIX)
    }
}

/// Equal where the options are: the kept entries follow from them.
impl PartialEq for JsonApi {
    fn eq(&self, other: &Self) -> bool {
        self.prefix == other.prefix
    }
}

impl Eq for JsonApi {}

impl JsonApi {
    /// The prefix of `source.pointer` by default: the attributes of the request's primary
    /// resource.
    ///
    /// ```
    /// use apierror::format::JsonApi;
    /// assert_eq!(JsonApi::new().pointer_prefix(), JsonApi::DEFAULT_POINTER_PREFIX);
    /// ```
    pub const DEFAULT_POINTER_PREFIX: &'static str = "/data/attributes";

    /// The format with the default pointer prefix.
    ///
    /// ```
    /// use apierror::format::{JsonApi, WireFormat};
    /// let jsonapi = JsonApi::new();
    /// assert_eq!(jsonapi.name(), "jsonapi");
    /// assert_eq!(jsonapi.content_type(), "application/vnd.api+json");
    /// ```
    pub fn new() -> Self {
        JsonApi::default()
    }

    /// Sets the prefix of `source.pointer`: `""` for fields that are members of the
    /// request document itself, `/data/relationships` for relationships. A missing
    /// leading `/` is added and a trailing one dropped.
    ///
    /// ```
    /// use apierror::format::JsonApi;
    /// assert_eq!(JsonApi::new().pointer_prefix(), "/data/attributes");
    /// assert_eq!(JsonApi::new().with_pointer_prefix("data/meta/").pointer_prefix(), "/data/meta");
    /// assert_eq!(JsonApi::new().with_pointer_prefix("").pointer_prefix(), "");
    /// ```
    pub fn with_pointer_prefix(mut self, prefix: &str) -> Self {
        let prefix = prefix.trim_matches('/');
        self.prefix = match prefix.is_empty() {
            true => String::new(),
            false => format!("/{prefix}"),
        };
        self.prefix_json.clear();
        JsonWriter::new(&mut self.prefix_json).escaped(&self.prefix);
        // A declared constant field of a static variant is written under the prefix.
        self.entries = EntryCache::new();
        self
    }

    /// The prefix of `source.pointer` (see [`JsonApi::with_pointer_prefix`]).
    ///
    /// ```
    /// use apierror::format::JsonApi;
    /// assert_eq!(JsonApi::new().with_pointer_prefix("/data/relationships").pointer_prefix(), "/data/relationships");
    /// ```
    pub fn pointer_prefix(&self) -> &str {
        &self.prefix
    }

    /// The status a response holding `errors` should be sent with: their status where
    /// they all have the same, else 400 where all are 4xx, else 500. Statuses that are
    /// not error statuses count as 500, as the runtime sends them.
    ///
    /// ```
    /// use apierror::format::JsonApi;
    /// use apierror::ApiError;
    ///
    /// #[derive(Debug, ApiError)]
    /// enum E {
    ///     #[status(404)]
    ///     #[code("not_found")]
    ///     #[message("not found")]
    ///     NotFound,
    ///     #[status(409)]
    ///     #[code("conflict")]
    ///     #[message("conflict")]
    ///     Conflict,
    ///     #[status(503)]
    ///     #[code("unavailable")]
    ///     #[message("unavailable")]
    ///     Unavailable,
    /// }
    ///
    /// assert_eq!(JsonApi::response_status(&[&E::NotFound, &E::NotFound]), 404);
    /// assert_eq!(JsonApi::response_status(&[&E::NotFound, &E::Conflict]), 400);
    /// assert_eq!(JsonApi::response_status(&[&E::NotFound, &E::Unavailable]), 500);
    /// assert_eq!(JsonApi::response_status(&[]), 500);
    /// ```
    pub fn response_status(errors: &[&dyn ApiError]) -> StatusCode {
        let mut statuses = errors.iter().map(|err| wire_status(*err));
        let Some(first) = statuses.next() else {
            return StatusCode::INTERNAL_SERVER_ERROR;
        };
        statuses.fold(first, |general, status| match general == status {
            true => general,
            false if general.is_client_error() && status.is_client_error() => {
                StatusCode::BAD_REQUEST
            }
            false => StatusCode::INTERNAL_SERVER_ERROR,
        })
    }

    /// Writes one error object, for an entry of `body` ([`Body::entries`]).
    fn write_entry(&self, body: &Body<'_>, err: &dyn ApiError, w: &mut JsonWriter<'_>) {
        raw(w, r#"{"status":""#);
        // Three digits, as `StatusCode` keeps them: no number to format.
        raw(w, body.status_of(err).as_str());
        raw(w, r#"","code":"#);
        w.code(err);
        raw(w, r#","title":"#);
        w.title(err, self.title_language(body, err));
        raw(w, r#","detail":"#);
        w.message(err, body.message_language(err));
        if let Some(place) = Place::of(err) {
            raw(w, r#","source":{"pointer":"#);
            notation::write_pointer(w, &self.prefix, &self.prefix_json, place);
            raw(w, "}");
        }
        raw(w, "}");
    }
}

impl WireFormat for JsonApi {
    fn name(&self) -> &'static str {
        "jsonapi"
    }

    fn media_type(&self) -> &'static str {
        MEDIA_TYPE
    }

    fn content_type(&self) -> &'static str {
        MEDIA_TYPE
    }

    /// The most generally applicable status of the body's errors (section 11.2).
    fn status(&self, body: &Body<'_>) -> StatusCode {
        JsonApi::response_status(body.errors())
    }

    /// Every error, each with its title.
    // Nothing of the request is written: a static variant's body is written once.
    fn varies_by_request(&self) -> bool {
        false
    }

    fn carries(&self) -> Carries {
        // A validation failure is written as its violations alone: its own message is not.
        Carries::LIST.with_title().without_summary_message()
    }

    fn write(&self, body: &Body<'_>, out: &mut Vec<u8>) {
        let mut w = JsonWriter::new(out);
        raw(&mut w, r#"{"errors":["#);
        for (i, err) in body.entries().iter().enumerate() {
            if i > 0 {
                raw(&mut w, ",");
            }
            self.entries.write(body, err, w.buffer(), |out| {
                self.write_entry(body, err, &mut JsonWriter::new(out))
            });
        }
        raw(&mut w, "]");
        let omitted = body.omitted();
        if omitted > 0 {
            raw(&mut w, r#","meta":{"omitted":"#);
            w.number(omitted as u64);
            raw(&mut w, "}");
        }
        raw(&mut w, "}");
    }

    fn view<'a>(&'a self, body: &'a Body<'a>) -> Box<dyn erased_serde::Serialize + 'a> {
        Box::new(JsonApiView { format: self, body })
    }

    /// An `errors` array of objects with JSON:API's members and nothing beside it but
    /// `meta`, `jsonapi` and `links` is JSON:API's, and so is any `errors` array sent as
    /// `application/vnd.api+json`. Another array of objects (a GraphQL error list, say)
    /// only could be.
    fn detect(&self, object: &Map<String, Value>, media_type: &str) -> Confidence {
        let Some(Value::Array(errors)) = object.get("errors") else {
            return Confidence::NONE;
        };
        if !errors.iter().all(Value::is_object) {
            return Confidence::NONE;
        }
        let own_entries = errors.iter().filter_map(Value::as_object).any(|e| {
            e.keys().any(|k| ERROR_MEMBERS.contains(&k.as_str()))
                && e.keys()
                    .all(|k| ERROR_MEMBERS.contains(&k.as_str()) || k == "meta")
        });
        let own_top = object.keys().all(|k| TOP_MEMBERS.contains(&k.as_str()));
        if media_type == MEDIA_TYPE || (own_entries && own_top) {
            Confidence::CERTAIN
        } else {
            Confidence::SHAPE
        }
    }

    /// `errors` is required in strict mode, each entry an object and its `status` a
    /// string. Each entry is one [`ReceivedEntry`]: `code`, `detail` as its message, its
    /// `source.pointer` read back to the dotted notation under this format's prefix
    /// (`/data/attributes/items/0/price` → `items[0].price`; a name the plain dotted form
    /// cannot carry quoted, `/data/attributes/a.b` → `["a.b"]`, so that
    /// [`FieldPath::parse`](apierror_runtime::FieldPath::parse) with
    /// [`Notation::Dotted`](apierror_runtime::Notation::Dotted) gives back the path
    /// written; a `source.parameter` where there is no pointer) as its field, the rest
    /// (`status`, `title`, `id`, `links`, `meta`, other `source` members) in its `extra`.
    /// The body's code, message, title and field are the first entry's (a validation
    /// failure's summary is not in the document); its status the first entry's where the
    /// response gives none. The top-level `meta` (`omitted`) is kept in
    /// [`ReceivedBody::extra`].
    fn read(&self, object: Map<String, Value>, mode: ReadMode) -> Result<ReceivedBody, ParseError> {
        let format = Format::named(self.name());
        let mut m = Members::new(object, format, mode);
        let mut body = ReceivedBody::new(format);
        let errors = m.array("errors")?;
        let errors = m.required("errors", errors)?.unwrap_or_default();
        let mut first_title = None;
        for (i, value) in errors.into_iter().enumerate() {
            let Some(mut e) = m.element(value, "errors", i)? else {
                continue;
            };
            let mut entry = ReceivedEntry::default();
            entry.code = e.string("code")?;
            entry.message = e.string("detail")?;
            let status = e.string("status")?;
            let title = e.string("title")?;
            if let Some(mut source) = e.object("source")? {
                let pointer = source.string("pointer")?;
                let parameter = source.string("parameter")?;
                entry.field = match (pointer, parameter) {
                    (Some(pointer), _) => Some(notation::from_pointer(&pointer, &self.prefix)),
                    (None, parameter) => parameter,
                };
                if !source.rest().is_empty() {
                    e.rest_mut()
                        .insert("source".into(), Value::Object(source.into_map()));
                }
            }
            if body.entries.is_empty() {
                body.status = status.as_deref().and_then(|s| s.parse().ok());
                first_title.clone_from(&title);
            }
            entry.extra = e.into_map();
            for (name, value) in [("status", status), ("title", title)] {
                if let Some(value) = value {
                    entry.extra.insert(name.into(), Value::String(value));
                }
            }
            body.entries.push(entry);
        }
        if let Some(first) = body.entries.first() {
            body.code.clone_from(&first.code);
            body.message.clone_from(&first.message);
            body.field.clone_from(&first.field);
        }
        body.title = first_title;
        body.extra = m.into_map();
        Ok(body)
    }

    fn schema(&self) -> Option<Value> {
        let string = |description: &str| json!({"type": "string", "description": description});
        let error = json!({
            "type": "object",
            "properties": {
                "status": {
                    "type": "string",
                    "pattern": "^[45][0-9]{2}$",
                    "description": "The HTTP status of this error.",
                },
                "code": string("The machine-readable code."),
                "title": string("A short summary of the problem, the same for every occurrence."),
                "detail": string("The human-readable message of this occurrence."),
                "source": {
                    "type": "object",
                    "properties": {"pointer": {
                        "type": "string",
                        "pattern": "^(/([^~/]|~[01])*)*$",
                        "description": "An RFC 6901 pointer to the value in the request document the error is about.",
                    }},
                },
            },
            "required": ["status", "code", "title", "detail"],
        });
        Some(json!({
            "type": "object",
            "description": "A JSON:API error document (v1.1): `errors` and never `data`.",
            "properties": {
                "errors": {"type": "array", "minItems": 1, "items": error},
                "meta": {
                    "type": "object",
                    "description": "Facts about the document as a whole.",
                    "properties": {"omitted": {
                        "type": "integer",
                        "minimum": 1,
                        "description": "How many invalid fields of the request `errors` leaves out, beyond the most one response lists.",
                    }},
                },
            },
            // No `data` beside `errors` (section 7.1); not said with `not`, which OpenAPI
            // documents built with utoipa drop.
            "required": ["errors"],
        }))
    }

    fn schema_name(&self) -> &'static str {
        "JsonApiErrors"
    }
}

/// The JSON:API document as a [`Serialize`] value: the same bytes as [`JsonApi`]'s writer.
struct JsonApiView<'a> {
    format: &'a JsonApi,
    body: &'a Body<'a>,
}

impl Serialize for JsonApiView<'_> {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        struct Errors<'a>(&'a JsonApiView<'a>);
        impl Serialize for Errors<'_> {
            fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
                let entries = self.0.body.entries();
                let mut seq = serializer.serialize_seq(Some(entries.len()))?;
                for err in entries {
                    seq.serialize_element(&Entry { view: self.0, err })?;
                }
                seq.end()
            }
        }
        struct Meta(usize);
        impl Serialize for Meta {
            fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
                let mut s = serializer.serialize_struct("JsonApiMeta", 1)?;
                s.serialize_field("omitted", &self.0)?;
                s.end()
            }
        }
        let omitted = self.body.omitted();
        let mut s = serializer.serialize_struct("JsonApiErrors", 1 + usize::from(omitted > 0))?;
        s.serialize_field("errors", &Errors(self))?;
        if omitted > 0 {
            s.serialize_field("meta", &Meta(omitted))?;
        }
        s.end()
    }
}

/// One error object of [`JsonApiView`].
struct Entry<'a> {
    view: &'a JsonApiView<'a>,
    err: &'a dyn ApiError,
}

impl Serialize for Entry<'_> {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let JsonApiView { format, body } = *self.view;
        let err = self.err;
        let place = Place::of(err);
        let mut s =
            serializer.serialize_struct("JsonApiError", 4 + usize::from(place.is_some()))?;
        s.serialize_field("status", &Collect(&body.status_of(err).as_u16()))?;
        s.serialize_field("code", err.code())?;
        let title = err.meta();
        let title = title
            .title_in(format.title_language(body, err))
            .unwrap_or(title.title);
        s.serialize_field("title", title)?;
        let message = apierror_runtime::format::public_message(err, body.message_language(err));
        s.serialize_field("detail", &Collect(&message))?;
        if let Some(place) = place {
            struct Source<'a>(InPointer<'a>);
            impl Serialize for Source<'_> {
                fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
                    let mut s = serializer.serialize_struct("JsonApiSource", 1)?;
                    s.serialize_field("pointer", &Collect(&self.0))?;
                    s.end()
                }
            }
            let pointer = InPointer {
                prefix: &format.prefix,
                place,
            };
            s.serialize_field("source", &Source(pointer))?;
        }
        s.end()
    }
}
