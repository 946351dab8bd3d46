//! Rules across attributes and variants, one function per rule. Each records its errors in
//! the context and lets the others run, so all mistakes are reported at once.

use std::collections::HashMap;

use syn::{GenericArgument, PathArguments, Type};

use crate::ast::{Input, Variant};
use crate::ctxt::Ctxt;
use crate::template::{Arg, Piece};

/// Oney's `error_code` is at most 10 characters.
const ONEY_CODE_MAX: usize = 10;
/// Oney's `field` is at most 100 characters.
const ONEY_FIELD_MAX: usize = 100;

pub fn check(cx: &mut Ctxt, input: &Input) {
    for variant in &input.variants {
        status_present(cx, input, variant);
        code_present(cx, input, variant);
        template_fields_exist(cx, variant);
        server_error_hides_source(cx, input, variant);
        one_oney_field(cx, variant);
        message_override_is_option(cx, variant);
        if input.attrs.oney {
            oney_limits(cx, input, variant);
        }
    }
    if !input.attrs.allow_duplicate_codes {
        codes_unique(cx, input);
    }
}

fn what(input: &Input, variant: &Variant) -> String {
    if input.is_enum {
        format!("variant `{}`", variant.ident)
    } else {
        format!("struct `{}`", variant.ident)
    }
}

fn status_present(cx: &mut Ctxt, input: &Input, variant: &Variant) {
    if variant.status(&input.attrs).is_none() && !variant.attrs.status_rejected {
        cx.error_spanned_by(
            variant.ident,
            format!(
                "missing #[status(...)] on {}; add one, or a default with #[api_error(status = ...)]",
                what(input, variant)
            ),
        );
    }
}

fn code_present(cx: &mut Ctxt, input: &Input, variant: &Variant) {
    let rejected = variant.attrs.code_rejected || input.attrs.rename_all_rejected;
    if variant.code(&input.attrs).is_none() && !rejected {
        cx.error_spanned_by(
            variant.ident,
            format!(
                "missing #[code(\"...\")] on {}; add one, or derive codes with \
                 #[api_error(rename_all = \"snake_case\")]",
                what(input, variant)
            ),
        );
    }
}

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
                     allow it with #[api_error(allow_duplicate_codes)]",
                    code.value
                ),
            );
        } else {
            first_by_code.insert(code.value, variant.ident);
        }
    }
}

fn template_fields_exist(cx: &mut Ctxt, variant: &Variant) {
    let (Some(pieces), Some(lit)) = (&variant.template, &variant.attrs.message) else {
        return;
    };
    for piece in pieces {
        let Piece::Placeholder { arg, .. } = piece else {
            continue;
        };
        let known = match arg {
            Arg::Named(name) => !variant.is_tuple() && variant.field_named(name).is_some(),
            Arg::Index(index) => variant.is_tuple() && *index < variant.fields.len(),
        };
        if known {
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
                "unknown field `{name}` in #[message]{}",
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
/// `#[source]`/`#[from]` field.
fn server_error_hides_source(cx: &mut Ctxt, input: &Input, variant: &Variant) {
    let Some(status) = variant.status(&input.attrs) else {
        return;
    };
    let (Some(pieces), Some(lit)) = (&variant.template, &variant.attrs.message) else {
        return;
    };
    if status < 500 {
        return;
    }
    for piece in pieces {
        let Piece::Placeholder { arg, .. } = piece else {
            continue;
        };
        let name = match arg {
            Arg::Named(name) => name.clone(),
            Arg::Index(index) => index.to_string(),
        };
        if variant.field_named(&name).is_some_and(|f| f.attrs.source) {
            cx.error_spanned_by(
                lit,
                format!(
                    "the #[message] of a {status} error must not print the #[source] field {arg}: \
                     its text would reach the wire; log the source instead"
                ),
            );
        }
    }
}

fn one_oney_field(cx: &mut Ctxt, variant: &Variant) {
    let marked: Vec<_> = variant
        .fields
        .iter()
        .filter_map(|f| f.attrs.field)
        .collect();
    for span in marked.iter().skip(1) {
        cx.syn_error(syn::Error::new(
            *span,
            "only one field may be marked #[field]",
        ));
    }
    if let (Some(constant), Some(_)) = (&variant.attrs.field, marked.first()) {
        cx.error_spanned_by(
            constant,
            "#[field(\"…\")] on the variant and #[field] on one of its fields: keep one",
        );
    }
}

fn message_override_is_option(cx: &mut Ctxt, variant: &Variant) {
    let marked: Vec<_> = variant
        .fields
        .iter()
        .filter(|f| f.attrs.message.is_some())
        .collect();
    for field in marked.iter().skip(1) {
        cx.error_spanned_by(field.ty, "only one field may be marked #[message]");
    }
    for field in marked.iter().take(1) {
        if option_inner(field.ty).is_none() {
            cx.error_spanned_by(
                field.ty,
                "a #[message] field must be an Option<…>: Some replaces the default message",
            );
        }
    }
}

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

/// `T` of a type written `Option<T>` (or a path ending in `Option<T>`).
pub fn option_inner(ty: &Type) -> Option<&Type> {
    let Type::Path(path) = ty else { return None };
    let last = path.path.segments.last()?;
    if last.ident != "Option" {
        return None;
    }
    let PathArguments::AngleBracketed(args) = &last.arguments else {
        return None;
    };
    match args.args.first()? {
        GenericArgument::Type(inner) if args.args.len() == 1 => Some(inner),
        _ => None,
    }
}
