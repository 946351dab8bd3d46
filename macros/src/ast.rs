//! The derive's model of its input, borrowing from syn so that every error can point at the
//! tokens the user wrote.

use proc_macro2::TokenStream;
use quote::ToTokens;
use syn::{Data, DeriveInput, Fields, Generics, Ident, Member, Type};

use crate::attr::{self, ContainerAttrs, FieldAttrs, VariantAttrs};
use crate::case;
use crate::ctxt::Ctxt;
use crate::template::{self, Piece};

pub struct Input<'a> {
    pub ident: &'a Ident,
    pub generics: &'a Generics,
    pub attrs: ContainerAttrs,
    pub is_enum: bool,
    pub variants: Vec<Variant<'a>>,
}

pub struct Variant<'a> {
    pub ident: &'a Ident,
    pub attrs: VariantAttrs,
    pub fields: Vec<Field<'a>>,
    /// The parsed `#[message]`, when there is one and it parses.
    pub template: Option<Vec<Piece>>,
}

pub struct Field<'a> {
    pub member: Member,
    /// The name templates use: the identifier without `r#`, or the index.
    pub name: String,
    pub ty: &'a Type,
    pub attrs: FieldAttrs,
}

/// A variant's code, resolved from `#[code]` or the container's `rename_all`.
pub struct Code {
    pub value: String,
    /// Where an error about this code points: the literal, or the variant's name.
    pub at: TokenStream,
}

impl<'a> Input<'a> {
    /// Models `input`; `None` for a union, which is reported.
    pub fn from_syn(cx: &mut Ctxt, input: &'a DeriveInput) -> Option<Self> {
        let attrs = attr::container(cx, &input.attrs);
        let (is_enum, variants) = match &input.data {
            Data::Enum(data) => {
                for attr in input.attrs.iter().filter(|a| is_variant_attr(a)) {
                    cx.error_spanned_by(
                        attr,
                        "put #[status], #[code] and #[message] on each variant; an enum-wide default \
                         status is #[api_error(status = …)]",
                    );
                }
                let variants = data
                    .variants
                    .iter()
                    .map(|v| Variant::from_syn(cx, &v.ident, &v.attrs, &v.fields))
                    .collect();
                (true, variants)
            }
            Data::Struct(data) => (
                false,
                vec![Variant::from_syn(
                    cx,
                    &input.ident,
                    &input.attrs,
                    &data.fields,
                )],
            ),
            Data::Union(data) => {
                cx.error_spanned_by(data.union_token, "ApiError cannot be derived for unions");
                return None;
            }
        };
        Some(Input {
            ident: &input.ident,
            generics: &input.generics,
            attrs,
            is_enum,
            variants,
        })
    }
}

impl<'a> Variant<'a> {
    fn from_syn(
        cx: &mut Ctxt,
        ident: &'a Ident,
        attrs: &'a [syn::Attribute],
        fields: &'a Fields,
    ) -> Self {
        let attrs = attr::variant(cx, attrs);
        let fields = fields
            .iter()
            .enumerate()
            .map(|(index, field)| {
                let (member, name) = match &field.ident {
                    Some(ident) => {
                        let name = ident.to_string();
                        let name = name.strip_prefix("r#").unwrap_or(&name).to_owned();
                        (Member::Named(ident.clone()), name)
                    }
                    None => (Member::Unnamed(index.into()), index.to_string()),
                };
                Field {
                    member,
                    name,
                    ty: &field.ty,
                    attrs: attr::field(cx, &field.attrs),
                }
            })
            .collect();
        let template = attrs
            .message
            .as_ref()
            .and_then(|lit| match template::parse(&lit.value()) {
                Ok(pieces) => Some(pieces),
                Err(message) => {
                    cx.error_spanned_by(lit, message);
                    None
                }
            });
        Variant {
            ident,
            attrs,
            fields,
            template,
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

    /// The code from `#[code]`, else from the container's `rename_all`.
    pub fn code(&self, container: &ContainerAttrs) -> Option<Code> {
        if let Some(lit) = &self.attrs.code {
            return Some(Code {
                value: lit.value(),
                at: lit.to_token_stream(),
            });
        }
        let rule = container.rename_all?;
        Some(Code {
            value: rule.apply(&self.ident.to_string()),
            at: self.ident.to_token_stream(),
        })
    }

    /// The status from `#[status]`, else the container's default.
    pub fn status(&self, container: &ContainerAttrs) -> Option<u16> {
        self.attrs.status.or(container.status)
    }

    pub fn title(&self) -> String {
        match &self.attrs.title {
            Some(lit) => lit.value(),
            None => case::title(&self.ident.to_string()),
        }
    }

    pub fn field_named(&self, name: &str) -> Option<&Field<'a>> {
        self.fields.iter().find(|f| f.name == name)
    }
}

fn is_variant_attr(attr: &syn::Attribute) -> bool {
    ["status", "code", "message", "title", "description", "field"]
        .iter()
        .any(|n| attr.path().is_ident(n))
}
