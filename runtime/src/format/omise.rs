//! The Omise / Opn Payments error object.
//!
//! Exactly four members, in this order, and never a `status` member (one official client
//! overwrites its status field from it); the status travels as the HTTP status:
//!
//! ```text
//! {"object":"error","location":"https://www.omise.co/api-errors#used-token","code":"used_token","message":"token was already used"}
//! ```
//!
//! Omise has no list form: given several errors, the first is rendered (order them by
//! importance). A validation failure is its summary's code and location with the first
//! violation's field (dotted, `items[2].sku`) and message for `message`:
//!
//! ```text
//! {"object":"error","location":"https://www.omise.co/api-errors#validation-failed","code":"validation_failed","message":"items[2].sku must be at least 3 characters"}
//! ```

use core::fmt;

use serde::ser::{Serialize, SerializeStruct, Serializer};

use serde_json::{json, Map, Value};

use crate::format::json::{self, escape_anchor, escape_str};
use crate::format::members::Members;
use crate::format::view::FieldText;
use crate::format::view::{Collect, PublicMessage};
use crate::format::Format;
use crate::format::{check_url, OptionError};
use crate::format::{Body, Carries, Confidence, ParseError, ReadMode, ReceivedBody, WireFormat};
use crate::model::api_error::ApiError;
use crate::model::field_path::Notation;
use crate::model::parts::{JsonParts, LanguageParts};
use crate::request::context::RequestContext;

/// The default base of `location`: Omise's error reference. The derive builds the heads of
/// types without a `location` of their own for this base (`JsonParts::omise_head`).
const DEFAULT_LOCATION: &str = apierror_spec::omise::DEFAULT_LOCATION;

const BODY_START: &str = apierror_spec::omise::START;

/// [`BODY_START`], the escaped [`DEFAULT_LOCATION`] and `#`: how every derived head of a
/// type without its own location starts.
const DEFAULT_PREFIX: &str = apierror_spec::omise::DEFAULT_PREFIX;

/// Options of the Omise format: the base URL of `location`.
///
/// `location` is the base, `#`, and the code with `_` turned into `-`. An error type's own
/// `#[api_error(location = "…")]` wins over this base, because it names that type's
/// reference pages; this base serves types that declare none.
///
/// ```
/// use apierror::format::OmiseFormat;
/// use apierror::ApiError;
///
/// #[derive(Debug, ApiError)]
/// enum E {
///     #[status(400)]
///     #[code("used_token")]
///     #[message("token was already used")]
///     UsedToken,
/// }
///
/// let mut buf = Vec::new();
/// OmiseFormat::new().render(&E::UsedToken, &mut buf);
/// assert_eq!(
///     std::str::from_utf8(&buf).unwrap(),
///     r#"{"object":"error","location":"https://www.omise.co/api-errors#used-token","code":"used_token","message":"token was already used"}"#
/// );
/// ```
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct OmiseFormat {
    location: String,
    /// `{"object":"error","location":"` + the escaped base + `#`, built once when the base
    /// is set so a render copies it in one piece.
    prefix: String,
    /// Whether the base is [`DEFAULT_LOCATION`], which derived heads are built for.
    default_base: bool,
}

impl Default for OmiseFormat {
    fn default() -> Self {
        Self::build(DEFAULT_LOCATION)
    }
}

impl OmiseFormat {
    /// The format with the default base, [`Self::DEFAULT_LOCATION`].
    pub fn new() -> Self {
        Self::default()
    }

    /// The default base of `location`: Omise's error reference.
    pub const DEFAULT_LOCATION: &'static str = DEFAULT_LOCATION;

    /// Sets the base URL of `location` (no control characters or whitespace).
    pub fn with_location(self, base: &str) -> Result<Self, OptionError> {
        check_url("location", base)?;
        Ok(Self::build(base))
    }

    fn build(base: &str) -> Self {
        let mut prefix = Vec::with_capacity(BODY_START.len() + base.len() + 1);
        prefix.extend_from_slice(BODY_START.as_bytes());
        escape_str(&mut prefix, base);
        prefix.push(b'#');
        OmiseFormat {
            location: base.to_owned(),
            // Escaping keeps UTF-8 valid; the fallback is never taken.
            prefix: String::from_utf8(prefix).unwrap_or_default(),
            default_base: base == DEFAULT_LOCATION,
        }
    }

    /// The base URL of `location`.
    pub fn location(&self) -> &str {
        &self.location
    }

    /// The base used for `err`: its type's `location` if it has one, else this format's.
    fn base_for<'a>(&'a self, err: &dyn ApiError) -> &'a str {
        match err.meta().location {
            Some(location) => location,
            None => &self.location,
        }
    }

    /// Appends the body of `err` to `out`, in its default language.
    ///
    /// For a derived error every static part was escaped at compile time (`JsonParts`): the
    /// body is then a few copies, reserved at once.
    pub fn render(&self, err: &dyn ApiError, out: &mut Vec<u8>) {
        self.render_in(err, crate::negotiate::language::DEFAULT, out);
    }

    /// Appends the body of `err` with its message in `lang` (one of its languages) to `out`.
    pub(crate) fn render_in(&self, err: &dyn ApiError, lang: &str, out: &mut Vec<u8>) {
        if let Some(entry) = err.violations().list.first() {
            return self.render_summary(err, entry, lang, out);
        }
        if !json::is_default(err, lang) {
            return self.render_translated(err, lang, out);
        }
        match err.json_parts() {
            Some(parts) => self.render_default(err, parts, out),
            None => self.render_piecewise(err, lang, out),
        }
    }

    /// The body of `err`, whose derived parts are `parts`, in its default language.
    #[inline]
    fn render_default(&self, err: &dyn ApiError, parts: &JsonParts, out: &mut Vec<u8>) {
        let lang = crate::negotiate::language::DEFAULT;
        let Some((prefix, head)) = self.derived_head(parts) else {
            return self.render_piecewise(err, lang, out);
        };
        out.reserve(prefix.len() + head.len() + parts.message.map_or(2, |_| 0));
        if !prefix.is_empty() {
            out.extend_from_slice(prefix.as_bytes());
        }
        out.extend_from_slice(head.as_bytes());
        match (parts.message, parts.lead) {
            // A static message: the head was the whole body.
            (Some(_), _) => return,
            // The head ends with the message's lead; the derive writes the rest.
            (None, Some(lead)) => {
                let mark = out.len().saturating_sub(lead.len());
                json::write_rest(out, err, mark);
            }
            (None, None) => json::write_public_message(out, err, None, lang),
        }
        out.extend_from_slice(apierror_spec::omise::END.as_bytes());
    }

    /// Appends the body of `err` in the language `ctx`'s preferences choose among its
    /// languages (see [`crate::negotiate::language::for_errors`]).
    ///
    /// For a derived error whose translation is chosen from its parts' table of languages
    /// ([`crate::negotiate::language::quick`]), the translated message is written straight away: that
    /// the derive writes it proves the error speaks the language. Anything else goes the
    /// general way.
    pub(crate) fn render_negotiated(
        &self,
        err: &dyn ApiError,
        ctx: &RequestContext<'_>,
        out: &mut Vec<u8>,
    ) {
        use crate::negotiate::language::{self, Quick};
        let Some(parts) = err.json_parts() else {
            return self.render_general(err, ctx, out);
        };
        // A validation failure forwards its summary's parts, but its message is a
        // violation's.
        if !err.violations().is_empty() {
            return self.render_general(err, ctx, out);
        }
        match language::quick(parts, ctx, || err.meta().language) {
            Quick::Translation(index, translation) => {
                let mark = out.len();
                if self
                    .render_translation(err, parts, index, translation, out)
                    .is_err()
                {
                    out.truncate(mark);
                    self.render_general(err, ctx, out);
                }
            }
            Quick::Default => self.render_default_apart(err, parts, out),
            Quick::Unsure => self.render_general(err, ctx, out),
        }
    }

    /// [`OmiseFormat::render_default`] as a call of its own, so that the translated body's
    /// path stays short.
    #[inline(never)]
    fn render_default_apart(&self, err: &dyn ApiError, parts: &JsonParts, out: &mut Vec<u8>) {
        self.render_default(err, parts, out);
    }

    /// [`OmiseFormat::render_negotiated`] the general way: the language chosen by asking
    /// the error ([`crate::negotiate::language::written`]), then the body in it.
    #[cold]
    #[inline(never)]
    fn render_general(&self, err: &dyn ApiError, ctx: &RequestContext<'_>, out: &mut Vec<u8>) {
        let lang = crate::negotiate::language::written(&[err], ctx);
        self.render_in(err, lang, out);
    }

    /// The body of `err` with its message in `translation`, the one at `index` of `parts`'
    /// translations, written by the derive: the translation's head, then the rest of the
    /// message ([`ApiError::write_json_rest_in`]). `Err` where the derive does not write it.
    fn render_translation(
        &self,
        err: &dyn ApiError,
        parts: &JsonParts,
        index: usize,
        translation: &LanguageParts,
        out: &mut Vec<u8>,
    ) -> fmt::Result {
        let (prefix, head) = self
            .base_head(parts, translation.omise_head)
            .ok_or(fmt::Error)?;
        out.reserve(prefix.len() + head.len() + apierror_spec::omise::END.len());
        if !prefix.is_empty() {
            out.extend_from_slice(prefix.as_bytes());
        }
        out.extend_from_slice(head.as_bytes());
        err.write_json_rest_in(index, out)?;
        out.extend_from_slice(apierror_spec::omise::END.as_bytes());
        Ok(())
    }

    /// The derive's head of a body up to the message's opening quote, and the prefix to
    /// write before it (see [`OmiseFormat::derived_head`]).
    fn translated_head<'a>(&'a self, parts: &JsonParts) -> Option<(&'a str, &'static str)> {
        let (prefix, head) = self.derived_head(parts)?;
        let known = match (parts.message, parts.lead) {
            (Some(message), _) => message.len() + apierror_spec::omise::END.len(),
            (None, Some(lead)) => lead.len(),
            (None, None) => 0,
        };
        Some((prefix, head.get(..head.len().checked_sub(known)?)?))
    }

    /// The derive's head of a body (see `JsonParts::omise_head`) and the prefix to write before
    /// it: the derive built the whole head for the type's own location, or else for the
    /// default base, and another base of this format replaces the default one. `None` where
    /// the head does not start as expected (a body then goes piece by piece).
    fn derived_head<'a>(&'a self, parts: &JsonParts) -> Option<(&'a str, &'static str)> {
        self.base_head(parts, parts.omise_head)
    }

    /// [`OmiseFormat::derived_head`] for `head`, one of the derive's heads of `parts`.
    #[inline]
    fn base_head<'a>(
        &'a self,
        parts: &JsonParts,
        head: &'static str,
    ) -> Option<(&'a str, &'static str)> {
        match (parts.location, self.default_base) {
            (None, false) => head
                .strip_prefix(DEFAULT_PREFIX)
                .map(|rest| (self.prefix.as_str(), rest)),
            _ => Some(("", head)),
        }
    }

    /// The body of `err` with its message in another language than its default: the derive's
    /// head up to the message's opening quote where it built one, then the message in `lang`.
    /// Kept out of `render_in`, whose default-language path is the hot one.
    #[cold]
    fn render_translated(&self, err: &dyn ApiError, lang: &str, out: &mut Vec<u8>) {
        let Some(parts) = err.json_parts() else {
            return self.render_piecewise(err, lang, out);
        };
        let Some((prefix, head)) = self.translated_head(parts) else {
            return self.render_piecewise(err, lang, out);
        };
        out.extend_from_slice(prefix.as_bytes());
        out.extend_from_slice(head.as_bytes());
        json::write_public_message(out, err, None, lang);
        out.extend_from_slice(apierror_spec::omise::END.as_bytes());
    }

    /// Appends the body of `err` from its `meta`, `code()` and message: for a hand-written
    /// `ApiError`, which has no `JsonParts`.
    fn render_piecewise(&self, err: &dyn ApiError, lang: &str, out: &mut Vec<u8>) {
        self.write_head(err, out);
        json::write_public_message(out, err, None, lang);
        out.extend_from_slice(apierror_spec::omise::END.as_bytes());
    }

    /// The body of a validation failure `err` whose first violation is `entry`: the
    /// summary's code and location, and for `message` the violation's field (dotted, and a
    /// space, where it is not empty) and its message in `lang`.
    #[cold]
    #[inline(never)]
    fn render_summary(
        &self,
        err: &dyn ApiError,
        entry: &dyn ApiError,
        lang: &str,
        out: &mut Vec<u8>,
    ) {
        self.write_head(err, out);
        if let Some(field) = FieldText::of(entry, Notation::Dotted) {
            let mark = out.len();
            field.write_escaped(out, None);
            if out.len() > mark {
                out.push(b' ');
            }
        }
        json::write_public_message(out, entry, None, lang);
        out.extend_from_slice(apierror_spec::omise::END.as_bytes());
    }

    /// Appends the body of `err` up to the message's opening quote: the prefix, the
    /// location's anchor and the code, from its `meta` and `code()`.
    fn write_head(&self, err: &dyn ApiError, out: &mut Vec<u8>) {
        let meta = err.meta();
        let prefix = match meta.location {
            None => self.prefix.as_bytes(),
            Some(_) => BODY_START.as_bytes(),
        };
        out.extend_from_slice(prefix);
        if let Some(location) = meta.location {
            escape_str(out, location);
            out.push(b'#');
        }
        let code = err.code();
        escape_anchor(out, code);
        out.extend_from_slice(apierror_spec::omise::CODE.as_bytes());
        escape_str(out, code);
        out.extend_from_slice(apierror_spec::omise::MESSAGE.as_bytes());
    }

    /// A [`Serialize`] view of the body of `err`, for embedding it in another document.
    pub fn view<'a>(&'a self, err: &'a dyn ApiError) -> impl Serialize + 'a {
        self.view_in(err, crate::negotiate::language::DEFAULT)
    }

    /// [`OmiseFormat::view`] with the message in `lang`.
    pub(crate) fn view_in<'a>(
        &'a self,
        err: &'a dyn ApiError,
        lang: &'a str,
    ) -> impl Serialize + 'a {
        OmiseView {
            format: self,
            err,
            lang,
        }
    }
}

/// The Omise body as a [`Serialize`] value; see [`OmiseFormat::view`].
pub(crate) struct OmiseView<'a> {
    format: &'a OmiseFormat,
    err: &'a dyn ApiError,
    lang: &'a str,
}

impl Serialize for OmiseView<'_> {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let location = Location {
            base: self.format.base_for(self.err),
            code: self.err.code(),
        };
        let mut s = serializer.serialize_struct("OmiseError", 4)?;
        s.serialize_field("object", "error")?;
        s.serialize_field("location", &Collect(&location))?;
        s.serialize_field("code", self.err.code())?;
        match self.err.violations().list.first() {
            Some(entry) => {
                let message = SummaryMessage {
                    entry,
                    lang: self.lang,
                };
                s.serialize_field("message", &Collect(&message))?;
            }
            None => {
                let message = PublicMessage {
                    err: self.err,
                    lang: self.lang,
                };
                s.serialize_field("message", &Collect(&message))?;
            }
        }
        s.end()
    }
}

/// The `message` of a validation failure: its first violation's field (dotted) and
/// message, as [`OmiseFormat::render_summary`] writes it.
struct SummaryMessage<'a> {
    entry: &'a dyn ApiError,
    lang: &'a str,
}

impl fmt::Display for SummaryMessage<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if let Some(field) = FieldText::of(self.entry, Notation::Dotted) {
            let field = field.to_string();
            if !field.is_empty() {
                f.write_str(&field)?;
                f.write_str(" ")?;
            }
        }
        let message = PublicMessage {
            err: self.entry,
            lang: self.lang,
        };
        fmt::Display::fmt(&message, f)
    }
}

/// `base#anchor` as text.
struct Location<'a> {
    base: &'a str,
    code: &'a str,
}

impl fmt::Display for Location<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.base)?;
        f.write_str("#")?;
        for part in self.code.split('_').enumerate() {
            if part.0 > 0 {
                f.write_str("-")?;
            }
            f.write_str(part.1)?;
        }
        Ok(())
    }
}

impl WireFormat for OmiseFormat {
    fn name(&self) -> &'static str {
        "omise"
    }

    /// One error; a validation failure's `message` is its first violation's.
    fn carries(&self) -> Carries {
        Carries::ONE.without_summary_message()
    }

    fn write(&self, body: &Body<'_>, out: &mut Vec<u8>) {
        self.render_in(body.first(), body.written(), out);
    }

    fn view<'a>(&'a self, body: &'a Body<'a>) -> Box<dyn erased_serde::Serialize + 'a> {
        Box::new(self.view_in(body.first(), body.written()))
    }

    /// `"object":"error"` is Omise's alone; `code` and `message` without it, as some
    /// proxies pass the object on, could be.
    fn detect(&self, object: &Map<String, Value>, _media_type: &str) -> Confidence {
        if object.get("object").and_then(Value::as_str) == Some("error") {
            Confidence::CERTAIN
        } else if object.contains_key("code") && object.contains_key("message") {
            Confidence::SHAPE
        } else {
            Confidence::NONE
        }
    }

    fn read(&self, object: Map<String, Value>, mode: ReadMode) -> Result<ReceivedBody, ParseError> {
        Members::read_body(object, Format::Omise, mode, read_members)
    }

    fn schema(&self) -> Option<Value> {
        let string = |description: &str| json!({"type": "string", "description": description});
        Some(json!({
            "type": "object",
            "description": "An Omise / Opn Payments error object.",
            "properties": {
                "object": {"type": "string", "description": "Always `error`.", "enum": ["error"]},
                "location": string("The error's reference page."),
                "code": string("The machine-readable code."),
                "message": string("The human-readable message."),
            },
            "required": ["object", "location", "code", "message"],
        }))
    }

    fn schema_name(&self) -> &'static str {
        "OmiseError"
    }
}

/// Reads a received body's members into `body` (see [`WireFormat::read`]).
fn read_members(m: &mut Members, body: &mut ReceivedBody) -> Result<(), ParseError> {
    if let Some(object) = m.string("object")? {
        if object != "error" {
            // Not an error object after all: keep the member, but say what is missing.
            m.keep("object", Some(Value::String(object)));
        }
    }
    body.location = m.string("location")?;
    let code = m.string("code")?;
    body.code = m.required("code", code)?;
    body.message = m.string("message")?;
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn default_prefix_is_the_body_start_and_the_default_base() {
        assert_eq!(
            DEFAULT_PREFIX,
            format!("{BODY_START}{DEFAULT_LOCATION}#"),
            "the derive builds its heads for this prefix"
        );
        assert!(OmiseFormat::new().default_base);
        assert!(
            !OmiseFormat::new()
                .with_location("https://docs.opn.ooo/api-errors")
                .unwrap()
                .default_base
        );
    }
}
