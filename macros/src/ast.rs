//! The derive's model of its input, borrowing from syn so that every error can point at the
//! tokens the user wrote. What the model implies (codes, statuses, static messages) is
//! answered in `prop`.

use syn::{Data, DeriveInput, Fields, Generics, Ident, Member, Type};

use crate::attr::{self, ContainerAttrs, FieldAttrs, VariantAttrs};
use crate::ctxt::Ctxt;
use crate::error_template;
use crate::template::{self, Arg, Piece};

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
    /// The message template: the parsed `#[message]`, when there is one and it parses, else
    /// thiserror's `#[error]` where it is one (`error_template`).
    pub template: Option<Template>,
    /// The parsed `#[message(ja = "…")]` translations that parse, in the order written.
    pub translations: Vec<Translated>,
}

/// A variant's default message template and the literal it was written in (errors point at
/// it).
pub struct Template {
    pub lit: syn::LitStr,
    pub pieces: Vec<Piece>,
}

/// A translation of the message: its language, its literal (errors point at it) and its
/// template.
pub struct Translated {
    pub lang: String,
    pub lit: syn::LitStr,
    pub template: Vec<Piece>,
}

pub struct Field<'a> {
    pub member: Member,
    /// The name templates use: the identifier without `r#`, or the index.
    pub name: String,
    pub ty: &'a Type,
    pub attrs: FieldAttrs<'a>,
}

impl<'a> Input<'a> {
    /// Models `input`; `None` for a union, which is reported.
    pub fn from_syn(cx: &mut Ctxt, input: &'a DeriveInput) -> Option<Self> {
        let is_enum = matches!(input.data, Data::Enum(_));
        let attrs = attr::container(cx, &input.attrs, is_enum);
        let variants = match &input.data {
            Data::Enum(data) => data
                .variants
                .iter()
                .map(|v| Variant::from_syn(cx, &v.ident, &v.attrs, &v.fields, &attrs))
                .collect(),
            // A struct is its own single variant: its attributes are the variant's.
            Data::Struct(data) => {
                vec![Variant::from_syn(
                    cx,
                    &input.ident,
                    &input.attrs,
                    &data.fields,
                    &attrs,
                )]
            }
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
        container: &ContainerAttrs,
    ) -> Self {
        let mut attrs = attr::variant(cx, attrs);
        let fields: Vec<Field> = fields
            .iter()
            .enumerate()
            .map(|(index, field)| Field::from_syn(cx, index, field))
            .collect();
        // A #[status] or #[code] written on a field was meant for this variant, and has been
        // reported where it stands.
        let misplaced = |name| fields.iter().any(|f| f.attrs.misplaced.contains(&name));
        attrs.status_rejected |= misplaced(attr::STATUS);
        attrs.code_rejected |= misplaced(attr::CODE);
        let template = match &attrs.message {
            Some(lit) => parse_template(cx, lit).map(|pieces| Template {
                lit: lit.clone(),
                pieces,
            }),
            None => error_template(&attrs, &fields, container),
        };
        let translations = attrs
            .message_translations
            .iter()
            .filter_map(|t| {
                Some(Translated {
                    lang: t.lang.clone(),
                    lit: t.text.clone(),
                    template: parse_template(cx, &t.text)?,
                })
            })
            .collect();
        Variant {
            ident,
            attrs,
            fields,
            template,
            translations,
        }
    }
}

/// thiserror's `#[error]` of the variant (else the enum's, which thiserror gives every
/// variant without one) as the template, where it is one (`error_template`).
fn error_template(
    attrs: &VariantAttrs,
    fields: &[Field],
    container: &ContainerAttrs,
) -> Option<Template> {
    let error = attrs.error.as_ref().or(container.error.as_ref())?;
    let status = attrs.status.or(container.status);
    let type_of = |arg: &Arg| placeholder_field(fields, arg).map(|f| f.ty);
    let (lit, pieces) = error_template::read(error, &type_of, status).ok()?;
    Some(Template { lit, pieces })
}

/// The template of `lit`, or its error reported at it.
fn parse_template(cx: &mut Ctxt, lit: &syn::LitStr) -> Option<Vec<Piece>> {
    match template::parse(&lit.value()) {
        Ok(pieces) => Some(pieces),
        Err(message) => {
            cx.error_spanned_by(lit, message);
            None
        }
    }
}

impl<'a> Field<'a> {
    pub fn from_syn(cx: &mut Ctxt, index: usize, field: &'a syn::Field) -> Self {
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
    }
}

/// The field among `fields` that a placeholder prints: a name in a variant of named fields,
/// an index in a tuple variant; `None` for any other.
pub fn placeholder_field<'f, 'a>(fields: &'f [Field<'a>], arg: &Arg) -> Option<&'f Field<'a>> {
    let tuple = matches!(
        fields.first(),
        Some(Field {
            member: Member::Unnamed(_),
            ..
        })
    );
    match arg {
        Arg::Named(name) if !tuple => fields.iter().find(|f| f.name == *name),
        Arg::Index(index) if tuple => fields.get(*index),
        _ => None,
    }
}
