//! The Oney error list.
//!
//! ```text
//! {"language_code":"EN","error_list":[{"error":{"field":"purchase.external_reference_type","error_code":"ERR_02","error_label":"Field size must be less than 128 characters"}}]}
//! ```
//!
//! One entry per error, natively. Oney's limits hold on every body: `field` at most 100
//! characters, `error_code` at most 10 (checked at compile time with `#[api_error(oney)]`,
//! and cut here for types without it) and `error_label` at most 1000, each cut at a char
//! boundary, never an error. An error without a field has no `field` member; a field that
//! is a path ([`ApiError::field_path`]) is written dotted (`items[2].sku`).
//!
//! A validation failure lists its violations (its summary is not repeated among them),
//! each with the violation's code where it fits the 10 characters, else the summary's:
//!
//! ```text
//! {"language_code":"EN","error_list":[{"error":{"field":"items[2].sku","error_code":"length","error_label":"must be at least 3 characters"}}]}
//! ```

use serde::ser::{Serialize, SerializeMap, SerializeSeq, Serializer};

use serde_json::{json, Map, Value};

use crate::format::body::entries_of;
use crate::format::code_match::same_code;
use crate::format::json::{self, LimitedJsonWriter};
use crate::format::members::Members;
use crate::format::received::ReceivedEntry;
use crate::format::view::{Collect, FieldText, Limited, PublicMessage};
use crate::format::Entries;
use crate::format::Format;
use crate::format::OptionError;
use crate::format::{
    Body, Carries, CodeMatch, Confidence, ParseError, ReadMode, ReceivedBody, WireFormat,
};
use crate::model::answer::primary;
use crate::model::api_error::ApiError;
use crate::model::field_path::Notation;
use crate::negotiate::language;
use crate::request::context::RequestContext;

/// Most characters of `field`.
const FIELD_MAX: usize = apierror_spec::rules::ONEY_FIELD_MAX;
/// Most characters of `error_code`.
const CODE_MAX: usize = apierror_spec::rules::ONEY_CODE_MAX;
/// Most characters of `error_label`.
const LABEL_MAX: usize = apierror_spec::rules::ONEY_LABEL_MAX;

/// Options of the Oney format: the `language_code` used when the language a body is written
/// in is not a two-letter ISO 639-1 code.
///
/// `language_code` is the primary subtag of the language the labels are written in, in
/// upper case (`pt-BR` gives `PT`), as Oney's own example writes `EN`: the language the
/// context's preferences choose among those every error has, else the errors' default.
/// A list whose errors share no language (an English catalog's error beside a French one's)
/// has no one true code: it names the first error's language, and the response's
/// `Content-Language` lists every language of the labels (`en, fr`).
///
/// ```
/// use apierror::format::OneyFormat;
/// use apierror::{ApiError, RequestContext};
///
/// #[derive(Debug, ApiError)]
/// #[api_error(oney)]
/// enum E {
///     #[status(400)]
///     #[code("ERR_02")]
///     #[message("Field size must be less than {max} characters")]
///     TooLong { #[field] field: &'static str, max: u32 },
/// }
///
/// let err = E::TooLong { field: "purchase.external_reference_type", max: 128 };
/// let mut buf = Vec::new();
/// OneyFormat::new().render(&err, &RequestContext::new(), &mut buf);
/// assert_eq!(
///     std::str::from_utf8(&buf).unwrap(),
///     r#"{"language_code":"EN","error_list":[{"error":{"field":"purchase.external_reference_type","error_code":"ERR_02","error_label":"Field size must be less than 128 characters"}}]}"#
/// );
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct OneyFormat {
    default_language: [u8; 2],
}

impl Default for OneyFormat {
    fn default() -> Self {
        OneyFormat {
            default_language: *b"EN",
        }
    }
}

list_entry_points!(
    OneyFormat,
    without_context,
    render_all:
    /// Appends one body listing every error to `out`, in the language the context's
    /// preferences choose among the errors' languages. An empty list renders one 500 entry,
    /// so the body is never an empty list.
    view:
    /// A [`Serialize`] view of the body, for embedding it in another document.
);

impl OneyFormat {
    /// Most characters of `field`.
    pub const FIELD_MAX: usize = FIELD_MAX;
    /// Most characters of `error_code`.
    pub const CODE_MAX: usize = CODE_MAX;
    /// Most characters of `error_label`.
    pub const LABEL_MAX: usize = LABEL_MAX;

    /// The format with `EN` as the fallback language code.
    pub fn new() -> Self {
        Self::default()
    }

    /// Sets the fallback language code: two ASCII letters, written in upper case.
    pub fn with_default_language(self, code: &str) -> Result<Self, OptionError> {
        match code.as_bytes() {
            [a, b] if a.is_ascii_alphabetic() && b.is_ascii_alphabetic() => Ok(OneyFormat {
                default_language: [a.to_ascii_uppercase(), b.to_ascii_uppercase()],
            }),
            _ => Err(OptionError::Language),
        }
    }

    /// The `language_code` of a body in `lang`.
    fn language_code(&self, lang: &str) -> [u8; 2] {
        language::iso639_1(lang).unwrap_or(self.default_language)
    }

    /// Appends the body of one error to `out`.
    pub fn render(&self, err: &dyn ApiError, ctx: &RequestContext<'_>, out: &mut Vec<u8>) {
        self.render_all(&[err], ctx, out);
    }

    /// [`OneyFormat::render_all`] in `lang`, a language every error has.
    pub(crate) fn render_all_in(&self, errors: &[&dyn ApiError], lang: &str, out: &mut Vec<u8>) {
        let first = primary(errors);
        let entries = entries_of(errors);
        out.reserve(32 + 128 * entries.len());
        out.extend_from_slice(b"{\"language_code\":\"");
        out.extend_from_slice(&self.language_code(labels_language(first, entries, lang)));
        out.extend_from_slice(b"\",\"error_list\":[");
        // A validation failure's violations are written with its code where theirs do
        // not fit.
        let summary = !first.violations().is_empty();
        for (i, err) in entries.iter().enumerate() {
            if i > 0 {
                out.push(b',');
            }
            out.extend_from_slice(b"{\"error\":{");
            if let Some(field) = FieldText::of(err, Notation::Dotted) {
                out.extend_from_slice(b"\"field\":\"");
                field.write_escaped(out, Some(FIELD_MAX));
                out.extend_from_slice(b"\",");
            }
            out.extend_from_slice(b"\"error_code\":\"");
            let label = json::parts_in(err, lang).and_then(|p| p.message);
            match summary && !code_fits(err) {
                true => write_code(out, first),
                false => write_code(out, err),
            }
            out.extend_from_slice(b"\",\"error_label\":\"");
            match label {
                Some(label) if label.len() <= LABEL_MAX => out.extend_from_slice(label.as_bytes()),
                _ => json::write_public_message(out, err, Some(LABEL_MAX), lang),
            }
            out.extend_from_slice(b"\"}}");
        }
        out.extend_from_slice(b"]}");
    }

    /// [`OneyFormat::view`] in `lang`, a language every error has.
    pub(crate) fn view_in<'a>(
        &'a self,
        errors: &'a [&'a dyn ApiError],
        lang: &'a str,
    ) -> impl Serialize + 'a {
        let first = primary(errors);
        let entries = entries_of(errors);
        OneyView {
            language: self.language_code(labels_language(first, entries, lang)),
            lang,
            first,
            entries,
        }
    }
}

/// The language the labels of a body whose writers were given `lang` are in: `lang`, the
/// first error's default for [`language::DEFAULT`]; a validation failure's first
/// violation's (its summary's message is not written).
fn labels_language<'a>(first: &'a dyn ApiError, entries: Entries<'a>, lang: &'a str) -> &'a str {
    let summary = !first.violations().is_empty();
    let Some(entry) = entries.get(0).filter(|_| summary) else {
        return match lang {
            language::DEFAULT => first.meta().language,
            lang => lang,
        };
    };
    match lang {
        language::DEFAULT => entry.meta().language,
        lang if entry.has_message_in(lang) => lang,
        _ => entry.meta().language,
    }
}

/// Whether `err`'s code fits `error_code` whole.
fn code_fits(err: &dyn ApiError) -> bool {
    err.code().chars().count() <= CODE_MAX
}

/// Appends `err`'s code escaped, cut to [`CODE_MAX`] characters.
fn write_code(out: &mut Vec<u8>, err: &dyn ApiError) {
    // Escaped text is never shorter than the text: when the escaped form fits the limit in
    // bytes, the text fits it in chars and is copied whole.
    match err.json_parts() {
        Some(parts) if parts.code.len() <= CODE_MAX => {
            out.extend_from_slice(parts.code.as_bytes());
        }
        _ => {
            let code = err.code();
            if code.len() <= CODE_MAX {
                json::escape_str(out, code);
            } else {
                use core::fmt::Write;
                let _ = LimitedJsonWriter::new(out, CODE_MAX).write_str(code);
            }
        }
    }
}

/// The Oney body as a [`Serialize`] value; see [`OneyFormat::view`].
pub(crate) struct OneyView<'a> {
    language: [u8; 2],
    lang: &'a str,
    first: &'a dyn ApiError,
    entries: Entries<'a>,
}

impl Serialize for OneyView<'_> {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        // Two ASCII letters, checked when set; the fallback is never taken.
        let language = core::str::from_utf8(&self.language).unwrap_or("EN");
        let mut map = serializer.serialize_map(Some(2))?;
        map.serialize_entry("language_code", language)?;
        map.serialize_entry("error_list", &List(self))?;
        map.end()
    }
}

struct List<'a>(&'a OneyView<'a>);

impl Serialize for List<'_> {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let entries = self.0.entries;
        let summary = !self.0.first.violations().is_empty();
        let mut seq = serializer.serialize_seq(Some(entries.len()))?;
        for err in entries {
            let code_of = match summary && !code_fits(err) {
                true => self.0.first,
                false => err,
            };
            seq.serialize_element(&Entry(Detail {
                err,
                code_of,
                lang: self.0.lang,
            }))?;
        }
        seq.end()
    }
}

struct Entry<'a>(Detail<'a>);

impl Serialize for Entry<'_> {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let mut map = serializer.serialize_map(Some(1))?;
        map.serialize_entry("error", &self.0)?;
        map.end()
    }
}

/// One entry: `err`'s field and label, `code_of`'s code.
struct Detail<'a> {
    err: &'a dyn ApiError,
    code_of: &'a dyn ApiError,
    lang: &'a str,
}

impl Serialize for Detail<'_> {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let err = self.err;
        let mut map = serializer.serialize_map(None)?;
        if let Some(field) = FieldText::of(err, Notation::Dotted) {
            let field = Limited {
                text: &field,
                max: FIELD_MAX,
            };
            map.serialize_entry("field", &Collect(&field))?;
        }
        let code = self.code_of.code();
        let code = Limited {
            text: &code,
            max: CODE_MAX,
        };
        map.serialize_entry("error_code", &Collect(&code))?;
        let message = PublicMessage {
            err,
            lang: self.lang,
        };
        let label = Limited {
            text: &message,
            max: LABEL_MAX,
        };
        map.serialize_entry("error_label", &Collect(&label))?;
        map.end()
    }
}

impl WireFormat for OneyFormat {
    fn name(&self) -> &'static str {
        "oney"
    }

    /// A list; a validation failure's violations alone, its own message unwritten.
    fn carries(&self) -> Carries {
        Carries::LIST.without_summary_message()
    }

    fn write(&self, body: &Body<'_>, out: &mut Vec<u8>) {
        self.render_all_in(body.errors(), body.written(), out);
    }

    fn view<'a>(&'a self, body: &'a Body<'a>) -> Box<dyn erased_serde::Serialize + 'a> {
        Box::new(self.view_in(body.errors(), body.written()))
    }

    /// `error_list` is Oney's alone.
    fn detect(&self, object: &Map<String, Value>, _media_type: &str) -> Confidence {
        match object.contains_key("error_list") {
            true => Confidence::CERTAIN,
            false => Confidence::NONE,
        }
    }

    fn read(&self, object: Map<String, Value>, mode: ReadMode) -> Result<ReceivedBody, ParseError> {
        Members::read_body(object, Format::Oney, mode, read_members)
    }

    fn schema(&self) -> Option<Value> {
        let string = |description: &str, max: usize| json!({"type": "string", "description": description, "maxLength": max});
        Some(json!({
            "type": "object",
            "description": "An Oney error list.",
            "properties": {
                "language_code": {
                    "type": "string",
                    "description": "ISO 639-1 language code, upper case.",
                    "minLength": 2,
                    "maxLength": 2,
                },
                "error_list": {"type": "array", "minItems": 1, "items": {
                    "type": "object",
                    "properties": {"error": {
                        "type": "object",
                        "properties": {
                            "field": string("The request field at fault.", Self::FIELD_MAX),
                            "error_code": string("The error code.", Self::CODE_MAX),
                            "error_label": string("The error's label.", Self::LABEL_MAX),
                        },
                        "required": ["error_code", "error_label"],
                    }},
                    "required": ["error"],
                }},
            },
            "required": ["language_code", "error_list"],
        }))
    }

    fn schema_name(&self) -> &'static str {
        "OneyErrorList"
    }

    /// This format cuts codes to [`OneyFormat::CODE_MAX`] characters, so a received code of
    /// exactly that length may be the start of a longer declared code (`backend_er` of
    /// `backend_error`): a possible match, taken only where no declared code is the
    /// received one.
    fn code_match(&self, received: &str, declared: &str) -> CodeMatch {
        if same_code(received, declared) {
            CodeMatch::Exact
        } else if declared.starts_with(received) && received.chars().count() == CODE_MAX {
            CodeMatch::Possible
        } else {
            CodeMatch::No
        }
    }
}

/// Reads a received body's members into `body` (see [`WireFormat::read`]).
fn read_members(m: &mut Members, body: &mut ReceivedBody) -> Result<(), ParseError> {
    body.language = m.string("language_code")?;
    let list = m.array("error_list")?;
    let list = m.required("error_list", list)?.unwrap_or_default();
    for (i, value) in list.into_iter().enumerate() {
        let Some(mut wrapper) = m.element(value, "error_list", i)? else {
            continue;
        };
        let error = wrapper.object("error")?;
        // Leniently, an entry may be flat: `{"field", "error_code", "error_label"}` without
        // the `error` wrapper, as some Oney connectors send it.
        let flat = error.is_none() && m.mode() == ReadMode::Lenient;
        let empty = || Members::new(Map::new(), Format::Oney, ReadMode::Lenient);
        let Some(mut error) = error.or_else(|| flat.then(empty)) else {
            return Err(wrapper.missing("error"));
        };
        let entry = if flat { &mut wrapper } else { &mut error };
        let code = entry.string("error_code")?;
        let code = entry.required("error_code", code)?;
        let field = entry.string("field")?;
        let message = entry.string("error_label")?;
        let mut extra = error.into_map();
        // Members beside `error` in a list entry are kept too, under their own names.
        extra.extend(wrapper.into_map());
        body.entries.push(ReceivedEntry {
            code,
            field,
            message,
            extra,
            format: Some(Format::Oney),
        });
    }
    if let Some(first) = body.entries.first() {
        body.code = first.code.clone();
        body.message = first.message.clone();
        body.field = first.field.clone();
    }
    Ok(())
}
