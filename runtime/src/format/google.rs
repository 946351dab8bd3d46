//! Google's error model (AIP-193): `google.rpc.Status` over HTTP/JSON.
//!
//! ```text
//! {"error":{"code":404,"message":"cart 7 was not found","status":"NOT_FOUND","details":[{"@type":"type.googleapis.com/google.rpc.ErrorInfo","reason":"CART_NOT_FOUND","domain":"shop.example.com","metadata":{"id":"7"}}]}}
//! ```
//!
//! `code` is the HTTP status, `status` the `google.rpc.Code` name (the variant's
//! `#[grpc(…)]`, else the HTTP status mapped as `google/rpc/code.proto` documents), `message`
//! the developer-facing message in the error's default language. The details, in this
//! order:
//!
//! - `ErrorInfo`: `reason` = the code in UPPER_SNAKE_CASE ([`reason`]), `domain` = the
//!   enum's `#[api_error(domain = "…")]` else this format's, `metadata` = the values the
//!   message template prints, keys in lowerCamelCase (never a `#[source]`);
//! - `LocalizedMessage`: where the request's preferences chose another language, the
//!   message in it (`locale`, `message`);
//! - `BadRequest`: for an error with a field, or several errors, one `fieldViolations`
//!   entry per error (`field`, dotted where it is a path, `description`, `reason`); for a
//!   validation failure, one per violation (its summary is the status and `ErrorInfo`);
//! - `RetryInfo`: for 429 and 503 when the format has a retry delay;
//! - `Help`: where the enum has a `location`, a link to the error's reference.
//!
//! It shares `application/json` with Omise and Oney, so an `Accept` header cannot ask for
//! it: a server chooses it by configuration ([`Renderer::new`](crate::Renderer::new) with
//! [`Format::Google`](crate::Format::Google) as the default).

use core::fmt;
use std::time::Duration;

use serde::ser::{Serialize, SerializeMap, SerializeSeq, Serializer};

use serde_json::{json, Map, Value};

use crate::format::body::entries_of;
use crate::format::code_match::same_code;
use crate::format::json::{self, escape_anchor, escape_str};
use crate::format::members::Members;
use crate::format::received::ReceivedEntry;
use crate::format::view::{Collect, FieldText, PublicMessage};
use crate::format::Entries;
use crate::format::Format;
use crate::format::OptionError;
use crate::format::{
    Body, Carries, CodeMatch, Confidence, ParseError, ReadMode, ReceivedBody, WireFormat,
};
use crate::model::answer::{primary, wire_status};
use crate::model::api_error::ApiError;
use crate::model::catalog::VariantMeta;
use crate::model::field_path::Notation;
use crate::model::parts::GoogleUnit;
use crate::request::context::RequestContext;

// The `google.rpc.Code` names, the status mapping, the reason of a code and the literal
// pieces of a body: one definition, which the derive uses at compile time too.
pub use apierror_spec::google::CODE_NAMES;
pub(crate) use apierror_spec::google::{body, code_name_of, reason, write_reason};

/// The `@type` of each detail (`ErrorInfo`'s and `Help`'s are also in the body's pieces,
/// `body::INFO` and `body::HELP`).
pub(crate) const ERROR_INFO: &str = "type.googleapis.com/google.rpc.ErrorInfo";
pub(crate) const LOCALIZED_MESSAGE: &str = "type.googleapis.com/google.rpc.LocalizedMessage";
pub(crate) const BAD_REQUEST: &str = "type.googleapis.com/google.rpc.BadRequest";
pub(crate) const RETRY_INFO: &str = "type.googleapis.com/google.rpc.RetryInfo";
pub(crate) const HELP: &str = "type.googleapis.com/google.rpc.Help";

/// Options of the Google format: the `ErrorInfo.domain` of types that name none, and the
/// retry delay sent with 429 and 503.
///
/// ```
/// use apierror::format::GoogleFormat;
/// use apierror::{ApiError, RequestContext};
///
/// #[derive(Debug, ApiError)]
/// #[api_error(domain = "shop.example.com")]
/// enum ShopError {
///     #[status(404)]
///     #[code("cart_not_found")]
///     #[message("cart {id} was not found")]
///     CartNotFound { id: u64 },
/// }
///
/// let mut buf = Vec::new();
/// GoogleFormat::new().render(&ShopError::CartNotFound { id: 7 }, &RequestContext::new(), &mut buf);
/// assert_eq!(
///     std::str::from_utf8(&buf).unwrap(),
///     r#"{"error":{"code":404,"message":"cart 7 was not found","status":"NOT_FOUND","details":[{"@type":"type.googleapis.com/google.rpc.ErrorInfo","reason":"CART_NOT_FOUND","domain":"shop.example.com","metadata":{"id":"7"}}]}}"#
/// );
/// ```
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct GoogleFormat {
    domain: String,
    retry_delay: Option<Duration>,
}

list_entry_points!(
    GoogleFormat,
    without_context,
    render_all:
    /// Appends one body for several errors to `out`: the first is the status; every error
    /// has a `fieldViolations` entry. An empty list renders a 500.
    view:
    /// A [`Serialize`] view of the body, for embedding it in another document.
);

impl GoogleFormat {
    /// The format without a default domain or retry delay.
    pub fn new() -> Self {
        Self::default()
    }

    /// Sets the `ErrorInfo.domain` of types without `#[api_error(domain = "…")]`: a DNS
    /// name such as `shop.example.com` (letters, digits, `-` and `.`).
    pub fn with_domain(mut self, domain: &str) -> Result<Self, OptionError> {
        if !apierror_spec::rules::is_dns_name(domain) {
            return Err(OptionError::Domain);
        }
        self.domain = domain.to_owned();
        Ok(self)
    }

    /// The `ErrorInfo.reason` of a code: upper case, every run of characters other than
    /// letters and digits one `_`, none at either end, at most 63 characters.
    ///
    /// ```
    /// use apierror::format::GoogleFormat;
    /// assert_eq!(GoogleFormat::reason("cart_not_found"), "CART_NOT_FOUND");
    /// assert_eq!(GoogleFormat::reason("too-many.requests"), "TOO_MANY_REQUESTS");
    /// ```
    pub fn reason(code: &str) -> String {
        reason(code)
    }

    /// The `google.rpc.Code` name an HTTP status maps to, as `google/rpc/code.proto`
    /// documents each code's HTTP mapping; any other status by its class (4xx
    /// `FAILED_PRECONDITION`, 5xx `INTERNAL`).
    ///
    /// ```
    /// use apierror::format::GoogleFormat;
    /// assert_eq!(GoogleFormat::code_name(404), "NOT_FOUND");
    /// assert_eq!(GoogleFormat::code_name(418), "FAILED_PRECONDITION");
    /// ```
    pub const fn code_name(status: u16) -> &'static str {
        code_name_of(status)
    }

    /// The HTTP status of a `google.rpc.Code` name, as `google/rpc/code.proto` documents
    /// it (`OK` is 200; an unknown name 500).
    ///
    /// ```
    /// use apierror::format::GoogleFormat;
    /// assert_eq!(GoogleFormat::http_status("FAILED_PRECONDITION"), 400);
    /// assert_eq!(GoogleFormat::http_status("ALREADY_EXISTS"), 409);
    /// ```
    pub fn http_status(code_name: &str) -> u16 {
        match code_name {
            "OK" => 200,
            "INVALID_ARGUMENT" | "FAILED_PRECONDITION" | "OUT_OF_RANGE" => 400,
            "UNAUTHENTICATED" => 401,
            "PERMISSION_DENIED" => 403,
            "NOT_FOUND" => 404,
            "ABORTED" | "ALREADY_EXISTS" => 409,
            "RESOURCE_EXHAUSTED" => 429,
            "CANCELLED" => 499,
            "UNIMPLEMENTED" => 501,
            "UNAVAILABLE" => 503,
            "DEADLINE_EXCEEDED" => 504,
            _ => 500,
        }
    }

    /// The `ErrorInfo.domain` of `err`: its type's, else this format's, if any.
    pub fn domain_of<'a>(&'a self, err: &dyn ApiError) -> Option<&'a str> {
        self.domain_for(err.meta())
    }

    /// The `ErrorInfo.domain` of a variant: its type's, else this format's, if any.
    fn domain_for<'a>(&'a self, meta: &VariantMeta) -> Option<&'a str> {
        meta.domain
            .or((!self.domain.is_empty()).then_some(&*self.domain))
    }

    /// The retry delay sent with `err`: this format's, for a 429 or 503.
    pub fn retry_delay_of(&self, err: &dyn ApiError) -> Option<Duration> {
        self.retry_delay_for(err)
    }

    /// Sets the delay a `RetryInfo` detail asks clients to wait after a 429 or 503.
    pub fn with_retry_delay(mut self, delay: Duration) -> Self {
        self.retry_delay = Some(delay);
        self
    }

    /// Appends the body of one error to `out`.
    pub fn render(&self, err: &dyn ApiError, ctx: &RequestContext<'_>, out: &mut Vec<u8>) {
        // A derived variant with a static message, no field and no other language: its body
        // does not depend on the request, and the derive built it.
        if let Some(unit) = err
            .json_parts()
            .and_then(|parts| parts.google_unit.as_ref())
        {
            // A validation failure forwards its summary's parts, but lists its violations.
            if !unit.translated && err.violations().is_empty() && self.write_unit(unit, out) {
                return;
            }
        }
        self.render_one(err, ctx, out);
    }

    /// [`GoogleFormat::render`] through [`GoogleFormat::render_all`]: out of line, so that
    /// the copy above does not pay for this path's registers.
    #[inline(never)]
    fn render_one(&self, err: &dyn ApiError, ctx: &RequestContext<'_>, out: &mut Vec<u8>) {
        self.render_all(&[err], ctx, out);
    }

    /// [`GoogleFormat::render_all`] with a `LocalizedMessage` in `lang` where it is not the
    /// default language.
    pub(crate) fn render_all_in(&self, errors: &[&dyn ApiError], lang: &str, out: &mut Vec<u8>) {
        let err = primary(errors);
        // One derived error with a static message and no field, in its default language:
        // the derive built the whole body.
        if let [_] = errors {
            // The derive's body holds no `RetryInfo` and no violations: a variant with its
            // own delay, or a validation failure, is written the generic way.
            let unit = json::parts_in(err, lang)
                .and_then(|parts| parts.google_unit.as_ref())
                .filter(|_| err.meta().retry_after.is_none() && err.violations().is_empty());
            if let Some(unit) = unit {
                if self.write_unit(unit, out) {
                    return;
                }
            }
        }
        self.render_generic(errors, lang, out);
    }

    /// Appends the derive's body of one error (see `GoogleUnit`), with this format's domain
    /// where the type names none; `false` (nothing written) where this format adds a
    /// `RetryInfo` the body does not hold.
    #[inline]
    fn write_unit(&self, unit: &GoogleUnit, out: &mut Vec<u8>) -> bool {
        if unit.retryable && self.retry_delay.is_some() {
            return false;
        }
        match unit.domain_at {
            Some(at) if !self.domain.is_empty() => self.write_unit_with_domain(unit.body, at, out),
            _ => {
                out.extend_from_slice(unit.body.as_bytes());
                true
            }
        }
    }

    /// `whole` (a derived body) with this format's domain member inserted at `at`; `false`
    /// (nothing written) where `at` is not a place in `whole`.
    #[inline(never)]
    fn write_unit_with_domain(&self, whole: &str, at: usize, out: &mut Vec<u8>) -> bool {
        let (Some(head), Some(tail)) = (whole.get(..at), whole.get(at..)) else {
            return false;
        };
        out.reserve(whole.len() + body::DOMAIN.len() + self.domain.len());
        out.extend_from_slice(head.as_bytes());
        out.extend_from_slice(body::DOMAIN.as_bytes());
        // The domain was checked to be letters, digits, `-` and `.`: nothing to escape.
        out.extend_from_slice(self.domain.as_bytes());
        out.extend_from_slice(tail.as_bytes());
        true
    }

    /// [`GoogleFormat::render_all_in`] for any errors, from their parts where the derive
    /// escaped them.
    fn render_generic(&self, errors: &[&dyn ApiError], lang: &str, out: &mut Vec<u8>) {
        let err = primary(errors);
        let meta = err.meta();
        let default_lang = meta.language;
        let parts = err.json_parts();
        // Read once: the status and the code name it maps to.
        let status = wire_status(err);
        let code_name = code_name_for(meta, status);
        out.reserve(256);
        out.extend_from_slice(body::START.as_bytes());
        out.extend_from_slice(status.as_str().as_bytes());
        out.extend_from_slice(body::MESSAGE.as_bytes());
        json::write_message(out, err, parts, default_lang);
        out.extend_from_slice(body::STATUS.as_bytes());
        out.extend_from_slice(code_name.as_bytes());
        out.extend_from_slice(body::INFO.as_bytes());
        match parts {
            Some(parts) => out.extend_from_slice(parts.google_reason.as_bytes()),
            None => write_reason(out, err.code()),
        }
        if let Some(domain) = self.domain_for(meta) {
            out.extend_from_slice(body::DOMAIN.as_bytes());
            escape_str(out, domain);
        }
        out.extend_from_slice(body::METADATA.as_bytes());
        // A message known whole at compile time prints no value.
        if parts.and_then(|p| p.message).is_none() {
            write_metadata(out, err);
        }
        out.extend_from_slice(body::INFO_END.as_bytes());
        if !json::is_default(err, lang) {
            out.extend_from_slice(b",{\"@type\":\"");
            out.extend_from_slice(LOCALIZED_MESSAGE.as_bytes());
            out.extend_from_slice(b"\",\"locale\":\"");
            escape_str(out, lang);
            out.extend_from_slice(b"\",\"message\":\"");
            json::write_message(out, err, json::parts_in(err, lang), lang);
            out.extend_from_slice(b"\"}");
        }
        if has_bad_request(errors) {
            out.extend_from_slice(b",{\"@type\":\"");
            out.extend_from_slice(BAD_REQUEST.as_bytes());
            out.extend_from_slice(b"\",\"fieldViolations\":[");
            for (i, e) in entries_of(errors).iter().enumerate() {
                if i > 0 {
                    out.push(b',');
                }
                out.push(b'{');
                if let Some(field) = FieldText::of(e, Notation::Dotted) {
                    out.extend_from_slice(b"\"field\":\"");
                    field.write_escaped(out, None);
                    out.extend_from_slice(b"\",");
                }
                out.extend_from_slice(b"\"description\":\"");
                let e_lang = e.meta().language;
                json::write_message(out, e, json::parts_in(e, e_lang), e_lang);
                out.extend_from_slice(b"\",\"reason\":\"");
                match e.json_parts() {
                    Some(parts) => out.extend_from_slice(parts.google_reason.as_bytes()),
                    None => write_reason(out, e.code()),
                }
                out.extend_from_slice(b"\"}");
            }
            out.extend_from_slice(b"]}");
        }
        if let Some(delay) = self.retry_delay_for(err) {
            out.extend_from_slice(b",{\"@type\":\"");
            out.extend_from_slice(RETRY_INFO.as_bytes());
            out.extend_from_slice(b"\",\"retryDelay\":\"");
            write_duration(out, delay);
            out.extend_from_slice(b"\"}");
        }
        if let Some(location) = meta.location {
            out.extend_from_slice(body::HELP.as_bytes());
            escape_str(out, err.title());
            out.extend_from_slice(body::HELP_URL.as_bytes());
            escape_str(out, location);
            out.push(b'#');
            escape_anchor(out, err.code());
            out.extend_from_slice(body::HELP_END.as_bytes());
        }
        out.extend_from_slice(body::END.as_bytes());
    }

    /// The retry delay of a body for `err`: its variant's `#[retry_after]`, else this
    /// format's delay for a 429 or 503, which are worth retrying.
    fn retry_delay_for(&self, err: &dyn ApiError) -> Option<Duration> {
        if let Some(seconds) = err.meta().retry_after {
            return Some(Duration::from_secs(seconds.into()));
        }
        matches!(wire_status(err).as_u16(), 429 | 503)
            .then_some(self.retry_delay)
            .flatten()
    }

    /// [`GoogleFormat::view`] with a `LocalizedMessage` in `lang`.
    pub(crate) fn view_in<'a>(
        &'a self,
        errors: &'a [&'a dyn ApiError],
        lang: &'a str,
    ) -> impl Serialize + 'a {
        GoogleView {
            format: self,
            errors,
            lang,
        }
    }
}

/// The `google.rpc.Code` name of `err`: its variant's `#[grpc(…)]`, else its status's.
pub(crate) fn code_name(err: &dyn ApiError) -> &'static str {
    code_name_for(err.meta(), wire_status(err))
}

/// The `google.rpc.Code` name of a variant sent with `status`: its `#[grpc(…)]`, else the
/// status's.
fn code_name_for(meta: &VariantMeta, status: http::StatusCode) -> &'static str {
    meta.grpc.unwrap_or(code_name_of(status.as_u16()))
}

/// Appends the `metadata` members: each value the message template prints, under its
/// field's name in lowerCamelCase.
fn write_metadata(out: &mut Vec<u8>, err: &dyn ApiError) {
    let mut first = true;
    err.for_each_value(&mut |name, value| {
        if !first {
            out.push(b',');
        }
        first = false;
        out.push(b'"');
        write_camel(out, name);
        out.extend_from_slice(b"\":\"");
        json::write_display(out, value, None);
        out.push(b'"');
    });
}

/// Appends `name` (a Rust field name) in lowerCamelCase: `min_amount` is `minAmount`.
fn write_camel(out: &mut Vec<u8>, name: &str) {
    let mut started = false;
    let mut upper_next = false;
    for b in name.bytes() {
        if b == b'_' {
            upper_next = started;
            continue;
        }
        out.push(if upper_next {
            b.to_ascii_uppercase()
        } else {
            b
        });
        started = true;
        upper_next = false;
    }
}

/// Whether a body of `errors` has a `BadRequest` detail: for several errors, an error with
/// a field, or a validation failure.
fn has_bad_request(errors: &[&dyn ApiError]) -> bool {
    let err = primary(errors);
    errors.len() > 1
        || err.field_path().is_some()
        || err.field().is_some()
        || !err.violations().is_empty()
}

/// A protobuf `Duration` in JSON: seconds with an `s`, fractions where there are any.
fn write_duration(out: &mut Vec<u8>, delay: Duration) {
    let text = match delay.subsec_nanos() {
        0 => format!("{}s", delay.as_secs()),
        nanos => {
            let fraction = format!("{nanos:09}");
            format!("{}.{}s", delay.as_secs(), fraction.trim_end_matches('0'))
        }
    };
    out.extend_from_slice(text.as_bytes());
}

/// The Google body as a [`Serialize`] value; see [`GoogleFormat::view`].
struct GoogleView<'a> {
    format: &'a GoogleFormat,
    errors: &'a [&'a dyn ApiError],
    lang: &'a str,
}

impl Serialize for GoogleView<'_> {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let mut map = serializer.serialize_map(Some(1))?;
        map.serialize_entry("error", &StatusView(self))?;
        map.end()
    }
}

/// `google.rpc.Status`: code, message, status, details.
struct StatusView<'a>(&'a GoogleView<'a>);

impl Serialize for StatusView<'_> {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let err = primary(self.0.errors);
        let default_lang = err.meta().language;
        let mut map = serializer.serialize_map(Some(4))?;
        map.serialize_entry("code", &wire_status(err).as_u16())?;
        let message = PublicMessage {
            err,
            lang: default_lang,
        };
        map.serialize_entry("message", &Collect(&message))?;
        map.serialize_entry("status", code_name(err))?;
        map.serialize_entry("details", &DetailsView(self.0))?;
        map.end()
    }
}

/// The details, in the order `render_all_in` writes them.
struct DetailsView<'a>(&'a GoogleView<'a>);

impl Serialize for DetailsView<'_> {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let GoogleView {
            format,
            errors,
            lang,
        } = *self.0;
        let err = primary(errors);
        let meta = err.meta();
        let mut seq = serializer.serialize_seq(None)?;
        let domain = format.domain_of(err);
        seq.serialize_element(&ErrorInfoView { err, domain })?;
        if !json::is_default(err, lang) {
            seq.serialize_element(&LocalizedView { err, lang })?;
        }
        if has_bad_request(errors) {
            seq.serialize_element(&BadRequestView(entries_of(errors)))?;
        }
        if let Some(delay) = format.retry_delay_for(err) {
            let mut text = Vec::new();
            write_duration(&mut text, delay);
            let delay = String::from_utf8(text).unwrap_or_default();
            seq.serialize_element(&TypedPairs(RETRY_INFO, &[("retryDelay", &delay)]))?;
        }
        if let Some(location) = meta.location {
            seq.serialize_element(&HelpView { err, location })?;
        }
        seq.end()
    }
}

struct ErrorInfoView<'a> {
    err: &'a dyn ApiError,
    domain: Option<&'a str>,
}

impl Serialize for ErrorInfoView<'_> {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let mut map = serializer.serialize_map(None)?;
        map.serialize_entry("@type", ERROR_INFO)?;
        map.serialize_entry("reason", &reason(self.err.code()))?;
        if let Some(domain) = self.domain {
            map.serialize_entry("domain", domain)?;
        }
        map.serialize_entry("metadata", &MetadataView(self.err))?;
        map.end()
    }
}

struct MetadataView<'a>(&'a dyn ApiError);

impl Serialize for MetadataView<'_> {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let mut map = serializer.serialize_map(None)?;
        let mut result = Ok(());
        self.0.for_each_value(&mut |name, value| {
            if result.is_ok() {
                let mut key = Vec::new();
                write_camel(&mut key, name);
                let key = String::from_utf8(key).unwrap_or_default();
                result = map.serialize_entry(&key, &Collect(value));
            }
        });
        result?;
        map.end()
    }
}

struct LocalizedView<'a> {
    err: &'a dyn ApiError,
    lang: &'a str,
}

impl Serialize for LocalizedView<'_> {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let message = PublicMessage {
            err: self.err,
            lang: self.lang,
        };
        TypedPairs(
            LOCALIZED_MESSAGE,
            &[("locale", &self.lang), ("message", &message)],
        )
        .serialize(serializer)
    }
}

struct BadRequestView<'a>(Entries<'a>);

impl Serialize for BadRequestView<'_> {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let mut map = serializer.serialize_map(Some(2))?;
        map.serialize_entry("@type", BAD_REQUEST)?;
        map.serialize_entry("fieldViolations", &ViolationsView(self.0))?;
        map.end()
    }
}

struct ViolationsView<'a>(Entries<'a>);

impl Serialize for ViolationsView<'_> {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let mut seq = serializer.serialize_seq(Some(self.0.len()))?;
        for err in self.0 {
            seq.serialize_element(&ViolationView(err))?;
        }
        seq.end()
    }
}

struct ViolationView<'a>(&'a dyn ApiError);

impl Serialize for ViolationView<'_> {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let err = self.0;
        let mut map = serializer.serialize_map(None)?;
        if let Some(field) = FieldText::of(err, Notation::Dotted) {
            map.serialize_entry("field", &Collect(&field))?;
        }
        let description = PublicMessage {
            err,
            lang: err.meta().language,
        };
        map.serialize_entry("description", &Collect(&description))?;
        map.serialize_entry("reason", &reason(err.code()))?;
        map.end()
    }
}

struct HelpView<'a> {
    err: &'a dyn ApiError,
    location: &'a str,
}

impl Serialize for HelpView<'_> {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let url = format!("{}#{}", self.location, self.err.code().replace('_', "-"));
        let link = [
            ("description", &self.err.title() as &dyn fmt::Display),
            ("url", &url),
        ];
        let mut map = serializer.serialize_map(Some(2))?;
        map.serialize_entry("@type", HELP)?;
        map.serialize_entry("links", &[Pairs(&link)])?;
        map.end()
    }
}

/// An object of `@type` and string members.
struct TypedPairs<'a>(&'static str, &'a [(&'static str, &'a dyn fmt::Display)]);

impl Serialize for TypedPairs<'_> {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let mut map = serializer.serialize_map(Some(self.1.len() + 1))?;
        map.serialize_entry("@type", self.0)?;
        for (name, value) in self.1 {
            map.serialize_entry(name, &Collect(*value))?;
        }
        map.end()
    }
}

/// An object of string members.
struct Pairs<'a>(&'a [(&'static str, &'a dyn fmt::Display)]);

impl Serialize for Pairs<'_> {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let mut map = serializer.serialize_map(Some(self.0.len()))?;
        for (name, value) in self.0 {
            map.serialize_entry(name, &Collect(*value))?;
        }
        map.end()
    }
}

impl WireFormat for GoogleFormat {
    fn name(&self) -> &'static str {
        "google"
    }

    fn carries(&self) -> Carries {
        Carries::LIST.with_localized_copy()
    }

    fn write(&self, body: &Body<'_>, out: &mut Vec<u8>) {
        self.render_all_in(body.errors(), body.written(), out);
    }

    fn view<'a>(&'a self, body: &'a Body<'a>) -> Box<dyn erased_serde::Serialize + 'a> {
        Box::new(self.view_in(body.errors(), body.written()))
    }

    /// `{"error":{…}}` is a shape several formats share (Stripe's, Microsoft's): Google's
    /// `code` is the HTTP status, a number (leniently a string of digits), beside a `status`
    /// name or typed `details`. A `code` of other text is another format's.
    fn detect(&self, object: &Map<String, Value>, _media_type: &str) -> Confidence {
        let Some(Value::Object(error)) = object.get("error") else {
            return Confidence::NONE;
        };
        let own = error.get("status").is_some_and(Value::is_string)
            || error.get("details").is_some_and(Value::is_array);
        match (error.get("code"), own) {
            (Some(Value::Number(_)), true) => Confidence::CERTAIN,
            (Some(Value::Number(_)), false) => Confidence::MEMBERS,
            // Leniently, a status written as text: Google's only beside its own members,
            // since another format's code may be digits too (Vipps codes, say).
            (Some(Value::String(code)), true) if is_digits(code) => Confidence::MEMBERS,
            (Some(_), _) => Confidence::SHAPE,
            (None, true) => Confidence::MEMBERS,
            (None, false) => Confidence::SHAPE,
        }
    }

    fn read(&self, object: Map<String, Value>, mode: ReadMode) -> Result<ReceivedBody, ParseError> {
        Members::read_body(object, Format::Google, mode, read_members)
    }

    fn schema(&self) -> Option<Value> {
        let string = |description: &str| json!({"type": "string", "description": description});
        Some(json!({
            "type": "object",
            "description": "Google's error model (AIP-193): google.rpc.Status over HTTP/JSON.",
            "properties": {"error": {
                "type": "object",
                "properties": {
                    "code": {"type": "integer", "description": "The HTTP status."},
                    "message": string("The developer-facing message."),
                    "status": {
                        "type": "string",
                        "description": "The google.rpc.Code name.",
                        "enum": CODE_NAMES,
                    },
                    "details": {"type": "array", "items": {
                        "type": "object",
                        "description": "A typed detail: ErrorInfo (reason, domain, metadata), LocalizedMessage (locale, message), BadRequest (fieldViolations), RetryInfo (retryDelay) or Help (links).",
                        "properties": {
                            "@type": string("The detail's type URL."),
                            "fieldViolations": {
                                "type": "array",
                                "description": "BadRequest's invalid fields.",
                                "items": {
                                    "type": "object",
                                    "properties": {
                                        "field": string("The request field at fault, dotted (`items[2].sku`)."),
                                        "description": string("Why the field is invalid."),
                                        "reason": string("The field's error code in UPPER_SNAKE_CASE."),
                                    },
                                    "required": ["description"],
                                },
                            },
                        },
                        "required": ["@type"],
                    }},
                },
                "required": ["code", "message", "status"],
            }},
            "required": ["error"],
        }))
    }

    fn schema_name(&self) -> &'static str {
        "GoogleStatus"
    }

    /// A received code is the declared code or its `ErrorInfo.reason`
    /// ([`GoogleFormat::reason`]), which is what a Google body carries: `CART_NOT_FOUND`
    /// names `cart_not_found`.
    fn code_match(&self, received: &str, declared: &str) -> CodeMatch {
        if same_code(received, declared) || is_reason(received, declared) {
            CodeMatch::Exact
        } else {
            CodeMatch::No
        }
    }
}

/// Whether `received` is `code`'s reason. The reason is built only where `received` could
/// be it (no longer than the code, starting with the code's first letter or digit in upper
/// case): a catalog scan builds few.
fn is_reason(received: &str, code: &str) -> bool {
    if received.len() > code.len() {
        return false;
    }
    let start = code
        .bytes()
        .find(u8::is_ascii_alphanumeric)
        .map(|b| b.to_ascii_uppercase());
    match (received.as_bytes().first(), start) {
        (Some(&got), Some(start)) => got == start && reason(code) == received,
        // A code of no letter or digit has the empty reason.
        (None, None) => true,
        _ => false,
    }
}

/// `{"error":{"code","message","status","details":[…]}}`: the code is `ErrorInfo.reason`,
/// the language a `LocalizedMessage`'s locale, the list `BadRequest.fieldViolations`, the
/// location the first `Help` link. What the body has beside (the `status` name, the
/// domain, the metadata, the localized message, other details) is kept in `extra` under
/// those names.
fn read_members(m: &mut Members, body: &mut ReceivedBody) -> Result<(), ParseError> {
    let error = m.object("error")?;
    let Some(mut error) = m.required("error", error)? else {
        return Ok(());
    };
    body.status = error.status("code")?;
    body.message = error.string("message")?;
    if let Some(details) = error.array("details")? {
        for (i, value) in details.into_iter().enumerate() {
            let Some(mut detail) = error.element(value, "details", i)? else {
                continue;
            };
            match detail.string("@type")?.as_deref() {
                Some(ERROR_INFO) => {
                    body.code = detail.string("reason")?;
                    m.keep("domain", detail.take("domain"));
                    m.keep("metadata", detail.take("metadata"));
                }
                Some(LOCALIZED_MESSAGE) => {
                    body.language = detail.string("locale")?;
                    m.keep("localizedMessage", detail.take("message"));
                }
                Some(BAD_REQUEST) => {
                    for (j, value) in detail
                        .array("fieldViolations")?
                        .unwrap_or_default()
                        .into_iter()
                        .enumerate()
                    {
                        let Some(mut v) = detail.element(value, "fieldViolations", j)? else {
                            continue;
                        };
                        body.entries.push(ReceivedEntry {
                            code: v.string("reason")?,
                            field: v.string("field")?,
                            message: v.string("description")?,
                            extra: v.into_map(),
                            format: Some(Format::Google),
                        });
                    }
                }
                Some(HELP) => {
                    let links = detail.array("links")?.unwrap_or_default();
                    if let Some(Value::Object(link)) = links.into_iter().next() {
                        body.location = link.get("url").and_then(Value::as_str).map(str::to_owned);
                    }
                }
                other => {
                    // A detail this reader does not know: kept whole.
                    let mut kept = detail.into_map();
                    if let Some(other) = other {
                        kept.insert("@type".into(), Value::String(other.to_owned()));
                    }
                    let list = m
                        .rest_mut()
                        .entry("details")
                        .or_insert_with(|| Value::Array(Vec::new()));
                    if let Value::Array(list) = list {
                        list.push(Value::Object(kept));
                    }
                }
            }
        }
    }
    // The first violation's field stands for the body's, as Oney's first entry does.
    body.field = body.entries.first().and_then(|e| e.field.clone());
    m.keep("status", error.take("status"));
    m.rest_mut().extend(error.into_map());
    Ok(())
}

/// Whether `text` is a number written as text: the lenient form of `code`.
fn is_digits(text: &str) -> bool {
    !text.is_empty() && text.bytes().all(|b| b.is_ascii_digit())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn camel_case_keys_and_durations() {
        let mut out = Vec::new();
        write_camel(&mut out, "_min_amount_x");
        assert_eq!(out, b"minAmountX");
        let mut out = Vec::new();
        write_duration(&mut out, Duration::from_millis(1500));
        assert_eq!(out, b"1.5s");
        let mut out = Vec::new();
        write_duration(&mut out, Duration::from_secs(30));
        assert_eq!(out, b"30s");
    }

    /// The guards before building a reason never refuse a code's own reason.
    #[test]
    fn is_reason_is_the_reason_compared() {
        let long = "a".repeat(70);
        let codes = [
            "",
            "-",
            "_x",
            "cart_not_found",
            "CART_NOT_FOUND",
            "too-many.requests",
            "9lives",
            "é_code",
            long.as_str(),
        ];
        let mut received: Vec<String> = codes.iter().map(|c| c.to_string()).collect();
        received.extend(codes.iter().map(|c| reason(c)));
        received.extend(["X".into(), "CART".into(), "9LIVES".into(), "CODE".into()]);
        for code in codes {
            for got in &received {
                assert_eq!(
                    is_reason(got, code),
                    reason(code) == *got,
                    "{got:?} {code:?}"
                );
            }
        }
    }
}
