//! Code generation: the entry point, the stub emitted beside errors, and the skeleton of the
//! generated items. What each variant means (its catalog entry, message, field, rebuild) is
//! in `meaning`; the pre-escaped body parts that make JSON bodies cheap are in `speed`;
//! both write their per-variant table entries as source text through `source`.

mod meaning;
mod source;
mod speed;

use proc_macro2::{Ident, Span, TokenStream};
use quote::{format_ident, quote};
use syn::{DeriveInput, LitStr};

use crate::ast::{Field, Input, Variant};
use crate::ctxt::Ctxt;
use crate::expand::source::Source;
use crate::valid;

pub fn derive(input: &DeriveInput) -> TokenStream {
    let mut cx = Ctxt::new();
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
    // One `const` item per variant, its catalog entry and JSON parts as a pair, rather than
    // one long array literal: the compiler's passes over a constant's body (promotion of
    // its `&[…]` slices above all) grow faster than linearly with the body, and an
    // incremental rebuild after one variant's edit checks again only the items that
    // changed. A pair rather than two items: half the items for the compiler to track.
    // Written as text (see `source`).
    let mut tables = Source::default();
    for (index, variant) in input.variants.iter().enumerate() {
        tables.code("const __APIERROR_").display(index);
        tables.code(": (__a::VariantMeta, __a::JsonParts) = (");
        meaning::variant_meta(input, variant, &mut tables);
        tables.code(", ");
        speed::json_parts(input, variant, &mut tables);
        tables.code(");\n");
    }
    let tables = tables.into_tokens();
    let names: Vec<Ident> = (0..count)
        .map(|index| format_ident!("__APIERROR_{}", index))
        .collect();
    // `meta` and `json_parts` share one match from variant to position in the tables.
    let index_arms = input.variants.iter().enumerate().map(|(index, variant)| {
        let path = variant_path(input, variant);
        quote!(#path { .. } => #index,)
    });
    let json_rest_fn = speed::json_rest_fn(input);
    let json_rest_in_fn = speed::json_rest_in_fn(input);
    let index_fn = quote!(Self::__apierror_index(self));
    let write_message_fn = meaning::write_message_fn(input, &index_fn);
    let write_message_in_fn = meaning::write_message_in_fn(input);
    let for_each_value_fn = meaning::for_each_value_fn(input);
    let domain = option_str(input.attrs.domain.as_ref().map(LitStr::value));
    let language = input.language();
    let field_fn = meaning::field_fn(input);
    let (_, _, own_where_clause) = input.generics.split_for_impl();
    let from_received = meaning::from_received(input);
    let bounds = meaning::inferred_bounds(input);
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
    // The framework traits of the integrations enabled in the facade (none without them): a
    // handler can then return this type itself. An author who writes their own opts out.
    let framework_impls = match input.attrs.no_framework_impls {
        true => quote!(),
        false => quote! {
            __a::framework_impls! { [#impl_generics] [#ident #ty_generics] [#framework_predicates] }
        },
    };
    quote! {
        #[doc(hidden)]
        const _: () = {
            // One short name for the runtime's items: the paths below repeat per variant.
            use ::apierror::__private as __a;

            const __APIERROR_LOCATION: __a::Option<&str> = #location;
            const __APIERROR_LANGUAGE: &str = #language;
            const __APIERROR_DOMAIN: __a::Option<&str> = #domain;
            // What every variant's entry has unless it says otherwise (`VariantMeta` is
            // `#[non_exhaustive]`: its fields are written here, and `variant_meta` makes it).
            const __APIERROR_META_BASE: __a::VariantMetaFields = __a::VariantMetaFields {
                name: "",
                status: 500,
                code: "",
                title: "",
                message: __a::None,
                description: "",
                translations: &[],
                field: __a::None,
                fields: &[],
                pieces: &[],
                location: __APIERROR_LOCATION,
                language: __APIERROR_LANGUAGE,
                localized: &[],
                domain: __APIERROR_DOMAIN,
                grpc: __a::None,
                meta: &[],
                rebuildable: true,
                retry_after: __a::None,
            };
            const __APIERROR_JSON_BASE: __a::JsonParts = __a::JsonParts {
                code: "",
                message: __a::None,
                lead: __a::None,
                omise_head: "",
                status_head: "",
                google_reason: "",
                location: __APIERROR_LOCATION,
                translations: &[],
                google_unit: __a::None,
            };
            const __APIERROR_GOOGLE_BASE: __a::GoogleUnit = __a::GoogleUnit {
                body: "",
                domain_at: __a::None,
                retryable: false,
                translated: false,
            };
            #tables
            static __APIERROR_VARIANTS: [__a::VariantMeta; #count] = [#(#names.0),*];
            static __APIERROR_JSON: [__a::JsonParts; #count] = [#(#names.1),*];
            static __APIERROR_CATALOG: __a::Catalog =
                __a::Catalog::new(#type_name, &__APIERROR_VARIANTS);

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

                #write_message_fn

                #write_message_in_fn

                #for_each_value_fn

                fn json_parts(
                    &self,
                ) -> __a::Option<&'static __a::JsonParts> {
                    __a::Some(&__APIERROR_JSON[#index_fn])
                }

                #json_rest_fn

                #json_rest_in_fn

                #field_fn

                #from_received
            }

            #framework_impls
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

/// The local a pattern binds a field to.
fn binding(field: &Field) -> Ident {
    format_ident!("__field_{}", field.name)
}

/// `&format_args!("{:spec}", value)`: a placeholder's value with its format spec.
fn formatted(spec: &str, value: &Ident) -> TokenStream {
    let format = LitStr::new(&format!("{{:{spec}}}"), Span::call_site());
    quote!(&::core::format_args!(#format, #value))
}

fn option_str(value: Option<String>) -> TokenStream {
    match value {
        Some(value) => quote!(__a::Some(#value)),
        None => quote!(__a::None),
    }
}
