//! Parsing of the attributes: the container's `#[api_error(…)]`, a variant's `#[status]`,
//! `#[code]`, `#[message]`, `#[title]`, `#[description]`, `#[field]` and doc comments, and a
//! field's `#[source]`, `#[from]`, `#[field]` and `#[message]`.
//!
//! Checks that need only one attribute live here (a status out of range, an empty code);
//! checks across attributes or variants live in `valid`.

use proc_macro2::Span;
use syn::{Attribute, Expr, ExprLit, Lit, LitStr, Meta};

use crate::case::RenameRule;
use crate::ctxt::Ctxt;

/// `#[api_error(…)]` on the enum or struct.
#[derive(Default)]
pub struct ContainerAttrs {
    pub rename_all: Option<RenameRule>,
    pub status: Option<u16>,
    pub allow_duplicate_codes: bool,
    pub location: Option<LitStr>,
    /// Oney's limits: codes of at most 10 characters, constant fields of at most 100.
    pub oney: bool,
    /// A `rename_all` was written but rejected: codes are not reported missing on top.
    pub rename_all_rejected: bool,
}

/// The attributes of one variant (or of a struct, which is its own single variant).
#[derive(Default)]
pub struct VariantAttrs {
    pub status: Option<u16>,
    pub code: Option<LitStr>,
    pub message: Option<LitStr>,
    pub title: Option<LitStr>,
    /// `#[description(ja = "…")]`: (language, text).
    pub translations: Vec<(String, LitStr)>,
    /// `#[field("…")]`: the constant Oney field.
    pub field: Option<LitStr>,
    /// The doc comment, lines joined with `\n`.
    pub doc: String,
    /// A `#[status]` / `#[code]` was written but rejected: not reported missing on top.
    pub status_rejected: bool,
    pub code_rejected: bool,
}

/// The attributes of one field.
#[derive(Default)]
pub struct FieldAttrs {
    /// `#[source]` or `#[from]`: the field holds an underlying error.
    pub source: bool,
    /// `#[field]`: the field's value is the Oney field.
    pub field: Option<Span>,
    /// `#[message]`: an `Option` whose `Some` replaces the default message.
    pub message: Option<Span>,
}

pub const STATUS_RANGE: std::ops::RangeInclusive<u16> = 400..=599;

pub fn container(cx: &mut Ctxt, attrs: &[Attribute]) -> ContainerAttrs {
    let mut out = ContainerAttrs::default();
    for attr in attrs.iter().filter(|a| a.path().is_ident("api_error")) {
        let result = attr.parse_nested_meta(|meta| {
            let key = meta
                .path
                .get_ident()
                .map(ToString::to_string)
                .unwrap_or_default();
            match key.as_str() {
                "rename_all" => {
                    let lit: LitStr = meta.value()?.parse()?;
                    match RenameRule::from_name(&lit.value()) {
                        Some(rule) => {
                            set_once(cx, &mut out.rename_all, rule, &meta.path, "rename_all")
                        }
                        None => {
                            out.rename_all_rejected = true;
                            cx.error_spanned_by(
                                &lit,
                                format!(
                                    "unknown rename rule `{}`; expected one of {}",
                                    lit.value(),
                                    RenameRule::NAMES
                                ),
                            )
                        }
                    }
                }
                "status" => {
                    let lit: Lit = meta.value()?.parse()?;
                    if let Some(status) = status_from_lit(cx, lit, "#[api_error(status = 404)]") {
                        set_once(cx, &mut out.status, status, &meta.path, "status");
                    }
                }
                "location" => {
                    let lit: LitStr = meta.value()?.parse()?;
                    if lit.value().is_empty()
                        || lit
                            .value()
                            .chars()
                            .any(|c| c.is_whitespace() || c.is_control())
                    {
                        cx.error_spanned_by(&lit, "location must be a URL without whitespace");
                    }
                    set_once(cx, &mut out.location, lit, &meta.path, "location");
                }
                "allow_duplicate_codes" => {
                    flag_once(cx, &mut out.allow_duplicate_codes, &meta.path)
                }
                "oney" => flag_once(cx, &mut out.oney, &meta.path),
                _ => {
                    skip_value(&meta)?;
                    cx.error_spanned_by(
                        &meta.path,
                        format!(
                        "unknown api_error attribute `{}`; expected one of `rename_all`, `status`, \
                         `location`, `allow_duplicate_codes`, `oney`",
                        path_text(&meta.path)
                    ),
                    )
                }
            }
            Ok(())
        });
        if let Err(err) = result {
            cx.syn_error(err);
        }
    }
    out
}

pub fn variant(cx: &mut Ctxt, attrs: &[Attribute]) -> VariantAttrs {
    let mut out = VariantAttrs::default();
    let mut doc_lines = Vec::new();
    for attr in attrs {
        let path = attr.path();
        if path.is_ident("doc") {
            if let Some(line) = doc_line(attr) {
                doc_lines.push(line);
            }
        } else if path.is_ident("status") {
            let status = single_arg::<Lit>(cx, attr, "#[status(404)]")
                .and_then(|lit| status_from_lit(cx, lit, "#[status(404)]"));
            match status {
                Some(status) => set_once(cx, &mut out.status, status, attr, "#[status]"),
                None => out.status_rejected = true,
            }
        } else if path.is_ident("code") {
            match string_arg(cx, attr, "#[code(\"used_token\")]") {
                Some(lit) => {
                    check_code(cx, &lit);
                    set_once(cx, &mut out.code, lit, attr, "#[code]");
                }
                None => out.code_rejected = true,
            }
        } else if path.is_ident("message") {
            if let Some(lit) = string_arg(cx, attr, "#[message(\"token was already used\")]") {
                set_once(cx, &mut out.message, lit, attr, "#[message]");
            }
        } else if path.is_ident("title") {
            if let Some(lit) = string_arg(cx, attr, "#[title(\"Used Token\")]") {
                if lit.value().trim().is_empty() {
                    cx.error_spanned_by(&lit, "#[title] must not be empty");
                }
                set_once(cx, &mut out.title, lit, attr, "#[title]");
            }
        } else if path.is_ident("field") {
            if let Some(lit) = string_arg(cx, attr, "#[field(\"purchase.amount\")]") {
                if lit.value().is_empty() {
                    cx.error_spanned_by(&lit, "#[field] must not be empty");
                }
                set_once(cx, &mut out.field, lit, attr, "#[field]");
            }
        } else if path.is_ident("description") {
            translations(cx, attr, &mut out.translations);
        } else if path.is_ident("source") || path.is_ident("from") {
            cx.error_spanned_by(
                attr,
                format!("#[{}] goes on a field, not on a variant", path_name(attr)),
            );
        }
    }
    out.doc = doc_lines.join("\n").trim().to_owned();
    out
}

pub fn field(cx: &mut Ctxt, attrs: &[Attribute]) -> FieldAttrs {
    let mut out = FieldAttrs::default();
    for attr in attrs {
        let path = attr.path();
        if path.is_ident("source") || path.is_ident("from") {
            // thiserror's attributes: shared with it, so they take no arguments of ours.
            out.source = true;
        } else if path.is_ident("field") || path.is_ident("message") {
            if !matches!(attr.meta, Meta::Path(_)) {
                let name = path_name(attr);
                cx.error_spanned_by(attr, format!("#[{name}] on a field takes no arguments"));
                continue;
            }
            let slot = if path.is_ident("field") {
                &mut out.field
            } else {
                &mut out.message
            };
            let name = path_name(attr);
            set_once(cx, slot, attr_span(attr), attr, &format!("#[{name}]"));
        } else if ["status", "code", "title", "description", "api_error"]
            .iter()
            .any(|n| path.is_ident(n))
        {
            cx.error_spanned_by(
                attr,
                format!("#[{}] goes on a variant, not on a field", path_name(attr)),
            );
        }
    }
    out
}

/// Checks one code: non-empty, no whitespace, no control characters.
fn check_code(cx: &mut Ctxt, lit: &LitStr) {
    let code = lit.value();
    if code.is_empty() {
        cx.error_spanned_by(lit, "#[code] must not be empty");
    } else if let Some(c) = code.chars().find(|c| c.is_whitespace() || c.is_control()) {
        cx.error_spanned_by(
            lit,
            format!("#[code] must not contain whitespace or control characters, found {c:?}"),
        );
    }
}

fn status_from_lit(cx: &mut Ctxt, lit: Lit, example: &str) -> Option<u16> {
    let Lit::Int(lit) = lit else {
        cx.error_spanned_by(lit, format!("expected an integer status, like {example}"));
        return None;
    };
    match lit.base10_parse::<u16>() {
        Ok(value) if STATUS_RANGE.contains(&value) => Some(value),
        _ => {
            cx.error_spanned_by(
                &lit,
                format!(
                    "status must be in 400..=599 (an error status), found {}",
                    lit.base10_digits()
                ),
            );
            None
        }
    }
}

/// `#[name(arg)]` with exactly one argument of type `T`.
fn single_arg<T: syn::parse::Parse>(cx: &mut Ctxt, attr: &Attribute, example: &str) -> Option<T> {
    let Meta::List(list) = &attr.meta else {
        cx.error_spanned_by(attr, format!("expected {example}"));
        return None;
    };
    match list.parse_args::<T>() {
        Ok(value) => Some(value),
        Err(_) => {
            cx.error_spanned_by(&list.tokens, format!("expected {example}"));
            None
        }
    }
}

fn string_arg(cx: &mut Ctxt, attr: &Attribute, example: &str) -> Option<LitStr> {
    match single_arg::<Lit>(cx, attr, example)? {
        Lit::Str(lit) => Some(lit),
        other => {
            cx.error_spanned_by(other, format!("expected a string literal, like {example}"));
            None
        }
    }
}

/// `#[description(ja = "…", fr = "…")]`.
fn translations(cx: &mut Ctxt, attr: &Attribute, out: &mut Vec<(String, LitStr)>) {
    let result = attr.parse_nested_meta(|meta| {
        let lang = meta
            .path
            .get_ident()
            .map(ToString::to_string)
            .unwrap_or_default();
        let text: LitStr = meta.value()?.parse()?;
        if lang.len() != 2 || !lang.bytes().all(|b| b.is_ascii_lowercase()) {
            cx.error_spanned_by(
                &meta.path,
                "expected an ISO 639-1 language code, like #[description(ja = \"…\")]",
            );
        } else if out.iter().any(|(l, _)| *l == lang) {
            cx.error_spanned_by(
                &meta.path,
                format!("duplicate #[description] for language `{lang}`"),
            );
        } else {
            out.push((lang, text));
        }
        Ok(())
    });
    if let Err(err) = result {
        cx.syn_error(err);
    }
}

/// Consumes the value of an unknown `key = value` or `key(…)`, so that one unknown key gives
/// one error rather than a parse error on its value as well.
fn skip_value(meta: &syn::meta::ParseNestedMeta) -> syn::Result<()> {
    meta.input.step(|cursor| {
        let mut rest = *cursor;
        while let Some((tree, next)) = rest.token_tree() {
            if matches!(&tree, proc_macro2::TokenTree::Punct(p) if p.as_char() == ',') {
                break;
            }
            rest = next;
        }
        Ok(((), rest))
    })
}

fn doc_line(attr: &Attribute) -> Option<String> {
    let Meta::NameValue(nv) = &attr.meta else {
        return None;
    };
    let Expr::Lit(ExprLit {
        lit: Lit::Str(lit), ..
    }) = &nv.value
    else {
        return None;
    };
    let line = lit.value();
    Some(
        line.strip_prefix(' ')
            .unwrap_or(&line)
            .trim_end()
            .to_owned(),
    )
}

fn set_once<T, S: quote::ToTokens>(
    cx: &mut Ctxt,
    slot: &mut Option<T>,
    value: T,
    at: S,
    name: &str,
) {
    if slot.is_some() {
        cx.error_spanned_by(at, format!("duplicate {name} attribute"));
    } else {
        *slot = Some(value);
    }
}

fn flag_once(cx: &mut Ctxt, flag: &mut bool, path: &syn::Path) {
    if *flag {
        cx.error_spanned_by(
            path,
            format!("duplicate api_error attribute `{}`", path_text(path)),
        );
    }
    *flag = true;
}

fn path_name(attr: &Attribute) -> String {
    path_text(attr.path())
}

fn path_text(path: &syn::Path) -> String {
    quote::quote!(#path).to_string().replace(' ', "")
}

fn attr_span(attr: &Attribute) -> Span {
    use syn::spanned::Spanned;
    attr.span()
}
