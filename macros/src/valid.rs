//! Rules across attributes and variants, one function per rule, each saying why it holds.
//! Each records its errors in the context and lets the others run, so all mistakes are
//! reported at once.

use std::collections::HashMap;

use crate::ast::{placeholder_field, Input, Variant};
use syn::LitStr;

use crate::attr::{
    API_ERROR, CODE, ERROR, FIELD, FROM, LANG, MESSAGE, RENAME_ALL, SOURCE, STATUS, TITLE,
};
use crate::attr::{GOOGLE, RETRY_AFTER};
use crate::ctxt::Ctxt;
use crate::prop::{google_reason, is_google_reason, GOOGLE_REASON_MAX};
use crate::template::{placeholders_of, Arg, Piece};
use crate::ty;

use apierror_spec::rules::{ONEY_CODE_MAX, ONEY_FIELD_MAX};

pub fn check(cx: &mut Ctxt, input: &Input) {
    rename_all_on_enum(cx, input);
    for variant in &input.variants {
        status_present(cx, input, variant);
        code_present(cx, input, variant);
        template_fields_exist(cx, variant);
        server_error_hides_source(cx, input, variant);
        translations_have_a_default(cx, input, variant);
        translations_are_other_languages(cx, input, variant);
        one_source(cx, input, variant);
        one_oney_field(cx, variant);
        one_message_field(cx, variant);
        message_field_is_option(cx, variant);
        retry_after_is_retryable(cx, input, variant);
        if input.attrs.oney {
            oney_limits(cx, input, variant);
        }
        if input.attrs.google {
            google_reason_valid(cx, input, variant);
        }
    }
    if !input.attrs.allow_duplicate_codes {
        codes_unique(cx, input);
    }
}

/// `rename_all` derives codes from variant names; a struct's name is a type name, and a
/// renamed type would silently change its wire code.
fn rename_all_on_enum(cx: &mut Ctxt, input: &Input) {
    if let (false, Some(rename_all)) = (input.is_enum, &input.attrs.rename_all) {
        cx.error_spanned_by(
            &rename_all.key,
            format!(
                "#[{API_ERROR}({RENAME_ALL} = …)] renames the variants of an enum; \
                 give a struct its code with #[{CODE}(\"…\")]"
            ),
        );
    }
}

/// Every body carries an HTTP status: there is no sensible default for an error.
fn status_present(cx: &mut Ctxt, input: &Input, variant: &Variant) {
    let rejected = variant.attrs.status_rejected || input.attrs.status_rejected;
    if variant.status(&input.attrs).is_none() && !rejected {
        let default = format!("a default with #[{API_ERROR}({STATUS} = ...)]");
        report_missing(cx, input, variant, &format!("#[{STATUS}(...)]"), &default);
    }
}

/// Every body carries a machine-readable code, the one thing clients match on.
fn code_present(cx: &mut Ctxt, input: &Input, variant: &Variant) {
    let rejected = variant.attrs.code_rejected || input.attrs.code_rejected;
    if variant.code(&input.attrs).is_none() && !rejected {
        let default = format!("derive codes with #[{API_ERROR}({RENAME_ALL} = \"snake_case\")]");
        report_missing(cx, input, variant, &format!("#[{CODE}(\"...\")]"), &default);
    }
}

fn report_missing(cx: &mut Ctxt, input: &Input, variant: &Variant, attribute: &str, or: &str) {
    let what = if input.is_enum { "variant" } else { "struct" };
    cx.error_spanned_by(
        variant.ident,
        format!(
            "missing {attribute} on {what} `{}`; add one, or {or}",
            variant.ident
        ),
    );
}

/// Clients map a received code back to one variant: two variants with one code are
/// ambiguous unless the enum says it means it (Oney's services repeat codes).
fn codes_unique(cx: &mut Ctxt, input: &Input) {
    let mut first_by_code: HashMap<String, &syn::Ident> = HashMap::new();
    for variant in &input.variants {
        let Some(code) = variant.code(&input.attrs) else {
            continue;
        };
        if let Some(first) = first_by_code.get(&code.value) {
            cx.error_spanned_by(
                &code.at,
                format!(
                    "duplicate code `{}`: already used by variant `{first}`; \
                     allow it with #[{API_ERROR}(allow_duplicate_codes)]",
                    code.value
                ),
            );
        } else {
            first_by_code.insert(code.value, variant.ident);
        }
    }
}

/// A placeholder prints a field of its own variant; anything else would not compile, and
/// rustc's error would point into generated code. A translation is checked as its default.
fn template_fields_exist(cx: &mut Ctxt, variant: &Variant) {
    for (lit, pieces) in variant.templates() {
        template_fields_exist_in(cx, variant, lit, pieces);
    }
}

fn template_fields_exist_in(cx: &mut Ctxt, variant: &Variant, lit: &LitStr, pieces: &[Piece]) {
    for (arg, _) in placeholders_of(pieces) {
        if placeholder_field(&variant.fields, arg).is_some() {
            continue;
        }
        let message = match arg {
            Arg::Index(_) if !variant.is_tuple() && !variant.fields.is_empty() => {
                format!("positional placeholder {arg} in a variant with named fields; use the field's name")
            }
            Arg::Index(_) => format!(
                "placeholder index {arg} out of range: `{}` has {} field{}",
                variant.ident,
                variant.fields.len(),
                if variant.fields.len() == 1 { "" } else { "s" },
            ),
            Arg::Named(name) => format!(
                "unknown field `{name}` in #[{MESSAGE}]{}",
                field_list(variant)
            ),
        };
        cx.error_spanned_by(lit, message);
    }
}

fn field_list(variant: &Variant) -> String {
    if variant.fields.is_empty() {
        format!(": `{}` has no fields", variant.ident)
    } else if variant.is_tuple() {
        format!(
            ": `{}` is a tuple variant; use {{0}}, {{1}}, …",
            variant.ident
        )
    } else {
        let names: Vec<String> = variant
            .fields
            .iter()
            .map(|f| format!("`{}`", f.name))
            .collect();
        format!("; fields of `{}`: {}", variant.ident, names.join(", "))
    }
}

/// A 5xx body goes to clients that must not see internals: its template may not print a
/// `#[source]`/`#[from]` field, in any language.
fn server_error_hides_source(cx: &mut Ctxt, input: &Input, variant: &Variant) {
    let Some(status) = variant.status(&input.attrs) else {
        return;
    };
    if status < 500 {
        return;
    }
    for (lit, pieces) in variant.templates() {
        let prints_source = |(arg, _): &(&Arg, &Option<String>)| {
            variant
                .field_named(&arg.field_name())
                .is_some_and(|f| f.is_source())
        };
        for (arg, _) in placeholders_of(pieces).filter(prints_source) {
            cx.error_spanned_by(
                lit,
                format!(
                    "the #[{MESSAGE}] of a {status} error must not print the #[{SOURCE}] field {arg}: \
                     its text would reach the wire; log the source instead"
                ),
            );
        }
    }
}

/// A translation translates something: without a default template (a `#[message("…")]`,
/// or a thiserror `#[error("…")]` read as one) the message is the type's `Display`, which
/// has no translation.
fn translations_have_a_default(cx: &mut Ctxt, input: &Input, variant: &Variant) {
    if variant.template.is_some() || variant.attrs.message.is_some() {
        return;
    }
    // Where thiserror's text is there but is no template, say why it does not count.
    let why = if variant.has_thiserror(&input.attrs) {
        format!(" (its #[{ERROR}] is not read as one: see \"Pairing with thiserror\" in apierror's docs)")
    } else {
        String::new()
    };
    if let Some(first) = variant.attrs.message_translations.first() {
        cx.error_spanned_by(
            &first.key,
            format!(
                "#[{MESSAGE}({} = …)] translates the default #[{MESSAGE}(\"…\")], which `{}` lacks{why}; \
                 add it in the enum's language",
                first.lang, variant.ident
            ),
        );
    }
}

/// The undecorated texts are in the enum's language: a translation into that language
/// would give the variant two texts for one language.
fn translations_are_other_languages(cx: &mut Ctxt, input: &Input, variant: &Variant) {
    let default = input.language();
    let written = variant.attrs.message_translations.iter();
    for (t, name) in written
        .map(|t| (t, MESSAGE))
        .chain(variant.attrs.title_translations.iter().map(|t| (t, TITLE)))
    {
        if t.lang.eq_ignore_ascii_case(&default) {
            cx.error_spanned_by(
                &t.key,
                format!(
                    "the default #[{name}] is already in `{default}`, the enum's language; \
                     set another with #[{API_ERROR}({LANG} = …)]"
                ),
            );
        }
    }
}

/// A variant has one underlying error (`Error::source` returns one): `#[from]` names it, so
/// a `#[source]` elsewhere contradicts it. Where thiserror is derived too (`#[error]`), it
/// reports this itself and the user sees it once.
fn one_source(cx: &mut Ctxt, input: &Input, variant: &Variant) {
    if variant.has_thiserror(&input.attrs) {
        return;
    }
    let from = variant
        .fields
        .iter()
        .find_map(|f| f.attrs.from.map(|a| (f, a)));
    let source = variant.fields.iter().find(|f| f.attrs.source.is_some());
    if let (Some((from_field, from_attr)), Some(source_field)) = (from, source) {
        if from_field.member != source_field.member {
            cx.error_spanned_by(
                from_attr,
                format!(
                    "#[{FROM}] and #[{SOURCE}] on different fields; a variant has one source: \
                     put #[{FROM}] on the #[{SOURCE}] field, or keep one of them"
                ),
            );
        }
    }
}

/// An Oney error names at most one field: the variant's constant or one field's value.
fn one_oney_field(cx: &mut Ctxt, variant: &Variant) {
    let marked: Vec<_> = variant
        .fields
        .iter()
        .filter_map(|f| f.attrs.field)
        .collect();
    for attr in marked.iter().skip(1) {
        cx.error_spanned_by(attr, format!("only one field may be marked #[{FIELD}]"));
    }
    if let (Some(constant), Some(_)) = (&variant.attrs.field, marked.first()) {
        cx.error_spanned_by(
            constant,
            format!(
                "#[{FIELD}(\"…\")] on the variant and #[{FIELD}] on one of its fields: keep one"
            ),
        );
    }
}

/// A `#[message]` field replaces the template when it is `Some`; a message has one
/// replacement.
fn one_message_field(cx: &mut Ctxt, variant: &Variant) {
    let marked = variant.fields.iter().filter_map(|f| f.attrs.message);
    for attr in marked.skip(1) {
        cx.error_spanned_by(attr, format!("only one field may be marked #[{MESSAGE}]"));
    }
}

/// The `None` of a `#[message]` field keeps the template: it must be an `Option`.
fn message_field_is_option(cx: &mut Ctxt, variant: &Variant) {
    if let Some(field) = variant.message_field() {
        if ty::option_inner(field.ty).is_none() {
            cx.error_spanned_by(
                field.ty,
                format!(
                    "a #[{MESSAGE}] field must be an Option<…>: Some replaces the default message"
                ),
            );
        }
    }
}

/// `Retry-After` means something with 429 Too Many Requests and 503 Service Unavailable
/// (RFC 9110 section 10.2.3, RFC 6585 section 4); on any other error a client would wait
/// for nothing.
fn retry_after_is_retryable(cx: &mut Ctxt, input: &Input, variant: &Variant) {
    let Some(own) = &variant.attrs.retry_after else {
        return;
    };
    match variant.status(&input.attrs) {
        Some(429 | 503) | None => {}
        Some(status) => cx.error_spanned_by(
            &own.lit,
            format!(
                "#[{RETRY_AFTER}] is sent with 429 and 503 responses only; this variant's \
                 status is {status}"
            ),
        ),
    }
}

/// AIP-193: an `ErrorInfo.reason` is `[A-Z][A-Z0-9_]+[A-Z0-9]` of at most 63 characters,
/// and clients match on it; a code whose reason is not one would be cut or malformed.
fn google_reason_valid(cx: &mut Ctxt, input: &Input, variant: &Variant) {
    let Some(code) = variant.code(&input.attrs) else {
        return;
    };
    let reason = google_reason(&code.value);
    let whole = code
        .value
        .chars()
        .filter(char::is_ascii_alphanumeric)
        .count()
        <= GOOGLE_REASON_MAX;
    if !whole || !is_google_reason(&reason) {
        cx.error_spanned_by(
            &code.at,
            format!(
                "code `{}` makes the Google reason `{reason}`, which is not one: a reason is \
                 [A-Z][A-Z0-9_]+[A-Z0-9] of at most {GOOGLE_REASON_MAX} characters; start the code \
                 with a letter, or drop #[{API_ERROR}({GOOGLE})]",
                code.value
            ),
        );
    }
}

/// Oney's API documents these limits; a longer value would be cut or refused on the wire.
fn oney_limits(cx: &mut Ctxt, input: &Input, variant: &Variant) {
    if let Some(code) = variant.code(&input.attrs) {
        let len = code.value.chars().count();
        if len > ONEY_CODE_MAX {
            cx.error_spanned_by(
                &code.at,
                format!(
                    "Oney error codes are at most {ONEY_CODE_MAX} characters; `{}` has {len}",
                    code.value
                ),
            );
        }
    }
    if let Some(field) = &variant.attrs.field {
        let len = field.value().chars().count();
        if len > ONEY_FIELD_MAX {
            cx.error_spanned_by(
                field,
                format!("Oney fields are at most {ONEY_FIELD_MAX} characters; this one has {len}"),
            );
        }
    }
}
