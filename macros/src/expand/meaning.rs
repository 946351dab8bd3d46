//! What a variant means, as generated code: its catalog entry (`VariantMeta`), its message
//! (`write_message`), its Oney field (`field`), its rebuild from a received body
//! (`from_received`), and the bounds a generic type needs for them.

use proc_macro2::{Ident, TokenStream};
use quote::{quote, quote_spanned};

use crate::ast::{Input, Variant};
use crate::attr::LangText;
use crate::expand::source::Source;
use crate::expand::{binding, formatted, pattern, variant_path};
use crate::json;
use crate::prop::{Carried, Slot, Write};
use crate::template::{placeholders_of, Piece};
use crate::ty;

/// The variant's entry in the catalog table, a `VariantMeta` expression written into
/// `out`: only what differs from the type's base entry (`__APIERROR_META_BASE`), fewer
/// tokens per variant for the compiler to read and check in an enum of many, through the
/// runtime's one const constructor (`VariantMeta` is `#[non_exhaustive]`).
pub(super) fn variant_meta(input: &Input, variant: &Variant, out: &mut Source) {
    let name = variant.ident.to_string();
    let name = name.strip_prefix("r#").unwrap_or(&name);
    // Validation has passed, so status and code are present.
    let status = variant.status(&input.attrs).unwrap_or_default();
    let code = variant
        .code(&input.attrs)
        .map(|c| c.value)
        .unwrap_or_default();
    let message = variant.template.as_ref().map(|t| t.lit.value());
    out.code("__a::variant_meta(__a::VariantMetaFields {")
        .str_member("name", name)
        .code("status: ")
        .display(status)
        .code(",")
        .str_member("code", &code)
        .str_member("title", &variant.title())
        .code("message: ")
        .option_str(message.as_deref())
        .code(", pieces: ");
    template_pieces(variant.pieces().iter(), out);
    out.code(",");
    if !variant.attrs.doc.is_empty() {
        out.str_member("description", &variant.attrs.doc);
    }
    if !variant.attrs.translations.is_empty() {
        out.code("translations: &[");
        for (lang, text) in &variant.attrs.translations {
            out.code("__a::Translation { ")
                .str_member("lang", lang)
                .str_member("description", &text.value())
                .code(" },");
        }
        out.code("],");
    }
    if let Some(field) = &variant.attrs.field {
        out.code("field: ")
            .option_str(Some(&field.value()))
            .code(",");
    }
    if !variant.fields.is_empty() {
        out.code("fields: &[");
        for field in &variant.fields {
            out.str(&field.name).code(",");
        }
        out.code("],");
    }
    let languages = variant.translated_languages();
    if !languages.is_empty() {
        out.code("localized: &[");
        for lang in languages {
            localized(variant, lang, out);
        }
        out.code("],");
    }
    if let Some(grpc) = &variant.attrs.grpc {
        out.code("grpc: ")
            .option_str(Some(&grpc.to_string()))
            .code(",");
    }
    if let Some(seconds) = variant.retry_after(&input.attrs) {
        out.code(&format!("retry_after: __a::Some({seconds}),"));
    }
    let meta = variant.meta(&input.attrs);
    if !meta.is_empty() {
        out.code("meta: &[");
        for entry in meta {
            out.code("(")
                .str(&entry.key_text())
                .code(", ")
                .str(&entry.value.value())
                .code("),");
        }
        out.code("],");
    }
    if variant.rebuild_plan().is_none() {
        out.code("rebuildable: false,");
    }
    out.code("..__APIERROR_META_BASE })");
}

/// A variant's `Localized` texts in `lang`.
fn localized(variant: &Variant, lang: &str, out: &mut Source) {
    let in_lang = |t: &&LangText| t.lang.eq_ignore_ascii_case(lang);
    let title = variant.attrs.title_translations.iter().find(in_lang);
    let message = variant.attrs.message_translations.iter().find(in_lang);
    let template = variant
        .translations
        .iter()
        .find(|t| t.lang.eq_ignore_ascii_case(lang));
    out.code("__a::Localized { ")
        .str_member("lang", lang)
        .code("title: ")
        .option_str(title.map(|t| t.text.value()).as_deref())
        .code(", message: ")
        .option_str(message.map(|t| t.text.value()).as_deref())
        .code(", pieces: ");
    template_pieces(template.iter().flat_map(|t| &t.template), out);
    out.code(" },");
}

/// `for_each_value`: the values each variant's template prints, under their field names,
/// for the Google format's metadata. Not emitted when no template prints a field.
pub(super) fn for_each_value_fn(input: &Input) -> TokenStream {
    let arms: Vec<TokenStream> = input
        .variants
        .iter()
        .filter_map(|variant| {
            let printed: Vec<_> = variant
                .template_fields()
                .into_iter()
                .filter(|field| !field.is_source())
                .collect();
            if printed.is_empty() {
                return None;
            }
            let visits = printed.iter().map(|field| {
                let (name, binding) = (&field.name, binding(field));
                quote!(__visit(#name, #binding);)
            });
            let pattern = pattern(input, variant, printed.iter().copied());
            Some(quote!(#pattern => { #(#visits)* }))
        })
        .collect();
    if arms.is_empty() {
        return TokenStream::new();
    }
    quote! {
        #[allow(unreachable_patterns)]
        fn for_each_value(
            &self,
            __visit: &mut dyn ::core::ops::FnMut(&'static str, &dyn ::core::fmt::Display),
        ) {
            match self {
                #(#arms)*
                _ => {}
            }
        }
    }
}

/// A template as a slice of the runtime's `TemplatePiece`s, for reading received messages
/// back.
fn template_pieces<'p>(pieces: impl Iterator<Item = &'p Piece>, out: &mut Source) {
    out.code("&[");
    for piece in pieces {
        match piece {
            Piece::Literal(text) => out.code("__a::TemplatePiece::Literal(").str(text),
            Piece::Placeholder { arg, .. } => {
                let name = arg.field_name();
                out.code("__a::TemplatePiece::Field(").str(&name)
            }
        };
        out.code("),");
    }
    out.code("]");
}

/// `write_message_in`: for each variant with translated messages, an arm that writes the
/// template of the language asked for. Not emitted when no variant has a translation (the
/// trait's default then answers for the default language only).
pub(super) fn write_message_in_fn(input: &Input) -> TokenStream {
    let arms: Vec<TokenStream> = input
        .variants
        .iter()
        .filter(|variant| !variant.translations.is_empty())
        .map(|variant| translated_arm(input, variant))
        .collect();
    if arms.is_empty() {
        return TokenStream::new();
    }
    // Variants whose message a field replaces: translated only while the field is `None`.
    let replaced_arms = input
        .variants
        .iter()
        .filter(|variant| !variant.translations.is_empty())
        .filter_map(|variant| {
            let field = variant.message_field()?;
            let binding = binding(field);
            let pattern = pattern(input, variant, [field]);
            quote!(#pattern if #binding.is_some() => false,).into()
        });
    quote! {
        #[allow(unreachable_patterns)]
        fn has_message_in(&self, __lang: &str) -> bool {
            if __lang.eq_ignore_ascii_case(__APIERROR_LANGUAGE) {
                return true;
            }
            match self {
                #(#replaced_arms)*
                _ => __a::ApiError::meta(self).message_in(__lang).is_some(),
            }
        }

        #[allow(unreachable_patterns)]
        fn write_message_in(
            &self,
            __lang: &str,
            __out: &mut dyn __a::MessageSink,
        ) -> __a::Option<::core::fmt::Result> {
            if __lang.eq_ignore_ascii_case(__APIERROR_LANGUAGE) {
                return __a::Some(__a::ApiError::write_message(self, __out));
            }
            match self {
                #(#arms)*
                _ => __a::None,
            }
        }
    }
}

/// One variant's arm of `write_message_in`: a translated template per language. A message
/// replaced through a `#[message]` field is the default language's: it has no translation.
fn translated_arm(input: &Input, variant: &Variant) -> TokenStream {
    let mut used = Vec::new();
    for translation in &variant.translations {
        for field in variant.fields_printed_by(&translation.template) {
            if !used
                .iter()
                .any(|u: &&crate::ast::Field| u.name == field.name)
            {
                used.push(field);
            }
        }
    }
    let override_field = variant.message_field();
    if let Some(field) = override_field {
        if !used.iter().any(|u| u.name == field.name) {
            used.push(field);
        }
    }
    let languages = variant.translations.iter().map(|translation| {
        let lang = &translation.lang;
        let write = write_template(variant, &translation.template);
        quote!(if __lang.eq_ignore_ascii_case(#lang) { return __a::Some(#write); })
    });
    let replaced = override_field.map(|field| {
        let binding = binding(field);
        quote!(if #binding.is_some() { return __a::None; })
    });
    let pattern = pattern(input, variant, used);
    quote!(#pattern => { #replaced #(#languages)* __a::None })
}

/// `write_message`: an arm per message the tables cannot write, and one arm for all the
/// others (`write_message_from_tables`): static messages, and plain templates written from
/// the tables and `for_each_value` (most messages of a real catalog are one or the other).
pub(super) fn write_message_fn(input: &Input, index_fn: &TokenStream) -> TokenStream {
    let mut arms: Vec<TokenStream> = input
        .variants
        .iter()
        .filter(|variant| variant.static_message().is_none() && !variant.message_from_tables())
        .map(|variant| message_arm(input, variant))
        .collect();
    if arms.len() < input.variants.len() {
        arms.push(quote! {
            _ => {
                let __index = #index_fn;
                __a::write_message_from_tables(
                    __out,
                    self,
                    &__APIERROR_VARIANTS[__index],
                    &__APIERROR_JSON[__index],
                )
            }
        });
    }
    // An empty enum has no value: `match *self {}` proves it to the compiler.
    let scrutinee = if input.variants.is_empty() {
        quote!(*self)
    } else {
        quote!(self)
    };
    quote! {
        fn write_message(
            &self,
            __out: &mut dyn __a::MessageSink,
        ) -> ::core::fmt::Result {
            match #scrutinee {
                #(#arms)*
            }
        }
    }
}

fn message_arm(input: &Input, variant: &Variant) -> TokenStream {
    let mut used = variant.template_fields();
    let override_field = variant.message_field();
    if let Some(field) = override_field {
        if !used.iter().any(|u| u.name == field.name) {
            used.push(field);
        }
    }

    let default = match &variant.template {
        Some(template) => write_template(variant, &template.pieces),
        // Without a template the type's Display is the message (thiserror's #[error] where
        // the derive cannot read it).
        None => quote_spanned!(variant.ident.span()=> __out.value(self)),
    };
    let body = match override_field {
        Some(field) => {
            let binding = binding(field);
            quote! {
                match #binding {
                    __a::Some(__message) => __out.value(__message),
                    __a::None => #default,
                }
            }
        }
        None => default,
    };
    let pattern = pattern(input, variant, used);
    quote!(#pattern => #body,)
}

/// Writes the template `pieces` of `variant` into `__out`, an expression of type
/// `fmt::Result` over the bindings of the fields it prints.
fn write_template(variant: &Variant, pieces: &[Piece]) -> TokenStream {
    match pieces {
        [] => quote!(__a::Ok(())),
        // One literal: one call, no `?`.
        [Piece::Literal(text)] => {
            let escaped = json::escape(text);
            quote!(__out.literal(#text, #escaped))
        }
        // Several pieces: one call with a slice of them, which type-checks in time linear in
        // the number of pieces (a chain of `?` costs more, in a body that holds every arm).
        pieces => {
            let writes = pieces.iter().map(|piece| match piece {
                Piece::Literal(text) => {
                    let escaped = json::escape(text);
                    quote!(__a::Piece::Literal(#text, #escaped))
                }
                Piece::Placeholder { arg, spec } => message_piece(variant.slot(arg, spec)),
            });
            quote!(__a::write_pieces(__out, &[#(#writes),*]))
        }
    }
}

/// One placeholder of a message, as a piece of `write_pieces`.
fn message_piece(slot: Slot) -> TokenStream {
    let binding = binding(slot.field);
    match slot.write {
        Write::Text => {
            let ty = slot.field.ty;
            quote!(__a::Piece::Text(__a::as_str::<#ty>(#binding)))
        }
        Write::Integer | Write::Display => quote!(__a::Piece::Value(#binding)),
        Write::Formatted(spec) => {
            let value = formatted(spec, &binding);
            quote!(__a::Piece::Value(#value))
        }
    }
}

/// `field`: the Oney field, a variant's constant or one field's value; absent when no
/// variant has one.
pub(super) fn field_fn(input: &Input) -> TokenStream {
    if !input.has_oney_field() {
        return TokenStream::new();
    }
    let arms = input.variants.iter().map(|variant| {
        if let Some(constant) = &variant.attrs.field {
            let pattern = pattern(input, variant, []);
            return quote!(#pattern => __a::Some(&#constant),);
        }
        match variant.oney_field() {
            Some(field) => {
                let binding = binding(field);
                let pattern = pattern(input, variant, [field]);
                quote!(#pattern => __a::Some(#binding),)
            }
            None => {
                let pattern = pattern(input, variant, []);
                quote!(#pattern => __a::None,)
            }
        }
    });
    let field_text_fn = field_text_fn(input);
    quote! {
        fn field(&self) -> __a::Option<&dyn ::core::fmt::Display> {
            match self {
                #(#arms)*
            }
        }

        #field_text_fn
    }
}

/// `field_text`: the Oney field where it is text (a constant, or a member of a text type),
/// so that formats escape it without the formatting machinery; `None` for the others.
fn field_text_fn(input: &Input) -> TokenStream {
    let mut any_text = false;
    let arms: Vec<TokenStream> = input
        .variants
        .iter()
        .map(|variant| {
            if let Some(constant) = &variant.attrs.field {
                any_text = true;
                let pattern = pattern(input, variant, []);
                return quote!(#pattern => __a::Some(#constant),);
            }
            match variant.oney_field() {
                Some(field) if crate::ty::is_text_type(field.ty) => {
                    any_text = true;
                    let binding = binding(field);
                    let ty = field.ty;
                    let pattern = pattern(input, variant, [field]);
                    quote!(#pattern => __a::Some(__a::as_str::<#ty>(#binding)),)
                }
                _ => {
                    let pattern = pattern(input, variant, []);
                    quote!(#pattern => __a::None,)
                }
            }
        })
        .collect();
    if !any_text {
        return TokenStream::new();
    }
    quote! {
        fn field_text(&self) -> __a::Option<&str> {
            match self {
                #(#arms)*
            }
        }
    }
}

/// Bounds a generic type needs, as thiserror infers them: `T: Display` for every printed
/// field whose type mentions a type parameter, and `Self: Display` where a variant's message
/// is the type's own Display.
pub(super) fn inferred_bounds(input: &Input) -> Vec<TokenStream> {
    let params: Vec<&Ident> = input.generics.type_params().map(|p| &p.ident).collect();
    if params.is_empty() {
        return Vec::new();
    }
    let mut bounds: Vec<TokenStream> = Vec::new();
    let mut push = |bound: TokenStream| {
        if !bounds.iter().any(|b| b.to_string() == bound.to_string()) {
            bounds.push(bound);
        }
    };
    for variant in &input.variants {
        if variant.template.is_none() {
            let ident = input.ident;
            let (_, ty_generics, _) = input.generics.split_for_impl();
            push(quote!(#ident #ty_generics: ::core::fmt::Display));
        }
        let all_templates = variant.templates().flat_map(|(_, pieces)| pieces);
        for (arg, spec) in placeholders_of(all_templates) {
            let field = variant.slot(arg, spec).field;
            if ty::mentions_any(field.ty, &params) {
                let ty = field.ty;
                let debug = spec.as_deref().is_some_and(|s| s.ends_with('?'));
                push(if debug {
                    quote!(#ty: ::core::fmt::Debug)
                } else {
                    quote!(#ty: ::core::fmt::Display)
                });
            }
        }
        for field in &variant.fields {
            let ty = field.ty;
            if field.attrs.field.is_some() && ty::mentions_any(ty, &params) {
                push(quote!(#ty: ::core::fmt::Display));
            }
            if field.attrs.message.is_some() {
                if let Some(inner) = ty::option_inner(ty).filter(|t| ty::mentions_any(t, &params)) {
                    push(quote!(#inner: ::core::fmt::Display));
                }
            }
        }
    }
    bounds
}

/// `from_received`: each variant rebuilt from a received body where every field can be read
/// back (`prop`'s `rebuild_plan`, which `VariantMeta::rebuildable` says too; see the
/// runtime's `received` module for where each field comes from).
///
/// Kept cheap to compile, as it grows with the enum: the variant is found by a position in
/// the static table (an integer match), and each field is one call with a plain trait bound.
pub(super) fn from_received(input: &Input) -> TokenStream {
    let arms = input
        .variants
        .iter()
        .enumerate()
        .filter_map(|(index, variant)| {
            let path = variant_path(input, variant);
            let inits: Vec<TokenStream> = variant
                .rebuild_plan()?
                .into_iter()
                .map(|(field, carried)| {
                    let (member, ty) = (&field.member, field.ty);
                    let value = match carried {
                        Carried::MessageOverride(inner) => {
                            quote!(__rebuild.message_override::<#inner>())
                        }
                        Carried::OneyField => quote!(__rebuild.field::<#ty>()),
                        Carried::Placeholder => {
                            let name = &field.name;
                            quote!(__rebuild.placeholder::<#ty>(#name))
                        }
                    };
                    quote!(#member: #value,)
                })
                .collect();
            Some(if inits.is_empty() {
                quote!(#index => __a::Some(#path {}),)
            } else {
                quote!(#index => __rebuild.finish(#path { #(#inits)* }),)
            })
        });
    quote! {
        fn from_received(
            meta: &__a::VariantMeta,
            received: &__a::Received<'_>,
        ) -> __a::Option<Self> {
            let __rebuild = __a::Rebuild::new(meta, received);
            let _ = &__rebuild;
            match __a::position(&__APIERROR_VARIANTS, meta)? {
                #(#arms)*
                _ => __a::None,
            }
        }
    }
}
