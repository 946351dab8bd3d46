//! RFC 9457 problem details, plain or in the Vipps MobilePay ePayment profile.
//!
//! Plain:
//!
//! ```text
//! {"type":"about:blank","title":"Bad Request","status":400,"detail":"token was already used","instance":"/charges","code":"used_token"}
//! ```
//!
//! Vipps ePayment profile:
//!
//! ```text
//! {"type":"https://httpstatuses.io/400","title":"Cannot capture before reservation","status":400,"detail":"…","instance":"/v1/payments/577531734343670112/capture","extraDetails":[{"name":"ErrorCode","reason":"6080"}],"traceId":"00-813b63975adcaaeef2b0ec7c103c40e3-706492e906541d31-01"}
//! ```
//!
//! Members are written in the order `type`, `title`, `status`, `detail`, `instance`, then the
//! profile's extensions, then the context's extension members. `status` is always the number
//! sent as the HTTP status.
//!
//! Several errors in one response: the first is the problem (its status, type, title and
//! detail). In the Vipps profile every error with a field, and every further error, adds an
//! `extraDetails` entry `{"name": <field, or the code when there is none>, "reason":
//! <message>}`. In the plain profile a list of more than one error adds an `errors`
//! extension member listing every error as `{"code", "detail", "field"?}`, as RFC 9457
//! section 3's example does for validation errors; one error with a field has it as an
//! extension member of its own. A field that is a path ([`ApiError::field_path`]) is
//! written as an RFC 6901 `pointer` (`/items/2/sku`, RFC 9457 section 3's member name), a
//! declared field as `field`.
//!
//! A validation failure is the problem of its summary; in the plain profile its `errors`
//! list every violation (even one) as `{"code", "detail", "pointer"}`, followed by
//! `errors_omitted` where it left some out; in the Vipps profile each violation adds an
//! `extraDetails` entry `{"name": <path, dotted>, "reason": <message>}`:
//!
//! ```text
//! {"type":"about:blank","title":"Unprocessable Entity","status":422,"detail":"the request has invalid fields","code":"validation_failed","errors":[{"code":"length","detail":"must be at least 3 characters","pointer":"/items/2/sku"}]}
//! ```

use core::fmt;

use http::StatusCode;

use serde::ser::{Serialize, SerializeMap, SerializeSeq, Serializer};

use serde_json::{json, Map, Value};

use crate::format::body::entries_of;
use crate::format::json::{self, escape_str};
use crate::format::members::Members;
use crate::format::received::ReceivedEntry;
use crate::format::view::{Collect, FieldText, PublicMessage};
use crate::format::Entries;
use crate::format::Format;
use crate::format::{check_url, OptionError};
use crate::format::{Body, Carries, Confidence, ParseError, ReadMode, ReceivedBody, WireFormat};
use crate::model::answer::{primary, wire_status};
use crate::model::api_error::ApiError;
use crate::model::field_path::Notation;
use crate::negotiate::language;
use crate::request::context::RequestContext;

/// The Vipps ePayment profile's `type` base: `https://httpstatuses.io/{status}`.
const VIPPS_TYPE_BASE: &str = "https://httpstatuses.io/";

/// How the problem `type` member is made.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum TypeKind {
    /// `about:blank`: the problem is the status itself, and `title` is the status's reason
    /// phrase (RFC 9457 section 4.2.1). The variant's code stays available in `code`.
    AboutBlank,
    /// A base URI followed by the error's code, e.g. `https://example.com/problems/used_token`.
    Code,
    /// A base URI followed by the status, e.g. `https://httpstatuses.io/400`.
    Status,
}

/// Which members beside the standard five a problem body carries.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Profile {
    /// RFC 9457 as is, with a `code` extension member (and `traceId` when the context has
    /// one, `errors` for several errors).
    Plain,
    /// The Vipps MobilePay ePayment profile: `extraDetails` with the `ErrorCode` entry, and
    /// `traceId` (which that API requires: an empty string when the context has none).
    Vipps,
}

/// Options of the problem format: how `type` is made and which profile.
///
/// ```
/// use apierror::format::ProblemFormat;
/// use apierror::{ApiError, RequestContext};
///
/// #[derive(Debug, ApiError)]
/// enum E {
///     #[status(400)]
///     #[code("used_token")]
///     #[message("token was already used")]
///     UsedToken,
/// }
///
/// let ctx = RequestContext::new().with_instance("/charges")?;
/// let mut buf = Vec::new();
/// ProblemFormat::new().render(&E::UsedToken, &ctx, &mut buf);
/// assert_eq!(
///     std::str::from_utf8(&buf).unwrap(),
///     r#"{"type":"about:blank","title":"Bad Request","status":400,"detail":"token was already used","instance":"/charges","code":"used_token"}"#
/// );
/// # Ok::<(), apierror::ContextError>(())
/// ```
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ProblemFormat {
    kind: TypeKind,
    base: String,
    /// `{"type":"` + the escaped base (or `about:blank`), built once when the option is set.
    prefix: String,
    profile: Profile,
}

impl Default for ProblemFormat {
    fn default() -> Self {
        Self::build(TypeKind::AboutBlank, "", Profile::Plain)
    }
}

list_entry_points!(
    ProblemFormat,
    with_context,
    render_all:
    /// Appends one problem body for several errors to `out`, in the language the context's
    /// preferences choose among the errors' languages. The first error is the problem; in
    /// the Vipps profile every error with a field, and every further error, adds an
    /// `extraDetails` entry; in the plain profile several errors add an `errors` member
    /// listing each as `{"code", "detail", "field"?}` (`"pointer"` for a path), and one
    /// error's field is a member of its own. A validation failure lists its violations.
    /// An empty list renders a 500.
    view:
    /// A [`Serialize`] view of the body, for embedding it in another document.
);

impl ProblemFormat {
    /// The Vipps ePayment profile's `type` base: `https://httpstatuses.io/{status}`.
    pub const VIPPS_TYPE_BASE: &'static str = VIPPS_TYPE_BASE;

    /// Plain RFC 9457 with `type` `about:blank`.
    pub fn new() -> Self {
        Self::default()
    }

    /// The Vipps ePayment profile: `type` = `https://httpstatuses.io/{status}`.
    pub fn vipps() -> Self {
        Self::build(TypeKind::Status, VIPPS_TYPE_BASE, Profile::Vipps)
    }

    /// `type` = `about:blank`, `title` = the status's reason phrase.
    pub fn with_about_blank(self) -> Self {
        Self::build(TypeKind::AboutBlank, "", self.profile)
    }

    /// `type` = `base` followed by the error's code (no control characters or whitespace).
    pub fn with_code_base(self, base: &str) -> Result<Self, OptionError> {
        check_url("type base", base)?;
        Ok(Self::build(TypeKind::Code, base, self.profile))
    }

    /// `type` = `base` followed by the status (no control characters or whitespace).
    pub fn with_status_base(self, base: &str) -> Result<Self, OptionError> {
        check_url("type base", base)?;
        Ok(Self::build(TypeKind::Status, base, self.profile))
    }

    /// Sets the profile, keeping how `type` is made.
    pub fn with_profile(self, profile: Profile) -> Self {
        Self::build(self.kind, &self.base, profile)
    }

    /// How `type` is made.
    pub fn type_kind(&self) -> TypeKind {
        self.kind
    }

    /// The base URI of `type` (empty for `about:blank`).
    pub fn type_base(&self) -> &str {
        &self.base
    }

    /// The profile.
    pub fn profile(&self) -> Profile {
        self.profile
    }

    fn build(kind: TypeKind, base: &str, profile: Profile) -> Self {
        let mut prefix = b"{\"type\":\"".to_vec();
        let base = match kind {
            TypeKind::AboutBlank => "",
            TypeKind::Code | TypeKind::Status => base,
        };
        match kind {
            TypeKind::AboutBlank => prefix.extend_from_slice(b"about:blank"),
            TypeKind::Code | TypeKind::Status => escape_str(&mut prefix, base),
        }
        ProblemFormat {
            kind,
            base: base.to_owned(),
            // Escaping keeps UTF-8 valid; the fallback is never taken.
            prefix: String::from_utf8(prefix).unwrap_or_default(),
            profile,
        }
    }

    /// The `title` of `err` in `lang`: for `about:blank` the status's reason phrase (in
    /// English: for an English body, or where the variant has no title in `lang`; RFC 9457
    /// section 4.2.1 lets it be localized), else the variant's title in `lang`.
    fn title(&self, err: &dyn ApiError, lang: &str) -> &'static str {
        self.title_and_quoting(err, lang).0
    }

    /// [`ProblemFormat::title`], and whether it is a reason phrase: those of `http` have no
    /// quote, backslash or control character, so they are copied into JSON as they are.
    fn title_and_quoting(&self, err: &dyn ApiError, lang: &str) -> (&'static str, bool) {
        let variant_title = || match json::is_default(err, lang) {
            true => err.title(),
            false => err.meta().title_in(lang).unwrap_or_else(|| err.title()),
        };
        let lang = match lang {
            language::DEFAULT => err.meta().language,
            lang => lang,
        };
        // The reason phrase is English: it stands for the title in an English body, and in
        // any other where the variant has no title of that language (the detail is still
        // written in it; `Content-Language` names both).
        let reason = match self.kind {
            TypeKind::AboutBlank if is_english(lang) || err.meta().title_in(lang).is_none() => {
                wire_status(err).canonical_reason()
            }
            _ => None,
        };
        match reason {
            Some(reason) => (reason, true),
            None => (variant_title(), false),
        }
    }

    /// Appends the problem body of `err` to `out`.
    pub fn render(&self, err: &dyn ApiError, ctx: &RequestContext<'_>, out: &mut Vec<u8>) {
        self.render_all(&[err], ctx, out);
    }

    /// [`ProblemFormat::render_all`] in `lang`, a language every error has.
    pub(crate) fn render_all_in(
        &self,
        errors: &[&dyn ApiError],
        ctx: &RequestContext<'_>,
        lang: &str,
        out: &mut Vec<u8>,
    ) {
        let err = primary(errors);
        // The derive's parts: the code always, the title and message where `lang` is the
        // default language.
        let derived = err.json_parts();
        let parts = derived.filter(|_| json::is_default(err, lang));
        // A body in English with a reason phrase for title, or the variant's own title.
        let title_is_static = self.kind != TypeKind::AboutBlank || {
            let written = match lang {
                language::DEFAULT => err.meta().language,
                lang => lang,
            };
            is_english(written)
        };
        let reason_head = match self.kind {
            TypeKind::AboutBlank if title_is_static => reason_head(wire_status(err)),
            _ => None,
        };
        out.reserve(256);
        out.extend_from_slice(self.prefix.as_bytes());
        match (self.kind, parts, reason_head) {
            // An English `about:blank` body: the status's reason phrase and status, in one
            // copy, for any error (the title is not the variant's).
            (_, _, Some(head)) => out.extend_from_slice(head.as_bytes()),
            // A derived error's status digits, title and status member, escaped at compile
            // time, in one copy (its status is always an error status: the wire status).
            (TypeKind::Status, Some(parts), None) if title_is_static => {
                out.extend_from_slice(parts.status_head.as_bytes())
            }
            (TypeKind::Code, Some(parts), None) if title_is_static => {
                out.extend_from_slice(parts.code.as_bytes());
                out.extend_from_slice(parts.title_head().as_bytes());
            }
            _ => {
                let status = wire_status(err);
                match self.kind {
                    TypeKind::AboutBlank => {}
                    TypeKind::Code => json::write_code(out, err, parts),
                    TypeKind::Status => out.extend_from_slice(status.as_str().as_bytes()),
                }
                out.extend_from_slice(apierror_spec::problem::TITLE.as_bytes());
                let (title, plain) = self.title_and_quoting(err, lang);
                json::write_known(out, title, plain);
                out.extend_from_slice(apierror_spec::problem::STATUS.as_bytes());
                out.extend_from_slice(status.as_str().as_bytes());
                out.extend_from_slice(apierror_spec::problem::DETAIL.as_bytes());
            }
        }
        json::write_message(out, err, parts, lang);
        // The closing quote of `detail` (or `instance`) starts the next member's literal.
        if let Some((instance, plain)) = ctx.instance_with_quoting() {
            out.extend_from_slice(b"\",\"instance\":\"");
            json::write_known(out, instance, plain);
        }
        match self.profile {
            Profile::Plain => {
                out.extend_from_slice(b"\",\"code\":\"");
                json::write_code(out, err, derived);
                out.push(b'"');
                let violations = err.violations();
                if errors.len() > 1 || !violations.is_empty() {
                    out.extend_from_slice(b",\"errors\":[");
                    for (i, e) in entries_of(errors).iter().enumerate() {
                        if i > 0 {
                            out.push(b',');
                        }
                        let e_parts = json::parts_in(e, lang);
                        out.extend_from_slice(b"{\"code\":\"");
                        json::write_code(out, e, e.json_parts());
                        out.extend_from_slice(b"\",\"detail\":\"");
                        json::write_message(out, e, e_parts, lang);
                        out.push(b'"');
                        write_field_member(out, e);
                        out.push(b'}');
                    }
                    out.push(b']');
                    if violations.omitted > 0 {
                        out.extend_from_slice(b",\"errors_omitted\":");
                        write_number(out, violations.omitted);
                    }
                } else {
                    write_field_member(out, err);
                }
                if let Some((trace_id, plain)) = ctx.trace_id_with_quoting() {
                    out.extend_from_slice(b",\"traceId\":\"");
                    json::write_known(out, trace_id, plain);
                    out.push(b'"');
                }
            }
            Profile::Vipps => {
                out.extend_from_slice(
                    b"\",\"extraDetails\":[{\"name\":\"ErrorCode\",\"reason\":\"",
                );
                json::write_code(out, err, derived);
                out.extend_from_slice(b"\"}");
                let summary = !err.violations().is_empty();
                for (i, e) in entries_of(errors).iter().enumerate() {
                    let field = FieldText::of(e, Notation::Dotted);
                    // The first error is the problem: an entry only for its field. A
                    // validation failure's violations do not repeat it.
                    if i == 0 && field.is_none() && !summary {
                        continue;
                    }
                    out.extend_from_slice(b",{\"name\":\"");
                    match field {
                        Some(field) => field.write_escaped(out, None),
                        None => json::write_code(out, e, e.json_parts()),
                    }
                    out.extend_from_slice(b"\",\"reason\":\"");
                    json::write_message(out, e, json::parts_in(e, lang), lang);
                    out.extend_from_slice(b"\"}");
                }
                out.extend_from_slice(b"],\"traceId\":\"");
                if let Some((trace_id, plain)) = ctx.trace_id_with_quoting() {
                    json::write_known(out, trace_id, plain);
                }
                out.push(b'"');
            }
        }
        for (name, value) in ctx.extensions() {
            out.extend_from_slice(b",\"");
            escape_str(out, name);
            out.extend_from_slice(b"\":\"");
            escape_str(out, value);
            out.push(b'"');
        }
        out.push(b'}');
    }

    /// [`ProblemFormat::view`] in `lang`, a language every error has.
    pub(crate) fn view_in<'a>(
        &'a self,
        errors: &'a [&'a dyn ApiError],
        ctx: &'a RequestContext<'a>,
        lang: &'a str,
    ) -> impl Serialize + 'a {
        ProblemView {
            format: self,
            errors,
            ctx,
            lang,
        }
    }
}

/// `","title":"<reason phrase>","status":<status>,"detail":"` for an error status with a
/// reason phrase: an `about:blank` head in one copy. Literals, so that no body pays for
/// building them; a test checks each against `http`'s reason phrases and the pieces the
/// generic path writes (`apierror_spec::problem`).
fn reason_head(status: StatusCode) -> Option<&'static str> {
    macro_rules! heads {
        ($($code:literal $reason:literal,)*) => {
            match status.as_u16() {
                $($code => Some(concat!(
                    "\",\"title\":\"", $reason, "\",\"status\":", $code, ",\"detail\":\""
                )),)*
                _ => None,
            }
        };
    }
    heads! {
        400 "Bad Request",
        401 "Unauthorized",
        402 "Payment Required",
        403 "Forbidden",
        404 "Not Found",
        405 "Method Not Allowed",
        406 "Not Acceptable",
        407 "Proxy Authentication Required",
        408 "Request Timeout",
        409 "Conflict",
        410 "Gone",
        411 "Length Required",
        412 "Precondition Failed",
        413 "Payload Too Large",
        414 "URI Too Long",
        415 "Unsupported Media Type",
        416 "Range Not Satisfiable",
        417 "Expectation Failed",
        418 "I'm a teapot",
        421 "Misdirected Request",
        422 "Unprocessable Entity",
        423 "Locked",
        424 "Failed Dependency",
        425 "Too Early",
        426 "Upgrade Required",
        428 "Precondition Required",
        429 "Too Many Requests",
        431 "Request Header Fields Too Large",
        451 "Unavailable For Legal Reasons",
        500 "Internal Server Error",
        501 "Not Implemented",
        502 "Bad Gateway",
        503 "Service Unavailable",
        504 "Gateway Timeout",
        505 "HTTP Version Not Supported",
        506 "Variant Also Negotiates",
        507 "Insufficient Storage",
        508 "Loop Detected",
        510 "Not Extended",
        511 "Network Authentication Required",
    }
}

/// Whether `lang` is English (`en`, `en-…`), whose reason phrases `about:blank` titles are.
fn is_english(lang: &str) -> bool {
    match lang.as_bytes() {
        [e, n, rest @ ..] => {
            e.eq_ignore_ascii_case(&b'e')
                && n.eq_ignore_ascii_case(&b'n')
                && matches!(rest.first(), None | Some(b'-'))
        }
        _ => false,
    }
}

/// Appends `,"pointer":"…"` (a path, RFC 6901) or `,"field":"…"` (a declared field) for
/// `err`'s field; nothing where it has none.
fn write_field_member(out: &mut Vec<u8>, err: &dyn ApiError) {
    if let Some(field) = FieldText::of(err, Notation::Pointer) {
        out.extend_from_slice(match field.is_path() {
            true => b",\"pointer\":\"",
            false => b",\"field\":\"",
        });
        field.write_escaped(out, None);
        out.push(b'"');
    }
}

/// Appends `n` in decimal.
fn write_number(out: &mut Vec<u8>, n: usize) {
    crate::format::JsonWriter::new(out).number(n as u64);
}

/// The problem body as a [`Serialize`] value; see [`ProblemFormat::view`].
pub(crate) struct ProblemView<'a> {
    format: &'a ProblemFormat,
    errors: &'a [&'a dyn ApiError],
    ctx: &'a RequestContext<'a>,
    lang: &'a str,
}

impl Serialize for ProblemView<'_> {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let format = self.format;
        let err = primary(self.errors);
        let status = wire_status(err);
        let mut map = serializer.serialize_map(None)?;
        let type_uri = TypeUri {
            format,
            code: err.code(),
            status: status.as_str(),
        };
        map.serialize_entry("type", &Collect(&type_uri))?;
        let lang = self.lang;
        map.serialize_entry("title", format.title(err, lang))?;
        map.serialize_entry("status", &status.as_u16())?;
        map.serialize_entry("detail", &Collect(&PublicMessage { err, lang }))?;
        if let Some(instance) = self.ctx.instance() {
            map.serialize_entry("instance", instance)?;
        }
        match format.profile {
            Profile::Plain => {
                map.serialize_entry("code", err.code())?;
                let violations = err.violations();
                if self.errors.len() > 1 || !violations.is_empty() {
                    map.serialize_entry("errors", &PlainErrors(entries_of(self.errors), lang))?;
                    if violations.omitted > 0 {
                        map.serialize_entry("errors_omitted", &violations.omitted)?;
                    }
                } else if let Some(field) = FieldText::of(err, Notation::Pointer) {
                    map.serialize_entry(field_member(&field), &Collect(&field))?;
                }
                if let Some(trace_id) = self.ctx.trace_id() {
                    map.serialize_entry("traceId", trace_id)?;
                }
            }
            Profile::Vipps => {
                let details = ExtraDetails {
                    entries: entries_of(self.errors),
                    first: err,
                    lang,
                };
                map.serialize_entry("extraDetails", &details)?;
                map.serialize_entry("traceId", self.ctx.trace_id().unwrap_or(""))?;
            }
        }
        for (name, value) in self.ctx.extensions() {
            map.serialize_entry(name, value)?;
        }
        map.end()
    }
}

/// The `type` URI as text.
struct TypeUri<'a> {
    format: &'a ProblemFormat,
    code: &'a str,
    status: &'a str,
}

impl fmt::Display for TypeUri<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self.format.kind {
            TypeKind::AboutBlank => f.write_str("about:blank"),
            TypeKind::Code => {
                f.write_str(&self.format.base)?;
                f.write_str(self.code)
            }
            TypeKind::Status => {
                f.write_str(&self.format.base)?;
                f.write_str(self.status)
            }
        }
    }
}

/// The plain profile's `errors` member.
struct PlainErrors<'a>(Entries<'a>, &'a str);

impl Serialize for PlainErrors<'_> {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let mut seq = serializer.serialize_seq(Some(self.0.len()))?;
        for err in self.0 {
            seq.serialize_element(&PlainEntry(err, self.1))?;
        }
        seq.end()
    }
}

/// The member a field is written under: `pointer` for a path, `field` for a declared one.
fn field_member(field: &FieldText<'_>) -> &'static str {
    match field.is_path() {
        true => "pointer",
        false => "field",
    }
}

struct PlainEntry<'a>(&'a dyn ApiError, &'a str);

impl Serialize for PlainEntry<'_> {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let mut map = serializer.serialize_map(None)?;
        map.serialize_entry("code", self.0.code())?;
        let detail = PublicMessage {
            err: self.0,
            lang: self.1,
        };
        map.serialize_entry("detail", &Collect(&detail))?;
        if let Some(field) = FieldText::of(self.0, Notation::Pointer) {
            map.serialize_entry(field_member(&field), &Collect(&field))?;
        }
        map.end()
    }
}

/// The Vipps profile's `extraDetails` member.
struct ExtraDetails<'a> {
    entries: Entries<'a>,
    first: &'a dyn ApiError,
    lang: &'a str,
}

impl Serialize for ExtraDetails<'_> {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let mut seq = serializer.serialize_seq(None)?;
        seq.serialize_element(&NameReason {
            name: &"ErrorCode",
            reason: &self.first.code(),
        })?;
        let summary = !self.first.violations().is_empty();
        for (i, err) in self.entries.iter().enumerate() {
            let field = FieldText::of(err, Notation::Dotted);
            if i == 0 && field.is_none() && !summary {
                continue;
            }
            let code = err.code();
            let message = PublicMessage {
                err,
                lang: self.lang,
            };
            let name: &dyn fmt::Display = match &field {
                Some(field) => field,
                None => &code,
            };
            seq.serialize_element(&NameReason {
                name,
                reason: &message,
            })?;
        }
        seq.end()
    }
}

struct NameReason<'a> {
    name: &'a dyn fmt::Display,
    reason: &'a dyn fmt::Display,
}

impl Serialize for NameReason<'_> {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let mut map = serializer.serialize_map(Some(2))?;
        map.serialize_entry("name", &Collect(self.name))?;
        map.serialize_entry("reason", &Collect(self.reason))?;
        map.end()
    }
}

impl WireFormat for ProblemFormat {
    fn name(&self) -> &'static str {
        match self.profile {
            Profile::Plain => "problem",
            Profile::Vipps => "vipps",
        }
    }

    fn media_type(&self) -> &'static str {
        "application/problem+json"
    }

    fn content_type(&self) -> &'static str {
        "application/problem+json"
    }

    fn carries(&self) -> Carries {
        Carries::LIST.with_title()
    }

    /// The status phrase of `about:blank` is English; a variant's own title is in the
    /// language chosen where it has one.
    fn title_language(&self, body: &Body<'_>, err: &dyn ApiError) -> &'static str {
        let lang = body.message_language(err);
        match self.title_and_quoting(err, lang) {
            (_, true) => "en",
            (_, false) => body.title_language(err),
        }
    }

    fn write(&self, body: &Body<'_>, out: &mut Vec<u8>) {
        self.render_all_in(body.errors(), body.context(), body.written(), out);
    }

    fn view<'a>(&'a self, body: &'a Body<'a>) -> Box<dyn erased_serde::Serialize + 'a> {
        Box::new(self.view_in(body.errors(), body.context(), body.written()))
    }

    /// `extraDetails` is the Vipps profile's alone; the problem media type, or `type`,
    /// `title` or `detail`, are any problem's.
    fn detect(&self, object: &Map<String, Value>, media_type: &str) -> Confidence {
        let vipps = object.contains_key("extraDetails");
        let problem = media_type == "application/problem+json"
            || ["type", "title", "detail"]
                .iter()
                .any(|m| object.contains_key(*m));
        match (self.profile, vipps, problem) {
            (Profile::Vipps, true, _) => Confidence::CERTAIN,
            (Profile::Plain, false, true) => Confidence::MEMBERS,
            (Profile::Plain, true, _) | (Profile::Vipps, false, true) => Confidence::SHAPE,
            (_, false, false) => Confidence::NONE,
        }
    }

    fn read(&self, object: Map<String, Value>, mode: ReadMode) -> Result<ReceivedBody, ParseError> {
        Members::read_body(object, Format::named(self.name()), mode, read_members)
    }

    fn schema(&self) -> Option<Value> {
        let string = |description: &str| json!({"type": "string", "description": description});
        let vipps = self.profile == Profile::Vipps;
        let mut properties = json!({
            "type": string("A URI reference identifying the problem type."),
            "title": string("A short summary of the problem type."),
            "status": {"type": "integer", "description": "The HTTP status."},
            "detail": string("An explanation of this occurrence."),
            "instance": string("A URI reference identifying this occurrence."),
        });
        let extra = if vipps {
            json!({
                "extraDetails": {"type": "array", "items": {
                    "type": "object",
                    "properties": {
                        "name": string("`ErrorCode`, or the field at fault."),
                        "reason": string("The error code, or the field's message."),
                    },
                    "required": ["name", "reason"],
                }},
                "traceId": string("The request's trace id."),
            })
        } else {
            json!({
                "code": string("The machine-readable code (extension member)."),
                "traceId": string("The request's trace id (extension member)."),
                "field": string("The request field at fault, as declared, for one error (extension member)."),
                "pointer": string("The request field at fault, as an RFC 6901 JSON Pointer, for one error (extension member)."),
                "errors": {"type": "array", "items": {
                    "type": "object",
                    "properties": {
                        "code": string("The error's code."),
                        "detail": string("The error's message."),
                        "field": string("The request field at fault, as declared."),
                        "pointer": string("The request field at fault, as an RFC 6901 JSON Pointer."),
                    },
                    "required": ["code", "detail"],
                }},
                "errors_omitted": {
                    "type": "integer",
                    "minimum": 1,
                    "description": "How many more invalid fields a validation failure left out of `errors` (extension member).",
                },
            })
        };
        if let (Value::Object(properties), Value::Object(extra)) = (&mut properties, extra) {
            properties.extend(extra);
        }
        let mut schema = json!({
            "type": "object",
            "description": if vipps {
                "RFC 9457 problem details in the Vipps MobilePay ePayment profile."
            } else {
                "RFC 9457 problem details."
            },
            "properties": properties,
        });
        if vipps {
            schema["required"] = json!([
                "type",
                "title",
                "status",
                "detail",
                "extraDetails",
                "traceId"
            ]);
        }
        Some(schema)
    }

    fn schema_name(&self) -> &'static str {
        match self.profile {
            Profile::Plain => "Problem",
            Profile::Vipps => "VippsProblem",
        }
    }
}

/// Reads a received body's members into `body` (see [`WireFormat::read`]).
fn read_members(m: &mut Members, body: &mut ReceivedBody) -> Result<(), ParseError> {
    body.problem_type = m.string("type")?;
    body.title = m.string("title")?;
    body.status = m.status("status")?;
    body.message = m.string("detail")?;
    body.instance = m.string("instance")?;
    body.code = m.string("code")?;
    body.trace_id = m.string("traceId")?;
    body.field = field_or_pointer(m)?;
    if let Some(details) = m.array("extraDetails")? {
        for (i, value) in details.into_iter().enumerate() {
            let Some(mut e) = m.element(value, "extraDetails", i)? else {
                continue;
            };
            let name = e.string("name")?;
            let reason = e.string("reason")?;
            if name.as_deref() == Some("ErrorCode") && body.code.is_none() {
                body.code = reason;
                continue;
            }
            body.entries.push(ReceivedEntry {
                code: None,
                field: name,
                message: reason,
                extra: e.into_map(),
                format: Some(Format::Vipps),
            });
        }
    }
    if let Some(errors) = m.array("errors")? {
        for (i, value) in errors.into_iter().enumerate() {
            let Some(mut e) = m.element(value, "errors", i)? else {
                continue;
            };
            body.entries.push(ReceivedEntry {
                code: e.string("code")?,
                field: field_or_pointer(&mut e)?,
                message: e.string("detail")?,
                extra: e.into_map(),
                format: Some(Format::Problem),
            });
        }
    }
    // In the Vipps profile the first error's field is an `extraDetails` entry whose reason
    // is the detail: it stands for the body's field, as Oney's first entry does.
    if body.field.is_none() {
        let detail = body.message.as_deref();
        body.field = body
            .entries
            .first()
            .filter(|e| e.format == Some(Format::Vipps) && e.message.as_deref() == detail)
            .and_then(|e| e.field.clone());
    }
    Ok(())
}

/// A problem's (or an `errors` entry's) field: `field` as declared, else `pointer` as
/// written (RFC 9457 section 3's member for a field at fault). Where both are present,
/// `pointer` stays among the other members.
fn field_or_pointer(m: &mut Members) -> Result<Option<String>, ParseError> {
    match m.string("field")? {
        Some(field) => Ok(Some(field)),
        None => m.string("pointer"),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// `about:blank` titles are copied into the body unescaped: every reason phrase of an
    /// error status is plain JSON string content.
    #[test]
    fn reason_phrases_need_no_escaping() {
        for code in 400..=599 {
            let status = http::StatusCode::from_u16(code).expect("an error status");
            if let Some(reason) = status.canonical_reason() {
                let mut escaped = Vec::new();
                escape_str(&mut escaped, reason);
                assert_eq!(escaped, reason.as_bytes(), "{code}");
            }
        }
    }

    #[test]
    fn reason_heads() {
        let head = reason_head(StatusCode::NOT_FOUND);
        assert_eq!(
            head,
            Some(r#"","title":"Not Found","status":404,"detail":""#)
        );
        // Every error status `http` has a reason phrase for, and no other status.
        for code in 100..=999 {
            let status = StatusCode::from_u16(code).expect("a status");
            let reason = status
                .canonical_reason()
                .filter(|_| (400..600).contains(&code));
            let expected = reason.map(|r| apierror_spec::problem::status_head(code, r));
            let expected = expected.as_deref().and_then(|head| head.get(3..));
            assert_eq!(reason_head(status), expected, "{code}");
        }
    }

    #[test]
    fn english_tags() {
        for (tag, english) in [("en", true), ("EN-gb", true), ("eng", false), ("e", false)] {
            assert_eq!(is_english(tag), english, "{tag}");
        }
    }
}
