//! Shapes of field types, recognized by name as written (syn sees no type aliases and no
//! imports): which types are text, which can be read back from received text, what an
//! `Option` holds, and which types mention a generic parameter.

use proc_macro2::{Ident, TokenStream, TokenTree};
use quote::ToTokens;
use syn::{GenericArgument, PathArguments, Type};

/// Whether `ty` is plainly text, whose `Display` writes its `AsRef<str>` as is: `String`,
/// `&str`, `Cow<str>`, `Box<str>`, `Rc<str>`, `Arc<str>`.
pub fn is_text_type(ty: &Type) -> bool {
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
            match (name.as_str(), generic_args(&last.arguments).as_slice()) {
                ("Cow", [GenericArgument::Lifetime(_), text]) => is_str_arg(text),
                ("Box" | "Rc" | "Arc", [text]) => is_str_arg(text),
                _ => false,
            }
        }
        _ => false,
    }
}

/// The primitive integer types, whose digits the generated code writes itself.
const INTEGERS: &[&str] = &[
    "u8", "u16", "u32", "u64", "u128", "usize", "i8", "i16", "i32", "i64", "i128", "isize",
];

/// Whether `ty` is written as a primitive integer (`u32`, `i64`, …): a bare name, as a
/// type alias or a path elsewhere is not known to be one.
pub fn is_integer_type(ty: &Type) -> bool {
    matches!(ty, Type::Path(p) if p.qself.is_none()
        && p.path.get_ident().is_some_and(|name| INTEGERS.iter().any(|i| name == i)))
}

/// The primitive types whose `Display` is a number, a truth value or one character.
const SCALARS: &[&str] = &[
    "bool", "char", "u8", "u16", "u32", "u64", "u128", "usize", "i8", "i16", "i32", "i64", "i128",
    "isize", "f32", "f64",
];

/// Whether received text can become a value of `ty`: the types the runtime's
/// `FromWireText` covers.
pub fn readable_type(ty: &Type) -> bool {
    let Type::Path(path) = ty else { return false };
    if path.qself.is_some() {
        return false;
    }
    let Some(last) = path.path.segments.last() else {
        return false;
    };
    let name = last.ident.to_string();
    if name == "String" || SCALARS.contains(&name.as_str()) {
        return last.arguments.is_none();
    }
    // Cow<'static, str>, Box<str>, Rc<str>, Arc<str>: owned text.
    let is_static =
        |arg: &GenericArgument| matches!(arg, GenericArgument::Lifetime(l) if l.ident == "static");
    match (name.as_str(), generic_args(&last.arguments).as_slice()) {
        ("Cow", [lifetime, text]) => is_static(lifetime) && is_str_arg(text),
        ("Box" | "Rc" | "Arc", [text]) => is_str_arg(text),
        _ => false,
    }
}

/// Whether `ty` names `Path` or `PathBuf` anywhere (`&Path`, `Box<Path>`, `PathBuf`):
/// thiserror prints such a field through `.display()`, as it has no `Display`.
pub fn mentions_path(ty: &Type) -> bool {
    fn walk(tokens: TokenStream) -> bool {
        tokens.into_iter().any(|tt| match tt {
            TokenTree::Ident(ident) => ident == "Path" || ident == "PathBuf",
            TokenTree::Group(group) => walk(group.stream()),
            _ => false,
        })
    }
    walk(ty.to_token_stream())
}

/// `T` of a type written `Option<T>` (or a path ending in `Option<T>`).
pub fn option_inner(ty: &Type) -> Option<&Type> {
    let Type::Path(path) = ty else { return None };
    let last = path.path.segments.last()?;
    if last.ident != "Option" {
        return None;
    }
    match generic_args(&last.arguments).as_slice() {
        [GenericArgument::Type(inner)] => Some(inner),
        _ => None,
    }
}

/// Whether `ty` names any of `params` anywhere in its tokens.
pub fn mentions_any(ty: &Type, params: &[&Ident]) -> bool {
    fn walk(tokens: TokenStream, params: &[&Ident]) -> bool {
        tokens.into_iter().any(|tt| match tt {
            TokenTree::Ident(ident) => params.iter().any(|p| **p == ident),
            TokenTree::Group(group) => walk(group.stream(), params),
            _ => false,
        })
    }
    walk(ty.to_token_stream(), params)
}

fn generic_args(arguments: &PathArguments) -> Vec<&GenericArgument> {
    match arguments {
        PathArguments::AngleBracketed(args) => args.args.iter().collect(),
        _ => Vec::new(),
    }
}

fn is_str(ty: &Type) -> bool {
    matches!(ty, Type::Path(p) if p.qself.is_none() && p.path.is_ident("str"))
}

fn is_str_arg(arg: &GenericArgument) -> bool {
    matches!(arg, GenericArgument::Type(ty) if is_str(ty))
}
