//! The speed path: the escaped static parts of each variant's bodies (the runtime's
//! `JsonParts`), `write_json_rest`, which writes the rest of a templated message straight
//! into the body, and `write_json_rest_in`, which writes a translation's so. Nothing here
//! changes what a body says, only how fast it is written; the runtime's generic path writes
//! the same bytes without them.

use proc_macro2::TokenStream;
use quote::quote;

use crate::ast::{Input, Variant};
use crate::expand::source::Source;
use crate::expand::{binding, formatted, pattern};
use crate::json;
use crate::prop::{Slot, Write};
use crate::template::Piece;

/// The escaped static parts of a variant's bodies, each one literal. The heads are built
/// from the pieces the runtime's generic path writes too (`apierror_spec`), so their
/// static bytes are defined once for both. A `JsonParts` expression written into `out`.
pub(super) fn json_parts(input: &Input, variant: &Variant, out: &mut Source) {
    let code = variant
        .code(&input.attrs)
        .map(|c| c.value)
        .unwrap_or_default();
    let code_json = json::escape(&code);
    let title = json::escape(&variant.title());
    let static_message = variant.static_message().map(|m| json::escape(&m));
    let lead = variant
        .direct_rest()
        .map(|direct| json::escape(direct.lead));
    // The head of an Omise body, for the type's own location or else the runtime's default
    // base (`OmiseFormat` swaps the base when it has another), with as much of the message
    // as is known: all of a static one and the closing `"}` (the whole body), or a
    // template's lead.
    let base = match &input.attrs.location {
        Some(location) => json::escape(&location.value()),
        None => apierror_spec::omise::DEFAULT_LOCATION.to_owned(),
    };
    let anchor = json::escape(&code.replace('_', "-"));
    let omise_head = match (&static_message, &lead) {
        (Some(message), _) => apierror_spec::omise::body(&base, &anchor, &code_json, message),
        (None, Some(lead)) => apierror_spec::omise::head(&base, &anchor, &code_json) + lead,
        (None, None) => apierror_spec::omise::head(&base, &anchor, &code_json),
    };
    let status_code = variant.status(&input.attrs).unwrap_or_default();
    let status_head = apierror_spec::problem::status_head(status_code, &title);
    let google_reason = crate::prop::google_reason(&code);
    // Only what differs from the type's base parts (`__APIERROR_JSON_BASE`).
    out.code("__a::JsonParts {")
        .str_member("code", &code_json)
        .str_member("omise_head", &omise_head)
        .str_member("status_head", &status_head)
        .str_member("google_reason", &google_reason);
    if let Some(message) = &static_message {
        out.code("message: ").option_str(Some(message)).code(",");
    }
    if let Some(lead) = &lead {
        out.code("lead: ").option_str(Some(lead)).code(",");
    }
    if !variant.translations.is_empty() {
        out.code("translations: &[");
        for translation in &variant.translations {
            let lang = &translation.lang;
            let lead = json::escape(split_lead(&translation.template).0);
            let omise_head = apierror_spec::omise::head(&base, &anchor, &code_json) + &lead;
            out.code("__a::LanguageParts {")
                .str_member("lang", lang)
                .code("key: __a::language_key(")
                .str(lang)
                .code("),")
                .str_member("lead", &lead)
                .str_member("omise_head", &omise_head)
                .code("},");
        }
        out.code("],");
    }
    if let Some(message) = &static_message {
        if !has_field(variant) {
            let unit = GoogleUnitFacts {
                status: status_code,
                title: &title,
                anchor: &anchor,
                reason: &google_reason,
                message,
            };
            out.code("google_unit: ");
            google_unit(input, variant, &unit, out);
            out.code(",");
        }
    }
    out.code("..__APIERROR_JSON_BASE }");
}

/// Whether the variant has an Oney field (a constant or a `#[field]`): its Google body has
/// a `BadRequest` detail.
fn has_field(variant: &Variant) -> bool {
    variant.attrs.field.is_some() || variant.oney_field().is_some()
}

/// What a Google unit body is made of, besides the type's attributes.
struct GoogleUnitFacts<'a> {
    status: u16,
    title: &'a str,
    anchor: &'a str,
    reason: &'a str,
    message: &'a str,
}

/// `JsonParts::google_unit` (an `Option<GoogleUnit>` expression, written into `out`) of a
/// variant with a static message and no field: its Google body as one string literal,
/// written by the function the runtime's pieces come from
/// (`apierror_spec::google::unit_body`), for a format without a domain or retry delay;
/// the runtime puts its domain at `domain_at` for a type that names none.
fn google_unit(input: &Input, variant: &Variant, unit: &GoogleUnitFacts, out: &mut Source) {
    use apierror_spec::google::{code_name_of, unit_body};
    let code_name = match &variant.attrs.grpc {
        Some(name) => name.to_string(),
        None => code_name_of(unit.status).to_owned(),
    };
    let domain = input
        .attrs
        .domain
        .as_ref()
        .map(|d| json::escape(&d.value()));
    let location = input
        .attrs
        .location
        .as_ref()
        .map(|l| json::escape(&l.value()));
    let help = location
        .as_deref()
        .map(|location| (unit.title, location, unit.anchor));
    let (body, at) = unit_body(
        unit.status,
        unit.message,
        &code_name,
        unit.reason,
        domain.as_deref(),
        help,
    );
    let retryable = matches!(unit.status, 429 | 503);
    let translated = !variant.translated_languages().is_empty();
    if domain.is_none() && !retryable && !translated {
        // The commonest case, in a short form: fewer tokens for the compiler per variant.
        out.code("__a::GoogleUnit::plain(")
            .str(&body)
            .code(", ")
            .display(at)
            .code(")");
        return;
    }
    out.code("__a::Some(__a::GoogleUnit {")
        .str_member("body", &body);
    match domain {
        Some(_) => out.code("domain_at: __a::None,"),
        None => out.code("domain_at: __a::Some(").display(at).code("),"),
    };
    // Only what differs from the type's base (`__APIERROR_GOOGLE_BASE`: not retryable, not
    // translated).
    if retryable {
        out.code("retryable: true,");
    }
    if translated {
        out.code("translated: true,");
    }
    out.code("..__APIERROR_GOOGLE_BASE })");
}

/// `write_json_rest`: for each variant with a direct path (`prop`'s `direct_rest`), the
/// rest of its template written straight into the buffer: literals copied escaped at
/// compile time, text fields escaped, integers' digits written, other values printed
/// through the escaping writer.
pub(super) fn json_rest_fn(input: &Input) -> TokenStream {
    let arms: Vec<TokenStream> = input
        .variants
        .iter()
        .filter_map(|variant| {
            let writes = write_pieces(variant, variant.direct_rest()?.rest);
            let pattern = pattern(input, variant, variant.template_fields());
            Some(quote!(#pattern => { #writes }))
        })
        .collect();
    if arms.is_empty() {
        return TokenStream::new();
    }
    let signature = quote!(fn write_json_rest(&self, __out: &mut ::std::vec::Vec<u8>));
    writer_fn(signature, arms)
}

/// A writer method of `signature` (returning `fmt::Result`) that matches `self` against
/// `arms`; other variants answer `Err` (the caller then writes the generic way).
fn writer_fn(signature: TokenStream, arms: Vec<TokenStream>) -> TokenStream {
    quote! {
        #[allow(unreachable_patterns)]
        #signature -> ::core::fmt::Result {
            // A failing value clears `__ok` rather than returning through `?`: plain calls
            // type-check faster, in a body with an arm per templated variant.
            let mut __ok = true;
            match self {
                #(#arms)*
                _ => __ok = false,
            }
            __a::result(__ok)
        }
    }
}

/// The statements writing `pieces` of a template straight into the body: literals escaped
/// at compile time, values through [`json_value`].
fn write_pieces(variant: &Variant, pieces: &[Piece]) -> TokenStream {
    let writes = pieces.iter().map(|piece| match piece {
        Piece::Literal(text) => {
            let escaped = json::escape(text);
            quote!(__a::raw(__out, #escaped);)
        }
        Piece::Placeholder { arg, spec } => json_value(variant.slot(arg, spec)),
    });
    quote!(#(#writes)*)
}

/// A template's leading literal (empty when it starts with a placeholder) and the pieces
/// after it.
fn split_lead(pieces: &[Piece]) -> (&str, &[Piece]) {
    match pieces.split_first() {
        Some((Piece::Literal(lead), rest)) => (lead, rest),
        _ => ("", pieces),
    }
}

/// `write_json_rest_in`: for each variant with translated messages and no field that can
/// replace its message, the rest of the message in the language asked for (by its position
/// in `JsonParts::translations`), after its lead, written straight into the buffer, as
/// `write_json_rest` writes the default one's. Not emitted when no variant has a
/// translation.
pub(super) fn json_rest_in_fn(input: &Input) -> TokenStream {
    let arms: Vec<TokenStream> = input
        .variants
        .iter()
        .filter(|variant| !variant.translations.is_empty() && variant.message_field().is_none())
        .map(|variant| {
            let mut used = Vec::new();
            let languages: Vec<TokenStream> = variant
                .translations
                .iter()
                .enumerate()
                .map(|(index, translation)| {
                    let rest = split_lead(&translation.template).1;
                    for field in variant.fields_printed_by(rest) {
                        if !used
                            .iter()
                            .any(|u: &&crate::ast::Field| u.name == field.name)
                        {
                            used.push(field);
                        }
                    }
                    let writes = write_pieces(variant, rest);
                    quote!(#index => { #writes })
                })
                .collect();
            let pattern = pattern(input, variant, used);
            quote!(#pattern => match __index { #(#languages)* _ => __ok = false, })
        })
        .collect();
    if arms.is_empty() {
        return TokenStream::new();
    }
    let signature = quote! {
        fn write_json_rest_in(&self, __index: usize, __out: &mut ::std::vec::Vec<u8>)
    };
    writer_fn(signature, arms)
}

/// One placeholder written escaped into the body.
fn json_value(slot: Slot) -> TokenStream {
    let binding = binding(slot.field);
    match slot.write {
        Write::Text => {
            let ty = slot.field.ty;
            quote!(__a::escape_str(__out, __a::as_str::<#ty>(#binding));)
        }
        Write::Integer => {
            let ty = slot.field.ty;
            quote!(__a::json_integer::<#ty>(__out, #binding);)
        }
        Write::Display => quote!(__a::json_value(__out, #binding, &mut __ok);),
        Write::Formatted(spec) => {
            let value = formatted(spec, &binding);
            quote!(__a::json_value(__out, #value, &mut __ok);)
        }
    }
}
