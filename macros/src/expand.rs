//! Code generation: the catalog statics and the `ApiError` impl.

use proc_macro2::{Ident, Span, TokenStream, TokenTree};
use quote::{format_ident, quote, quote_spanned, ToTokens};
use syn::{DeriveInput, LitStr, Type};

use crate::ast::{Field, Input, Variant};
use crate::ctxt::Ctxt;
use crate::json;
use crate::template::{Arg, Piece};
use crate::valid;

pub fn derive(input: &DeriveInput) -> TokenStream {
    let mut cx = Ctxt::default();
    let model = Input::from_syn(&mut cx, input);
    if let Some(model) = &model {
        valid::check(&mut cx, model);
    }
    match (cx.check(), model) {
        (Ok(()), Some(model)) => impl_api_error(&model),
        (Err(errors), _) => {
            let errors = errors.to_compile_error();
            let stub = stub(input);
            quote!(#errors #stub)
        }
        (Ok(()), None) => stub(input),
    }
}

/// An impl with bodies that are never run, emitted beside the errors so that uses of the
/// type elsewhere do not add a cascade of "trait not implemented" errors.
fn stub(input: &DeriveInput) -> TokenStream {
    let ident = &input.ident;
    let (impl_generics, ty_generics, where_clause) = input.generics.split_for_impl();
    quote! {
        #[automatically_derived]
        impl #impl_generics ::apierror::__private::ApiError for #ident #ty_generics #where_clause {
            fn catalog() -> &'static ::apierror::__private::Catalog {
                ::core::unreachable!()
            }
            fn meta(&self) -> &'static ::apierror::__private::VariantMeta {
                ::core::unreachable!()
            }
            fn write_message(
                &self,
                _: &mut dyn ::apierror::__private::MessageSink,
            ) -> ::core::fmt::Result {
                ::core::unreachable!()
            }
        }
    }
}

fn impl_api_error(input: &Input) -> TokenStream {
    let ident = input.ident;
    let type_name = ident.to_string();
    let (impl_generics, ty_generics, where_clause) = input.generics.split_for_impl();
    let count = input.variants.len();
    let location = option_str(input.attrs.location.as_ref().map(LitStr::value));
    // One `const` item per variant rather than one long array literal: the compiler's
    // passes over a constant's body (promotion of its `&[…]` slices above all) grow faster
    // than linearly with the body, so many small bodies compile much faster than one big one.
    let meta_names: Vec<Ident> = (0..count)
        .map(|index| format_ident!("__APIERROR_META_{}", index))
        .collect();
    let json_names: Vec<Ident> = (0..count)
        .map(|index| format_ident!("__APIERROR_JSON_{}", index))
        .collect();
    let metas = input.variants.iter().zip(&meta_names).map(|(v, name)| {
        let meta = variant_meta(input, v);
        quote!(const #name: __a::VariantMeta = #meta;)
    });
    let json_parts = input.variants.iter().zip(&json_names).map(|(v, name)| {
        let parts = json_parts(input, v);
        quote!(const #name: __a::JsonParts = #parts;)
    });
    // `meta` and `json_parts` share one match from variant to position in the tables.
    let index_arms = input.variants.iter().enumerate().map(|(index, variant)| {
        let path = variant_path(input, variant);
        quote!(#path { .. } => #index,)
    });
    let json_rest_fn = json_rest_fn(input);
    let index_fn = quote!(Self::__apierror_index(self));
    // Arms for the messages built at run time; one arm reads all the static ones from the
    // tables (most messages of a real catalog are static).
    let mut message_arms: Vec<TokenStream> = input
        .variants
        .iter()
        .filter(|variant| static_message(variant).is_none())
        .map(|variant| message_arm(input, variant))
        .collect();
    if message_arms.len() < input.variants.len() {
        message_arms.push(quote! {
            _ => {
                let __index = #index_fn;
                __a::write_static_message(
                    __out,
                    &__APIERROR_VARIANTS[__index],
                    &__APIERROR_JSON[__index],
                )
            }
        });
    }
    let field_fn = field_fn(input);
    // An empty enum has no value: `match *self {}` proves it to the compiler.
    let scrutinee = if input.variants.is_empty() {
        quote!(*self)
    } else {
        quote!(self)
    };
    let (_, _, own_where_clause) = input.generics.split_for_impl();
    let from_received = from_received(input);
    let bounds = inferred_bounds(input);
    let where_clause = match (where_clause, bounds.is_empty()) {
        (_, true) => quote!(#where_clause),
        (Some(existing), false) => {
            let comma = (!existing.predicates.empty_or_trailing()).then(|| quote!(,));
            quote!(#existing #comma #(#bounds,)*)
        }
        (None, false) => quote!(where #(#bounds,)*),
    };

    // The predicates of the impl's where clause, each followed by a comma.
    let own_predicates = own_where_clause.iter().flat_map(|w| &w.predicates);
    let framework_predicates = quote!(#(#own_predicates,)* #(#bounds,)*);
    quote! {
        #[doc(hidden)]
        const _: () = {
            // One short name for the runtime's items: the paths below repeat per variant.
            use ::apierror::__private as __a;

            const __APIERROR_LOCATION: __a::Option<&str> = #location;
            #(#metas)*
            #(#json_parts)*
            static __APIERROR_VARIANTS: [__a::VariantMeta; #count] = [#(#meta_names),*];
            static __APIERROR_JSON: [__a::JsonParts; #count] = [#(#json_names),*];
            static __APIERROR_CATALOG: __a::Catalog = __a::Catalog {
                name: #type_name,
                variants: &__APIERROR_VARIANTS,
            };

            #[automatically_derived]
            impl #impl_generics #ident #ty_generics #own_where_clause {
                /// The variant's position in the tables above.
                #[inline]
                fn __apierror_index(&self) -> usize {
                    match *self {
                        #(#index_arms)*
                    }
                }
            }

            #[automatically_derived]
            impl #impl_generics __a::ApiError for #ident #ty_generics #where_clause {
                fn catalog() -> &'static __a::Catalog {
                    &__APIERROR_CATALOG
                }

                fn meta(&self) -> &'static __a::VariantMeta {
                    &__APIERROR_VARIANTS[#index_fn]
                }

                fn write_message(
                    &self,
                    __out: &mut dyn __a::MessageSink,
                ) -> ::core::fmt::Result {
                    match #scrutinee {
                        #(#message_arms)*
                    }
                }

                fn json_parts(
                    &self,
                ) -> __a::Option<&'static __a::JsonParts> {
                    __a::Some(&__APIERROR_JSON[#index_fn])
                }

                #json_rest_fn

                #field_fn

                #from_received
            }

            // The framework traits of the integrations enabled in the facade (none without
            // them): a handler can then return this type itself.
            __a::framework_impls! { [#impl_generics] [#ident #ty_generics] [#framework_predicates] }
        };
    }
}

/// `Self::Variant` for an enum, `Self` for a struct.
fn variant_path(input: &Input, variant: &Variant) -> TokenStream {
    if input.is_enum {
        let ident = variant.ident;
        quote!(Self::#ident)
    } else {
        quote!(Self)
    }
}

fn variant_meta(input: &Input, variant: &Variant) -> TokenStream {
    let name = variant.ident.to_string();
    let name = name.strip_prefix("r#").unwrap_or(&name);
    // Validation has passed, so status and code are present.
    let status = variant.status(&input.attrs).unwrap_or_default();
    let code = variant
        .code(&input.attrs)
        .map(|c| c.value)
        .unwrap_or_default();
    let title = variant.title();
    let message = option_str(variant.attrs.message.as_ref().map(LitStr::value));
    let description = &variant.attrs.doc;
    let translations = variant
        .attrs
        .translations
        .iter()
        .map(|(lang, text)| quote!(__a::Translation { lang: #lang, description: #text }));
    let field = option_str(variant.attrs.field.as_ref().map(LitStr::value));
    let fields = variant.fields.iter().map(|f| &f.name);
    let pieces = variant.template.iter().flatten().map(|piece| match piece {
        Piece::Literal(text) => quote!(__a::TemplatePiece::Literal(#text)),
        Piece::Placeholder { arg, .. } => {
            let name = arg_name(arg);
            quote!(__a::TemplatePiece::Field(#name))
        }
    });
    quote! {
        __a::VariantMeta {
            name: #name,
            status: #status,
            code: #code,
            title: #title,
            message: #message,
            description: #description,
            translations: &[#(#translations),*],
            field: #field,
            fields: &[#(#fields),*],
            pieces: &[#(#pieces),*],
            location: __APIERROR_LOCATION,
        }
    }
}

/// The escaped static parts of a variant's bodies (the runtime's `JsonParts`). The heads
/// are built by the runtime's `head!` macro from escaped literals, so their static bytes
/// are written once, in the runtime, for this path and the formats' generic one.
fn json_parts(input: &Input, variant: &Variant) -> TokenStream {
    let code = variant
        .code(&input.attrs)
        .map(|c| c.value)
        .unwrap_or_default();
    let code_json = json::escape(&code);
    let title = json::escape(&variant.title());
    let static_message = static_message(variant).map(|m| json::escape(&m));
    let direct = direct_rest(variant);
    let lead = direct.map(|direct| json::escape(direct.lead));
    // The head of an Omise body, for the type's own location or else the runtime's default
    // base (`OmiseFormat` swaps the base when it has another), with as much of the message
    // as is known: all of a static one and the closing `"}` (the whole body), or a
    // template's lead.
    let base = match &input.attrs.location {
        Some(location) => json::escape(&location.value()).into_token_stream(),
        None => quote!(default),
    };
    let anchor = json::escape(&code.replace('_', "-"));
    let omise_head = match (&static_message, &lead) {
        (Some(message), _) => quote!(__a::head!(omise_body #base #anchor #code_json #message)),
        (None, Some(lead)) => {
            quote!(::core::concat!(__a::head!(omise #base #anchor #code_json), #lead))
        }
        (None, None) => quote!(__a::head!(omise #base #anchor #code_json)),
    };
    let status = variant.status(&input.attrs).unwrap_or_default().to_string();
    let status_head = quote!(__a::head!(problem_status_head #status #title));
    let message = option_str(static_message);
    let lead = option_str(lead);
    quote! {
        __a::JsonParts {
            code: #code_json,
            message: #message,
            lead: #lead,
            omise_head: #omise_head,
            status_head: #status_head,
            location: __APIERROR_LOCATION,
        }
    }
}

/// A template that the JSON formats write without the formatting machinery: its leading
/// literal is copied from [`JsonParts`] and `write_json_rest` writes the `rest`.
#[derive(Clone, Copy)]
struct DirectRest<'v> {
    /// The literal before the first placeholder (empty when the template starts with one).
    lead: &'v str,
    /// The pieces from the first placeholder on. Literals among them are copied with a
    /// length known at compile time, which is cheaper than any copy of a length read from a
    /// table.
    rest: &'v [Piece],
}

/// The [`DirectRest`] of a variant: only for a template with a placeholder and no field
/// that can override it.
fn direct_rest<'v>(variant: &'v Variant) -> Option<DirectRest<'v>> {
    if variant.fields.iter().any(|f| f.attrs.message.is_some()) {
        return None;
    }
    let pieces = variant.template.as_ref()?;
    if !pieces
        .iter()
        .any(|p| matches!(p, Piece::Placeholder { .. }))
    {
        return None;
    }
    let (lead, rest) = match pieces.split_first() {
        Some((Piece::Literal(lead), rest)) => (lead.as_str(), rest),
        _ => ("", pieces.as_slice()),
    };
    Some(DirectRest { lead, rest })
}

/// `write_json_rest`: for each variant with a direct path ([`direct_rest`]), the rest of
/// its template written straight into the buffer: literals copied escaped at compile
/// time, text fields escaped, other values printed through the escaping writer.
fn json_rest_fn(input: &Input) -> TokenStream {
    let arms: Vec<TokenStream> = input
        .variants
        .iter()
        .filter_map(|variant| {
            let rest = direct_rest(variant)?.rest;
            let mut used: Vec<&Field> = Vec::new();
            let writes: Vec<TokenStream> = rest
                .iter()
                .map(|piece| match piece {
                    Piece::Literal(text) => {
                        let escaped = json::escape(text);
                        quote!(__a::raw(__out, #escaped);)
                    }
                    Piece::Placeholder { arg, spec } => {
                        let field = placeholder_field(variant, arg);
                        if !used.iter().any(|u| u.name == field.name) {
                            used.push(field);
                        }
                        let binding = binding(field);
                        match spec {
                            None if is_text_type(field.ty) => {
                                let ty = field.ty;
                                quote!(__a::escape_str(__out, __a::as_str::<#ty>(#binding));)
                            }
                            None => quote!(__a::json_value(__out, #binding, &mut __ok);),
                            Some(spec) => {
                                let format = LitStr::new(&format!("{{:{spec}}}"), Span::call_site());
                                quote!(__a::json_value(__out, &::core::format_args!(#format, #binding), &mut __ok);)
                            }
                        }
                    }
                })
                .collect();
            let pattern = pattern(input, variant, used);
            Some(quote!(#pattern => { #(#writes)* }))
        })
        .collect();
    if arms.is_empty() {
        return TokenStream::new();
    }
    quote! {
        #[allow(unreachable_patterns)]
        fn write_json_rest(
            &self,
            __out: &mut ::std::vec::Vec<u8>,
        ) -> ::core::fmt::Result {
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

/// The whole message when it is known at compile time: a template without placeholders,
/// and no field that can override it.
fn static_message(variant: &Variant) -> Option<String> {
    if variant.fields.iter().any(|f| f.attrs.message.is_some()) {
        return None;
    }
    let mut message = String::new();
    for piece in variant.template.as_ref()? {
        match piece {
            Piece::Literal(text) => message.push_str(text),
            Piece::Placeholder { .. } => return None,
        }
    }
    Some(message)
}

fn option_str(value: Option<String>) -> TokenStream {
    match value {
        Some(value) => quote!(__a::Some(#value)),
        None => quote!(__a::None),
    }
}

fn binding(field: &Field) -> Ident {
    format_ident!("__field_{}", field.name)
}

/// A pattern binding exactly the given fields.
fn pattern<'f>(
    input: &Input,
    variant: &Variant,
    bound: impl IntoIterator<Item = &'f Field<'f>>,
) -> TokenStream {
    let path = variant_path(input, variant);
    let bindings = bound.into_iter().map(|field| {
        let member = &field.member;
        let binding = binding(field);
        quote!(#member: #binding,)
    });
    quote!(#path { #(#bindings)* .. })
}

fn message_arm(input: &Input, variant: &Variant) -> TokenStream {
    let mut used: Vec<&Field> = Vec::new();
    if let Some(pieces) = &variant.template {
        for piece in pieces {
            if let Piece::Placeholder { arg, .. } = piece {
                let field = placeholder_field(variant, arg);
                if !used.iter().any(|u| u.name == field.name) {
                    used.push(field);
                }
            }
        }
    }
    let override_field = variant.fields.iter().find(|f| f.attrs.message.is_some());
    if let Some(field) = override_field {
        if !used.iter().any(|u| u.name == field.name) {
            used.push(field);
        }
    }

    let default = match &variant.template {
        // One literal: one call, no `?`.
        Some(pieces) if matches!(pieces.as_slice(), [Piece::Literal(_)]) => {
            let text = match pieces.first() {
                Some(Piece::Literal(text)) => text.as_str(),
                _ => "",
            };
            let escaped = json::escape(text);
            quote!(__out.literal(#text, #escaped))
        }
        Some(pieces) if pieces.is_empty() => quote!(__a::Ok(())),
        // Several pieces: one call with a slice of them, which type-checks in time linear in
        // the number of pieces (a chain of `?` costs more, in a body that holds every arm).
        Some(pieces) => {
            let writes = pieces.iter().map(|piece| match piece {
                Piece::Literal(text) => {
                    let escaped = json::escape(text);
                    quote!(__a::Piece::Literal(#text, #escaped))
                }
                Piece::Placeholder { arg, spec } => {
                    let field = placeholder_field(variant, arg);
                    let binding = binding(field);
                    match spec {
                        // Text is written as is, without the formatting machinery.
                        None if is_text_type(field.ty) => {
                            let ty = field.ty;
                            quote!(__a::Piece::Text(__a::as_str::<#ty>(#binding)))
                        }
                        None => quote!(__a::Piece::Value(#binding)),
                        Some(spec) => {
                            let format = LitStr::new(&format!("{{:{spec}}}"), Span::call_site());
                            quote!(__a::Piece::Value(&::core::format_args!(#format, #binding)))
                        }
                    }
                }
            });
            quote!(__a::write_pieces(__out, &[#(#writes),*]))
        }
        // Without #[message] the type's Display is the message (thiserror's #[error]).
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

/// The field a placeholder names; validation has checked that it exists.
fn placeholder_field<'v, 'a>(variant: &'v Variant<'a>, arg: &Arg) -> &'v Field<'a> {
    variant
        .field_named(&arg_name(arg))
        .expect("validated placeholder")
}

/// The field name a placeholder refers to: `min`, or `0` in a tuple variant.
fn arg_name(arg: &Arg) -> String {
    match arg {
        Arg::Named(name) => name.clone(),
        Arg::Index(index) => index.to_string(),
    }
}

fn field_fn(input: &Input) -> TokenStream {
    let any = input
        .variants
        .iter()
        .any(|v| v.attrs.field.is_some() || v.fields.iter().any(|f| f.attrs.field.is_some()));
    if !any {
        return TokenStream::new();
    }
    let arms = input.variants.iter().map(|variant| {
        if let Some(constant) = &variant.attrs.field {
            let pattern = pattern(input, variant, []);
            return quote!(#pattern => __a::Some(&#constant),);
        }
        match variant.fields.iter().find(|f| f.attrs.field.is_some()) {
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
    quote! {
        fn field(&self) -> __a::Option<&dyn ::core::fmt::Display> {
            match self {
                #(#arms)*
            }
        }
    }
}

/// Bounds a generic type needs, as thiserror infers them: `T: Display` for every printed
/// field whose type mentions a type parameter, and `Self: Display` where a variant's message
/// is the type's own Display.
fn inferred_bounds(input: &Input) -> Vec<TokenStream> {
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
        match &variant.template {
            None => {
                let ident = input.ident;
                let (_, ty_generics, _) = input.generics.split_for_impl();
                push(quote!(#ident #ty_generics: ::core::fmt::Display));
            }
            Some(pieces) => {
                for piece in pieces {
                    let Piece::Placeholder { arg, spec } = piece else {
                        continue;
                    };
                    let field = placeholder_field(variant, arg);
                    if mentions_any(field.ty, &params) {
                        let ty = field.ty;
                        let debug = spec.as_deref().is_some_and(|s| s.ends_with('?'));
                        push(if debug {
                            quote!(#ty: ::core::fmt::Debug)
                        } else {
                            quote!(#ty: ::core::fmt::Display)
                        });
                    }
                }
            }
        }
        for field in &variant.fields {
            let ty = field.ty;
            if field.attrs.field.is_some() && mentions_any(ty, &params) {
                push(quote!(#ty: ::core::fmt::Display));
            }
            if field.attrs.message.is_some() {
                if let Some(inner) = valid::option_inner(ty).filter(|t| mentions_any(t, &params)) {
                    push(quote!(#inner: ::core::fmt::Display));
                }
            }
        }
    }
    bounds
}

fn mentions_any(ty: &Type, params: &[&Ident]) -> bool {
    fn walk(tokens: TokenStream, params: &[&Ident]) -> bool {
        tokens.into_iter().any(|tt| match tt {
            TokenTree::Ident(ident) => params.iter().any(|p| **p == ident),
            TokenTree::Group(group) => walk(group.stream(), params),
            _ => false,
        })
    }
    walk(ty.to_token_stream(), params)
}

/// `from_received`: each variant rebuilt from a received body where every field can be read
/// back (see the runtime's `received` module for where each field comes from).
///
/// Kept cheap to compile, as it grows with the enum: the variant is found by a position in
/// the static table (an integer match), and each field is one call with a plain trait bound.
fn from_received(input: &Input) -> TokenStream {
    let arms = input
        .variants
        .iter()
        .enumerate()
        .filter_map(|(index, variant)| {
            let path = variant_path(input, variant);
            let in_template = |field: &Field| {
                variant.template.iter().flatten().any(
                    |p| matches!(p, Piece::Placeholder { arg, .. } if arg_name(arg) == field.name),
                )
            };
            let mut inits = Vec::new();
            for field in &variant.fields {
                let member = &field.member;
                let value = if field.attrs.message.is_some() {
                    let inner = valid::option_inner(field.ty)?;
                    readable_type(inner).then(|| quote!(__rebuild.message_override::<#inner>()))?
                } else if !readable_type(field.ty) || field.attrs.source {
                    // A type that received text cannot become: the variant cannot be rebuilt.
                    return None;
                } else if field.attrs.field.is_some() {
                    let ty = field.ty;
                    quote!(__rebuild.field::<#ty>())
                } else if in_template(field) {
                    let (ty, name) = (field.ty, &field.name);
                    quote!(__rebuild.placeholder::<#ty>(#name))
                } else {
                    // The body does not carry this field.
                    return None;
                };
                inits.push(quote!(#member: #value,));
            }
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

/// Whether `ty` is plainly text, whose `Display` writes its `AsRef<str>` as is: `String`,
/// `&str`, `Cow<str>`, `Box<str>`, `Rc<str>`, `Arc<str>` (recognized by name, as
/// [`readable_type`] does).
fn is_text_type(ty: &Type) -> bool {
    let is_str =
        |ty: &Type| matches!(ty, Type::Path(p) if p.qself.is_none() && p.path.is_ident("str"));
    match ty {
        Type::Reference(reference) => is_str(&reference.elem),
        Type::Path(path) if path.qself.is_none() => {
            let Some(last) = path.path.segments.last() else {
                return false;
            };
            let name = last.ident.to_string();
            if name == "String" {
                return last.arguments.is_none();
            }
            let syn::PathArguments::AngleBracketed(args) = &last.arguments else {
                return false;
            };
            let args: Vec<_> = args.args.iter().collect();
            let is_str_arg = |arg: &syn::GenericArgument| matches!(arg, syn::GenericArgument::Type(t) if is_str(t));
            match (name.as_str(), args.as_slice()) {
                ("Cow", [syn::GenericArgument::Lifetime(_), text]) => is_str_arg(text),
                ("Box" | "Rc" | "Arc", [text]) => is_str_arg(text),
                _ => false,
            }
        }
        _ => false,
    }
}

/// Whether received text can become a value of `ty`: the types the runtime's
/// `FromWireText` covers, recognized by name (a type alias is not seen through).
fn readable_type(ty: &Type) -> bool {
    const SCALARS: &[&str] = &[
        "String", "bool", "char", "u8", "u16", "u32", "u64", "u128", "usize", "i8", "i16", "i32",
        "i64", "i128", "isize", "f32", "f64",
    ];
    let Type::Path(path) = ty else { return false };
    if path.qself.is_some() {
        return false;
    }
    let Some(last) = path.path.segments.last() else {
        return false;
    };
    let name = last.ident.to_string();
    if SCALARS.contains(&name.as_str()) {
        return last.arguments.is_none();
    }
    // Cow<'static, str>, Box<str>, Rc<str>, Arc<str>: owned text.
    let syn::PathArguments::AngleBracketed(args) = &last.arguments else {
        return false;
    };
    let is_str = |arg: &syn::GenericArgument| matches!(arg, syn::GenericArgument::Type(Type::Path(p)) if p.path.is_ident("str"));
    let is_static = |arg: &syn::GenericArgument| matches!(arg, syn::GenericArgument::Lifetime(l) if l.ident == "static");
    let args: Vec<_> = args.args.iter().collect();
    match (name.as_str(), args.as_slice()) {
        ("Cow", [lifetime, text]) => is_static(lifetime) && is_str(text),
        ("Box" | "Rc" | "Arc", [text]) => is_str(text),
        _ => false,
    }
}
