//! What the model implies, answered in one place (thiserror's `prop.rs`): a variant's code,
//! status and title, its message when known at compile time, how its template splits for
//! the JSON fast path, which field each placeholder prints, where a rebuilt variant's
//! fields come from, and its `#[meta]` facts merged with the enum's.

use proc_macro2::TokenStream;
use quote::ToTokens;
use syn::{LitStr, Member, Type};

use crate::ast::{Field, Input, Variant};
use crate::attr::{ContainerAttrs, MetaEntry};
use crate::case;
use crate::json;
use crate::template::{placeholders_of, Arg, Piece};
use crate::ty;

/// A variant's code, resolved from `#[code]` or the container's `rename_all`.
pub struct Code {
    pub value: String,
    /// Where an error about this code points: the literal, or the variant's name.
    pub at: TokenStream,
}

/// A template that the JSON formats write without the formatting machinery: its leading
/// literal is copied from the variant's pre-escaped parts and `write_json_rest` writes the
/// `rest`.
#[derive(Clone, Copy)]
pub struct DirectRest<'v> {
    /// The literal before the first placeholder (empty when the template starts with one).
    pub lead: &'v str,
    /// The pieces from the first placeholder on. Literals among them are copied with a
    /// length known at compile time, which is cheaper than any copy of a length read from a
    /// table.
    pub rest: &'v [Piece],
}

/// A placeholder resolved against its variant: the field it prints, and how.
pub struct Slot<'v, 'a> {
    pub field: &'v Field<'a>,
    pub write: Write<'v>,
}

/// Where a field of a variant rebuilt from a received body comes from.
pub enum Carried<'a> {
    /// The received message, where it is not the variant's own (a `#[message]` field, an
    /// `Option` of this type).
    MessageOverride(&'a Type),
    /// The Oney `field` (a `#[field]` field).
    OneyField,
    /// The template placeholder of the field's name, captured from the received message.
    Placeholder,
}

/// How a placeholder's value is written.
pub enum Write<'v> {
    /// Text written as is, without the formatting machinery.
    Text,
    /// A primitive integer, its digits written without the formatting machinery.
    Integer,
    /// The value's `Display`.
    Display,
    /// The value through `format_args!` with this spec (`>8`, `?`).
    Formatted(&'v str),
}

impl Input<'_> {
    /// The language of the undecorated texts: `lang = "…"`, else `en`.
    pub fn language(&self) -> String {
        self.attrs
            .lang
            .as_ref()
            .map_or_else(|| "en".to_owned(), LitStr::value)
    }

    /// Whether any variant has an Oney field, constant or from a field.
    pub fn has_oney_field(&self) -> bool {
        self.variants
            .iter()
            .any(|v| v.attrs.field.is_some() || v.oney_field().is_some())
    }
}

impl<'a> Variant<'a> {
    /// The code from `#[code]`, else from the container's `rename_all`.
    pub fn code(&self, container: &ContainerAttrs) -> Option<Code> {
        if let Some(lit) = &self.attrs.code {
            return Some(Code {
                value: lit.value(),
                at: lit.to_token_stream(),
            });
        }
        let rename_all = container.rename_all.as_ref()?;
        Some(Code {
            value: rename_all.rule.apply(&self.ident.to_string()),
            at: self.ident.to_token_stream(),
        })
    }

    /// The status from `#[status]`, else the container's default.
    pub fn status(&self, container: &ContainerAttrs) -> Option<u16> {
        self.attrs.status.or(container.status)
    }

    /// The seconds of `Retry-After`: the variant's `#[retry_after]`, else the enum's for a
    /// 429 or 503 variant.
    pub fn retry_after(&self, container: &ContainerAttrs) -> Option<u32> {
        if let Some(own) = &self.attrs.retry_after {
            return Some(own.seconds);
        }
        let retryable = matches!(self.status(container), Some(429 | 503));
        container
            .retry_after
            .as_ref()
            .filter(|_| retryable)
            .map(|r| r.seconds)
    }

    /// `#[title]`, else the variant's name in words.
    pub fn title(&self) -> String {
        match &self.attrs.title {
            Some(lit) => lit.value(),
            None => case::title(&self.ident.to_string()),
        }
    }

    pub fn is_tuple(&self) -> bool {
        matches!(
            self.fields.first(),
            Some(Field {
                member: Member::Unnamed(_),
                ..
            })
        )
    }

    pub fn field_named(&self, name: &str) -> Option<&Field<'a>> {
        self.fields.iter().find(|f| f.name == name)
    }

    /// The field marked `#[message]`, whose `Some` replaces the template.
    pub fn message_field(&self) -> Option<&Field<'a>> {
        self.fields.iter().find(|f| f.attrs.message.is_some())
    }

    /// The field marked `#[field]`, whose value is the Oney field.
    pub fn oney_field(&self) -> Option<&Field<'a>> {
        self.fields.iter().find(|f| f.attrs.field.is_some())
    }

    /// The default template's pieces (none without a template).
    pub fn pieces(&self) -> &[Piece] {
        self.template.as_ref().map_or(&[], |t| t.pieces.as_slice())
    }

    /// The template's placeholders.
    pub fn placeholders(&self) -> impl Iterator<Item = (&Arg, &Option<String>)> {
        placeholders_of(self.pieces())
    }

    /// Every template of the variant with the literal it was written in: the default one
    /// (`#[message]`'s or `#[error]`'s), then its translations.
    pub fn templates(&self) -> impl Iterator<Item = (&LitStr, &[Piece])> {
        let default = self.template.iter().map(|t| (&t.lit, t.pieces.as_slice()));
        let translated = self
            .translations
            .iter()
            .map(|t| (&t.lit, t.template.as_slice()));
        default.chain(translated)
    }

    /// The fields `pieces` print, each once, in the order of their first use.
    pub fn fields_printed_by<'v>(&'v self, pieces: &'v [Piece]) -> Vec<&'v Field<'a>> {
        let mut used: Vec<&Field<'a>> = Vec::new();
        for (arg, spec) in placeholders_of(pieces) {
            let field = self.slot(arg, spec).field;
            if !used.iter().any(|u| u.name == field.name) {
                used.push(field);
            }
        }
        used
    }

    /// The languages of the variant's translations, titles and messages, each once, in the
    /// order first written.
    pub fn translated_languages(&self) -> Vec<&str> {
        let mut languages: Vec<&str> = Vec::new();
        let written = self.attrs.message_translations.iter();
        for t in written.chain(&self.attrs.title_translations) {
            if !languages.iter().any(|l| l.eq_ignore_ascii_case(&t.lang)) {
                languages.push(&t.lang);
            }
        }
        languages
    }

    /// The field a placeholder names, and how it is written; validation has checked that
    /// the field exists.
    pub fn slot<'v>(&'v self, arg: &Arg, spec: &'v Option<String>) -> Slot<'v, 'a> {
        let field = self
            .field_named(&arg.field_name())
            .expect("validated placeholder");
        let write = match spec {
            None if ty::is_text_type(field.ty) => Write::Text,
            None if ty::is_integer_type(field.ty) => Write::Integer,
            None => Write::Display,
            Some(spec) => Write::Formatted(spec),
        };
        Slot { field, write }
    }

    /// The fields the template prints, each once, in the order of their first use.
    pub fn template_fields(&self) -> Vec<&Field<'a>> {
        let mut used: Vec<&Field<'a>> = Vec::new();
        for (arg, spec) in self.placeholders() {
            let field = self.slot(arg, spec).field;
            if !used.iter().any(|u| u.name == field.name) {
                used.push(field);
            }
        }
        used
    }

    /// Whether the template prints `field`.
    pub fn prints(&self, field: &Field) -> bool {
        self.placeholders()
            .any(|(arg, _)| arg.field_name() == field.name)
    }

    /// Whether the runtime writes the message from the variant's tables
    /// (`write_message_from_tables`), so that `write_message` needs no arm for it: a
    /// template whose placeholders print fields as they are (no format spec), each field
    /// once and none a `#[source]` (the values `for_each_value` gives then match the
    /// placeholders one to one), whose literals need no JSON escaping (each is its own
    /// escaped copy), and no field that can replace it.
    pub fn message_from_tables(&self) -> bool {
        let Some(template) = &self.template else {
            return false;
        };
        let pieces = &template.pieces;
        if self.message_field().is_some() {
            return false;
        }
        let mut printed: Vec<String> = Vec::new();
        for piece in pieces {
            match piece {
                Piece::Literal(text) => {
                    if json::escape(text) != *text {
                        return false;
                    }
                }
                Piece::Placeholder { arg, spec } => {
                    let field = self.slot(arg, spec).field;
                    if spec.is_some() || field.is_source() || printed.contains(&field.name) {
                        return false;
                    }
                    printed.push(field.name.clone());
                }
            }
        }
        true
    }

    /// The whole message when it is known at compile time: a template without placeholders,
    /// and no field that can override it.
    pub fn static_message(&self) -> Option<String> {
        if self.message_field().is_some() {
            return None;
        }
        let mut message = String::new();
        for piece in &self.template.as_ref()?.pieces {
            match piece {
                Piece::Literal(text) => message.push_str(text),
                Piece::Placeholder { .. } => return None,
            }
        }
        Some(message)
    }

    /// The [`DirectRest`] of a template with a placeholder and no field that can override
    /// it.
    pub fn direct_rest(&self) -> Option<DirectRest<'_>> {
        if self.message_field().is_some() {
            return None;
        }
        let pieces = &self.template.as_ref()?.pieces;
        self.placeholders().next()?;
        let (lead, rest) = match pieces.split_first() {
            Some((Piece::Literal(lead), rest)) => (lead.as_str(), rest),
            _ => ("", pieces.as_slice()),
        };
        Some(DirectRest { lead, rest })
    }
}

impl<'a> Variant<'a> {
    /// Where each field of the variant comes from when a received body rebuilds it, in
    /// declaration order; `None` where a received body can never rebuild it: a field of a
    /// type received text cannot become, a `#[source]`, or a field the body does not carry
    /// (no template prints it, as where the message is an opaque `Display`).
    pub fn rebuild_plan(&self) -> Option<Vec<(&Field<'a>, Carried<'a>)>> {
        self.fields
            .iter()
            .map(|field| {
                let carried = if field.attrs.message.is_some() {
                    let inner = ty::option_inner(field.ty)?;
                    ty::readable_type(inner).then_some(Carried::MessageOverride(inner))?
                } else if !ty::readable_type(field.ty) || field.is_source() {
                    return None;
                } else if field.attrs.field.is_some() {
                    Carried::OneyField
                } else if self.prints(field) {
                    Carried::Placeholder
                } else {
                    return None;
                };
                Some((field, carried))
            })
            .collect()
    }

    /// The variant's `#[meta]` facts, then the enum's for the keys it does not give: what
    /// `VariantMeta::meta` holds, the first entry of a key being the one that counts.
    pub fn meta<'v>(&'v self, container: &'v ContainerAttrs) -> Vec<&'v MetaEntry> {
        let own = &self.attrs.meta;
        let inherited = container
            .meta
            .iter()
            .filter(|c| !own.iter().any(|o| o.key_text() == c.key_text()));
        own.iter().chain(inherited).collect()
    }

    /// Whether thiserror is derived beside us, which checks its own attributes: an
    /// `#[error]` on the variant or on the enum.
    pub fn has_thiserror(&self, container: &ContainerAttrs) -> bool {
        self.attrs.error.is_some() || container.error.is_some()
    }
}

/// The Google `ErrorInfo.reason` of a code: upper case, every run of characters other than
/// letters and digits one `_`, none at either end, at most 63 characters; the runtime
/// writes the same for hand-written errors, with the same function.
pub fn google_reason(code: &str) -> String {
    apierror_spec::google::reason(code)
}

/// Most characters of an `ErrorInfo.reason` (AIP-193).
pub const GOOGLE_REASON_MAX: usize = apierror_spec::google::REASON_MAX;

/// Whether `reason` has AIP-193's shape: `[A-Z][A-Z0-9_]+[A-Z0-9]`.
pub fn is_google_reason(reason: &str) -> bool {
    let bytes = reason.as_bytes();
    bytes.len() >= 3
        && bytes[0].is_ascii_uppercase()
        && bytes
            .iter()
            .all(|b| b.is_ascii_uppercase() || b.is_ascii_digit() || *b == b'_')
        && bytes[bytes.len() - 1] != b'_'
}

impl Field<'_> {
    /// `#[source]` or `#[from]`: the field holds an underlying error.
    pub fn is_source(&self) -> bool {
        self.attrs.source.is_some() || self.attrs.from.is_some()
    }
}
