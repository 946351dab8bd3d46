//! The error response of the Microsoft REST API guidelines (Azure, Microsoft Graph).
//!
//! ```text
//! {"error":{"code":"invalid_transfer","message":"amount exceeds the available balance","target":"amount","details":[{"code":"…","message":"…","target":"…"}]}}
//! ```
//!
//! with an `x-ms-error-code` header equal to `error.code`. `code` and `message` are
//! required; `target` is the field the error is about; several errors put the first at
//! the top and all of them in `details`. A validation failure puts its summary at the top
//! and each violation in `details`, even a single one.

use apierror_runtime::format::{
    Body, Carries, Confidence, Entries, JsonWriter, ParseError, ReadMode, ReceivedBody, WireFormat,
};
use apierror_runtime::parse::ReceivedEntry;
use apierror_runtime::{ApiError, Format};
use http::header::{HeaderMap, HeaderName, HeaderValue};
use serde::ser::{Serialize, SerializeSeq, SerializeStruct, Serializer};
use serde_json::{json, Map, Value};

use crate::notation::{Dotted, Place};
use crate::put::raw;
use crate::read;
use crate::view::Collect;

/// The header Azure's client libraries read the error code from first.
const ERROR_CODE: HeaderName = HeaderName::from_static("x-ms-error-code");

/// The Microsoft REST API guidelines' error format.
///
/// `code` is the error's code as declared: the guidelines' codes are PascalCase
/// (`InvalidTransfer`), which an enum gets with `#[api_error(rename_all = "PascalCase")]`;
/// writing the declared code keeps a received body's code the catalog's. `target` is the
/// field as written (`items[0].price`), or a path ([`ApiError::field_path`]) in
/// [`Notation::Dotted`](apierror_runtime::Notation::Dotted) (`items[2].sku`, an odd name
/// quoted: `meta["a.b"]`). With one error there is no `details` member; with several,
/// the first is also the top-level error, so that a client reading only `code` and
/// `message` sees the most important one. A validation failure ([`Body::is_summary`]) is
/// its summary at the top and every violation in `details`, even one, each with the
/// validator's code, its message and its path as `target`; the summary is not repeated
/// among them. The `x-ms-error-code` header repeats the top-level code.
///
/// ```
/// use apierror::format::Microsoft;
/// use apierror::{ApiError, Format, Renderer, RequestContext};
///
/// #[derive(Debug, ApiError)]
/// #[api_error(rename_all = "PascalCase")]
/// enum TransferError {
///     #[status(400)]
///     #[message("amount exceeds the available balance")]
///     InvalidTransfer {
///         #[field]
///         field: &'static str,
///     },
/// }
///
/// let renderer = Renderer::new(Format::named("microsoft")).with_format(Microsoft::new())?;
/// let err = TransferError::InvalidTransfer { field: "amount" };
/// let res = renderer.response(Format::named("microsoft"), &err, &RequestContext::new());
/// assert_eq!(res.headers()["x-ms-error-code"], "InvalidTransfer");
/// assert_eq!(
///     std::str::from_utf8(res.body()).unwrap(),
///     r#"{"error":{"code":"InvalidTransfer","message":"amount exceeds the available balance","target":"amount"}}"#
/// );
///
/// use apierror::validation::ValidationFailure;
/// use apierror::{FieldPath, FieldViolation, Rule};
///
/// let failure = ValidationFailure::new([FieldViolation::new(
///     FieldPath::new().key("items").index(2).key("sku"),
///     "required",
///     Rule::Required,
/// )]);
/// let res = renderer.response(Format::named("microsoft"), &failure, &RequestContext::new());
/// assert_eq!(res.headers()["x-ms-error-code"], "validation_failed");
/// assert_eq!(
///     std::str::from_utf8(res.body()).unwrap(),
///     r#"{"error":{"code":"validation_failed","message":"the request has invalid fields","details":[{"code":"required","message":"is required","target":"items[2].sku"}]}}"#
/// );
/// # Ok::<(), apierror::format::FormatError>(())
/// ```
#[derive(Debug, Clone, Default, PartialEq, Eq)]
#[non_exhaustive]
pub struct Microsoft {}

impl Microsoft {
    /// The format.
    ///
    /// ```
    /// use apierror::format::{Microsoft, WireFormat};
    /// assert_eq!(Microsoft::new().name(), "microsoft");
    /// assert_eq!(Microsoft::new().schema_name(), "MicrosoftError");
    /// ```
    pub fn new() -> Self {
        Microsoft::default()
    }
}

/// Writes `"code":…,"message":…` and `,"target":…` where `err` has a field: the members
/// the top-level error and each detail share.
fn write_members(body: &Body<'_>, err: &dyn ApiError, w: &mut JsonWriter<'_>) {
    raw(w, r#""code":"#);
    w.code(err);
    raw(w, r#","message":"#);
    w.message(err, body.message_language(err));
    if let Some(place) = Place::of(err) {
        raw(w, r#","target":"#);
        w.display(&Dotted(place));
    }
}

/// The `details` of `body`, if it has them: the entries where there are several, or where
/// they are a validation failure's violations (which the top-level error does not
/// repeat), even one.
fn details<'a>(body: &Body<'a>) -> Option<Entries<'a>> {
    let entries = body.entries();
    (entries.len() > 1 || body.is_summary()).then_some(entries)
}

impl WireFormat for Microsoft {
    fn name(&self) -> &'static str {
        "microsoft"
    }

    /// Every error, the first twice (at the top and in `details`); a validation
    /// failure's summary at the top and its violations in `details`.
    // Nothing of the request is written: a static variant's body is written once.
    fn varies_by_request(&self) -> bool {
        false
    }

    fn carries(&self) -> Carries {
        Carries::LIST
    }

    fn write(&self, body: &Body<'_>, out: &mut Vec<u8>) {
        let mut w = JsonWriter::new(out);
        raw(&mut w, r#"{"error":{"#);
        write_members(body, body.first(), &mut w);
        if let Some(entries) = details(body) {
            raw(&mut w, r#","details":["#);
            for (i, err) in entries.iter().enumerate() {
                raw(&mut w, if i == 0 { "{" } else { ",{" });
                write_members(body, err, &mut w);
                raw(&mut w, "}");
            }
            raw(&mut w, "]");
        }
        raw(&mut w, "}}");
    }

    fn view<'a>(&'a self, body: &'a Body<'a>) -> Box<dyn erased_serde::Serialize + 'a> {
        Box::new(MicrosoftView(body))
    }

    /// `x-ms-error-code`, the top-level code (where it is a valid header value, as a
    /// derived code always is).
    fn headers(&self, body: &Body<'_>, headers: &mut HeaderMap) {
        if let Ok(code) = HeaderValue::from_str(body.first().code()) {
            headers.insert(ERROR_CODE, code);
        }
    }

    /// An `error` object with a string `code`: certain with a member only this format
    /// writes (`target`, `innererror` or Graph's `innerError`, or `details` whose entries
    /// have a string `code`), else as sure as its members are. Google's numeric `code` is
    /// not this format's; beside a `type`, the object is more likely Stripe's.
    fn detect(&self, object: &Map<String, Value>, _media_type: &str) -> Confidence {
        let Some(Value::Object(error)) = object.get("error") else {
            return Confidence::NONE;
        };
        if !error.get("code").is_some_and(Value::is_string) {
            return Confidence::NONE;
        }
        if error.contains_key("type") {
            return Confidence::SHAPE;
        }
        let own_details = match error.get("details") {
            Some(Value::Array(details)) => {
                !details.is_empty()
                    && details.iter().all(|d| {
                        d.get("code").is_some_and(Value::is_string) && d.get("@type").is_none()
                    })
            }
            _ => false,
        };
        // Microsoft Graph spells it `innerError`.
        let inner = error.contains_key("innererror") || error.contains_key("innerError");
        let own = own_details || inner || error.contains_key("target");
        match (own, error.get("message").is_some_and(Value::is_string)) {
            (true, _) => Confidence::CERTAIN,
            (false, true) => Confidence::MEMBERS,
            (false, false) => Confidence::SHAPE,
        }
    }

    /// `error`, `error.code` and `error.message` are required in strict mode, and so are
    /// each detail's `code` and `message`. `target` is the body's field; each detail is
    /// one [`ReceivedEntry`] (its `target` as field, as written: a path in
    /// [`Notation::Dotted`](apierror_runtime::Notation::Dotted) reads back with
    /// [`FieldPath::parse`](apierror_runtime::FieldPath::parse)); `innererror` and every
    /// other member of `error` are kept in [`ReceivedBody::extra`] under their names. A
    /// validation failure reads as its summary at the top and its violations as the
    /// entries.
    fn read(&self, object: Map<String, Value>, mode: ReadMode) -> Result<ReceivedBody, ParseError> {
        read::error_object(object, mode, Format::named(self.name()), |error, body| {
            let code = error.string("code")?;
            body.code = error.required("code", code)?;
            let message = error.string("message")?;
            body.message = error.required("message", message)?;
            body.field = error.string("target")?;
            let details = error.array("details")?.unwrap_or_default();
            for (i, value) in details.into_iter().enumerate() {
                let Some(mut detail) = error.element(value, "details", i)? else {
                    continue;
                };
                let mut entry = ReceivedEntry::default();
                let code = detail.string("code")?;
                entry.code = detail.required("code", code)?;
                let message = detail.string("message")?;
                entry.message = detail.required("message", message)?;
                entry.field = detail.string("target")?;
                entry.extra = detail.into_map();
                body.entries.push(entry);
            }
            Ok(())
        })
    }

    fn schema(&self) -> Option<Value> {
        let string = |description: &str| json!({"type": "string", "description": description});
        let members = json!({
            "code": string("The machine-readable code."),
            "message": string("The human-readable message."),
            "target": string("The request field the error is about."),
        });
        let mut error = members.clone();
        error["details"] = json!({
            "type": "array",
            "description": "Every error of the response, the top-level one first.",
            "items": {"type": "object", "properties": members, "required": ["code", "message"]},
        });
        Some(json!({
            "type": "object",
            "description": "An error response of the Microsoft REST API guidelines.",
            "properties": {"error": {
                "type": "object",
                "properties": error,
                "required": ["code", "message"],
            }},
            "required": ["error"],
        }))
    }

    fn schema_name(&self) -> &'static str {
        "MicrosoftError"
    }
}

/// The Microsoft body as a [`Serialize`] value: the same bytes as [`Microsoft`]'s writer.
struct MicrosoftView<'a>(&'a Body<'a>);

/// One error's members, at the top or in `details`; `details` with the list where the
/// top-level error has it.
struct ErrorView<'a> {
    body: &'a Body<'a>,
    err: &'a dyn ApiError,
    details: Option<Entries<'a>>,
}

impl Serialize for ErrorView<'_> {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let err = self.err;
        let place = Place::of(err);
        let len = 2 + usize::from(place.is_some()) + usize::from(self.details.is_some());
        let mut s = serializer.serialize_struct("MicrosoftError", len)?;
        s.serialize_field("code", err.code())?;
        let message =
            apierror_runtime::format::public_message(err, self.body.message_language(err));
        s.serialize_field("message", &Collect(&message))?;
        if let Some(place) = place {
            s.serialize_field("target", &Collect(&Dotted(place)))?;
        }
        if let Some(details) = self.details {
            s.serialize_field("details", &Details(self.body, details))?;
        }
        s.end()
    }
}

/// The `details` list.
struct Details<'a>(&'a Body<'a>, Entries<'a>);

impl Serialize for Details<'_> {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let mut seq = serializer.serialize_seq(Some(self.1.len()))?;
        for err in self.1 {
            seq.serialize_element(&ErrorView {
                body: self.0,
                err,
                details: None,
            })?;
        }
        seq.end()
    }
}

impl Serialize for MicrosoftView<'_> {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let top = ErrorView {
            body: self.0,
            err: self.0.first(),
            details: details(self.0),
        };
        let mut s = serializer.serialize_struct("MicrosoftBody", 1)?;
        s.serialize_field("error", &top)?;
        s.end()
    }
}
