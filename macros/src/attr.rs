//! Parsing of the attributes: the container's `#[api_error(…)]`, a variant's `#[status]`,
//! `#[code]`, `#[message]`, `#[title]`, `#[description]`, `#[field]`, `#[meta]` and doc
//! comments (the enum's `#[meta]` too), a field's `#[source]`, `#[from]`, `#[field]` and
//! `#[message]`, and thiserror's `#[error]` on a variant or the enum, read (never checked:
//! thiserror does that) for the message template it may hold.
//!
//! Every attribute name is compared, and written in errors, through the one table below
//! (serde_derive's `Symbol`). The list in `lib.rs`'s `#[proc_macro_derive(attributes(…))]`
//! must stay literal; a test here keeps it equal to the table.
//!
//! Checks that need only one attribute live here (a status out of range, an empty code);
//! checks across attributes or variants live in `valid`.

use std::fmt::{self, Display};

use proc_macro2::{TokenStream, TokenTree};
use quote::ToTokens;
use syn::ext::IdentExt;
use syn::meta::ParseNestedMeta;
use syn::parse::ParseStream;
use syn::{Attribute, Expr, ExprLit, Ident, Lit, LitStr, Meta, Path};

use crate::case::RenameRule;
use crate::ctxt::Ctxt;

/// The name of an attribute, or of a key inside `#[api_error(…)]`.
#[derive(Copy, Clone, PartialEq, Eq, Debug)]
pub struct Symbol(&'static str);

pub const API_ERROR: Symbol = Symbol("api_error");
pub const STATUS: Symbol = Symbol("status");
pub const CODE: Symbol = Symbol("code");
pub const MESSAGE: Symbol = Symbol("message");
pub const TITLE: Symbol = Symbol("title");
pub const DESCRIPTION: Symbol = Symbol("description");
pub const FIELD: Symbol = Symbol("field");
/// thiserror's, shared: the field holds the underlying error.
pub const SOURCE: Symbol = Symbol("source");
pub const FROM: Symbol = Symbol("from");
/// thiserror's display attribute: where it is a format string alone, the message template
/// of a variant without `#[message]`.
pub const ERROR: Symbol = Symbol("error");
pub const DOC: Symbol = Symbol("doc");
/// A variant's `google.rpc.Code` name, for the Google format and gRPC.
pub const GRPC: Symbol = Symbol("grpc");
/// Facts a wire format needs that the derive does not model: `#[meta(key = "value")]`.
pub const META: Symbol = Symbol("meta");
/// Seconds a client should wait before retrying a 429 or 503: `#[retry_after(5)]` on a
/// variant, or on the enum for all its 429 and 503 variants.
pub const RETRY_AFTER: Symbol = Symbol("retry_after");

// Keys of `#[api_error(…)]` (its `status = …` is `STATUS`).
pub const RENAME_ALL: Symbol = Symbol("rename_all");
pub const LOCATION: Symbol = Symbol("location");
pub const ALLOW_DUPLICATE_CODES: Symbol = Symbol("allow_duplicate_codes");
pub const ONEY: Symbol = Symbol("oney");
pub const LANG: Symbol = Symbol("lang");
pub const DOMAIN: Symbol = Symbol("domain");
pub const GOOGLE: Symbol = Symbol("google");
/// Leaves out the framework traits the derive implements under the facade's features, for
/// an author who writes their own `IntoResponse` or `ResponseError`.
pub const NO_FRAMEWORK_IMPLS: Symbol = Symbol("no_framework_impls");

/// The keys `#[api_error(…)]` accepts, in the order its error lists them.
const CONTAINER_KEYS: [Symbol; 9] = [
    RENAME_ALL,
    STATUS,
    LOCATION,
    ALLOW_DUPLICATE_CODES,
    ONEY,
    LANG,
    DOMAIN,
    GOOGLE,
    NO_FRAMEWORK_IMPLS,
];

/// The `google.rpc.Code` names a variant may give in `#[grpc(…)]`: all but `OK`, which is
/// no error (the runtime's list, `apierror_spec`).
fn grpc_codes() -> &'static [&'static str] {
    &apierror_spec::google::CODE_NAMES[1..]
}

/// What describes one variant; on an enum they are misplaced.
const VARIANT_ONLY_ON_ENUM: [Symbol; 7] = [STATUS, CODE, MESSAGE, TITLE, DESCRIPTION, FIELD, GRPC];
/// What describes a variant and has no meaning on a field (`#[field]` and `#[message]` do).
const VARIANT_ONLY_ON_FIELD: [Symbol; 8] = [
    STATUS,
    CODE,
    TITLE,
    DESCRIPTION,
    API_ERROR,
    GRPC,
    META,
    RETRY_AFTER,
];

impl Symbol {
    #[cfg(test)]
    pub const fn new(name: &'static str) -> Self {
        Symbol(name)
    }
}

impl PartialEq<Symbol> for Path {
    fn eq(&self, word: &Symbol) -> bool {
        self.is_ident(word.0)
    }
}

impl PartialEq<Symbol> for &Path {
    fn eq(&self, word: &Symbol) -> bool {
        self.is_ident(word.0)
    }
}

impl Display for Symbol {
    fn fmt(&self, formatter: &mut fmt::Formatter) -> fmt::Result {
        formatter.write_str(self.0)
    }
}

/// `#[api_error(…)]` on the enum or struct.
#[derive(Default)]
pub struct ContainerAttrs {
    pub rename_all: Option<RenameAll>,
    pub status: Option<u16>,
    pub allow_duplicate_codes: bool,
    pub location: Option<LitStr>,
    /// Oney's limits: codes of at most 10 characters, constant fields of at most 100.
    pub oney: bool,
    /// `lang = "…"`: the language of the undecorated texts (`en` when absent).
    pub lang: Option<LitStr>,
    /// `domain = "…"`: the Google `ErrorInfo.domain`.
    pub domain: Option<LitStr>,
    /// The Google format's checks: every code becomes a valid `ErrorInfo.reason`.
    pub google: bool,
    /// `no_framework_impls`: no `IntoResponse` (axum), `ResponseError` (actix-web) or
    /// `From<E> for tonic::Status`, whatever the facade's features.
    pub no_framework_impls: bool,
    /// A default status or code source was written but rejected (a bad `status = …` or
    /// `rename_all = …`, a `#[status]` / `#[code]` on the enum): variants are not reported
    /// missing one on top.
    pub status_rejected: bool,
    pub code_rejected: bool,
    /// An enum's `#[meta(…)]`: the facts of every variant that does not give its own.
    pub meta: Vec<MetaEntry>,
    /// An enum's `#[retry_after(…)]`: the delay of its 429 and 503 variants without one.
    pub retry_after: Option<RetryAfter>,
    /// An enum's thiserror `#[error(…)]`, which thiserror gives every variant without one.
    pub error: Option<ErrorAttr>,
}

/// `rename_all = "…"`, with its key for errors about where it stands.
pub struct RenameAll {
    pub rule: RenameRule,
    pub key: Path,
}

/// The attributes of one variant (or of a struct, which is its own single variant).
#[derive(Default)]
pub struct VariantAttrs {
    pub status: Option<u16>,
    pub code: Option<LitStr>,
    pub message: Option<LitStr>,
    pub title: Option<LitStr>,
    /// `#[message(ja = "…")]`: the message in other languages, in the order written.
    pub message_translations: Vec<LangText>,
    /// `#[title(ja = "…")]`: the title in other languages, in the order written.
    pub title_translations: Vec<LangText>,
    /// `#[description(ja = "…")]`: (language, text).
    pub translations: Vec<(String, LitStr)>,
    /// `#[field("…")]`: the constant Oney field.
    pub field: Option<LitStr>,
    /// `#[grpc(NOT_FOUND)]`: the variant's `google.rpc.Code` name.
    pub grpc: Option<syn::Ident>,
    /// `#[retry_after(5)]`: seconds to wait before retrying.
    pub retry_after: Option<RetryAfter>,
    /// The doc comment, lines joined with `\n`.
    pub doc: String,
    /// `#[meta(key = "value")]`: the variant's own facts, each key once, in the order
    /// written.
    pub meta: Vec<MetaEntry>,
    /// thiserror's `#[error(…)]` (the first, where several are written: thiserror reports
    /// them). Its presence says thiserror is derived too and checks its own attributes.
    pub error: Option<ErrorAttr>,
    /// A `#[status]` / `#[code]` was written but rejected (or put on a field): not reported
    /// missing on top.
    pub status_rejected: bool,
    pub code_rejected: bool,
}

/// `#[retry_after(seconds)]`, with the literal for errors about it.
pub struct RetryAfter {
    pub seconds: u32,
    pub lit: syn::LitInt,
}

/// One `key = "value"` of `#[meta(…)]`.
pub struct MetaEntry {
    /// The key as written, for errors about it; its text without `r#` is the key.
    pub key: Ident,
    pub value: LitStr,
}

impl MetaEntry {
    /// The key as the runtime reads it: the identifier without `r#`.
    pub fn key_text(&self) -> String {
        self.key.unraw().to_string()
    }
}

/// thiserror's `#[error(…)]`, as far as the derive reads it.
pub enum ErrorAttr {
    /// `#[error("…")]`: a format string alone, which may be the message template.
    Text(LitStr),
    /// Any other form: `transparent`, `fmt = path`, a format string with arguments
    /// (`#[error("{}", .0.len())]`), or tokens thiserror reports. The message is the
    /// type's `Display` as a whole.
    Opaque,
}

/// A text in one language: `ja = "…"` inside `#[message(…)]` or `#[title(…)]`.
pub struct LangText {
    /// The language tag, with the key's `_` written `-` (`pt_BR` is `pt-BR`).
    pub lang: String,
    /// The key as written, for errors about the language.
    pub key: Path,
    pub text: LitStr,
}

/// The attributes of one field, each kept as written for errors that point at it.
#[derive(Default)]
pub struct FieldAttrs<'a> {
    pub source: Option<&'a Attribute>,
    pub from: Option<&'a Attribute>,
    /// `#[field]`: the field's value is the Oney field.
    pub field: Option<&'a Attribute>,
    /// `#[message]`: an `Option` whose `Some` replaces the default message.
    pub message: Option<&'a Attribute>,
    /// Variant attributes written on this field (already reported).
    pub misplaced: Vec<Symbol>,
}

pub const STATUS_RANGE: std::ops::RangeInclusive<u16> = 400..=599;

pub fn container(cx: &mut Ctxt, attrs: &[Attribute], is_enum: bool) -> ContainerAttrs {
    let mut out = ContainerAttrs::default();
    // On a struct these are the struct's own, as its single variant's: `variant` reads them.
    if is_enum {
        misplaced_on_enum(cx, attrs, &mut out);
        for attr in attrs {
            if attr.path() == META {
                meta_entries(cx, attr, &mut out.meta);
            } else if attr.path() == RETRY_AFTER {
                if let Some(value) = retry_after(cx, attr) {
                    set_once(cx, &mut out.retry_after, value, attr, RETRY_AFTER);
                }
            } else if attr.path() == ERROR && out.error.is_none() {
                out.error = Some(error_attr(attr));
            }
        }
    }
    for attr in attrs.iter().filter(|a| a.path() == API_ERROR) {
        let result = attr.parse_nested_meta(|meta| container_key(cx, &meta, &mut out));
        if let Err(err) = result {
            cx.syn_error(err);
        }
    }
    out
}

/// A variant's attribute on the enum itself: the user meant an enum-wide default.
fn misplaced_on_enum(cx: &mut Ctxt, attrs: &[Attribute], out: &mut ContainerAttrs) {
    for attr in attrs {
        let Some(&name) = VARIANT_ONLY_ON_ENUM.iter().find(|&&n| attr.path() == n) else {
            continue;
        };
        cx.error_spanned_by(
            attr,
            format!(
                "put #[{STATUS}], #[{CODE}] and #[{MESSAGE}] on each variant; an enum-wide \
                 default status is #[{API_ERROR}({STATUS} = …)]"
            ),
        );
        out.status_rejected |= name == STATUS;
        out.code_rejected |= name == CODE;
    }
}

fn container_key(
    cx: &mut Ctxt,
    meta: &ParseNestedMeta,
    out: &mut ContainerAttrs,
) -> syn::Result<()> {
    let key = &meta.path;
    if key == RENAME_ALL {
        let lit: LitStr = meta.value()?.parse()?;
        match RenameRule::from_name(&lit.value()) {
            Some(rule) => {
                let rename_all = RenameAll {
                    rule,
                    key: key.clone(),
                };
                set_container_once(cx, &mut out.rename_all, rename_all, key);
            }
            None => {
                out.code_rejected = true;
                cx.error_spanned_by(
                    &lit,
                    format!(
                        "unknown rename rule `{}`; expected one of {}",
                        lit.value(),
                        RenameRule::NAMES
                    ),
                );
            }
        }
    } else if key == STATUS {
        let lit: Lit = meta.value()?.parse()?;
        match status_from_lit(cx, lit, &format!("#[{API_ERROR}({STATUS} = 404)]")) {
            Some(status) => set_container_once(cx, &mut out.status, status, key),
            None => out.status_rejected = true,
        }
    } else if key == LOCATION {
        let lit: LitStr = meta.value()?.parse()?;
        check_location(cx, &lit);
        set_container_once(cx, &mut out.location, lit, key);
    } else if key == ALLOW_DUPLICATE_CODES {
        flag_once(cx, &mut out.allow_duplicate_codes, key);
    } else if key == ONEY {
        flag_once(cx, &mut out.oney, key);
    } else if key == DOMAIN {
        let lit: LitStr = meta.value()?.parse()?;
        let value = lit.value();
        if !apierror_spec::rules::is_dns_name(&value) {
            cx.error_spanned_by(
                &lit,
                format!(
                    "#[{API_ERROR}({DOMAIN} = …)] must be a DNS name, like \"shop.example.com\""
                ),
            );
        }
        set_container_once(cx, &mut out.domain, lit, key);
    } else if key == GOOGLE {
        flag_once(cx, &mut out.google, key);
    } else if key == NO_FRAMEWORK_IMPLS {
        flag_once(cx, &mut out.no_framework_impls, key);
    } else if key == LANG {
        let lit: LitStr = meta.value()?.parse()?;
        if !is_language_tag(&lit.value()) {
            cx.error_spanned_by(
                &lit,
                format!(
                    "#[{API_ERROR}({LANG} = …)] must be a language tag, like \"en\" or \"pt-BR\""
                ),
            );
        }
        set_container_once(cx, &mut out.lang, lit, key);
    } else {
        skip_value(meta)?;
        let expected: Vec<String> = CONTAINER_KEYS.iter().map(|k| format!("`{k}`")).collect();
        cx.error_spanned_by(
            key,
            format!(
                "unknown {API_ERROR} attribute `{}`; expected one of {}",
                path_text(key),
                expected.join(", ")
            ),
        );
    }
    Ok(())
}

/// The base of the Omise `location` member: an absolute URL, since clients follow it as a
/// link, and the code's `#anchor` is appended to it as is.
fn check_location(cx: &mut Ctxt, lit: &LitStr) {
    let value = lit.value();
    let clean = !value.chars().any(|c| c.is_whitespace() || c.is_control());
    if !apierror_spec::rules::is_absolute_url(&value) || !clean {
        cx.error_spanned_by(
            lit,
            format!(
                "#[{API_ERROR}({LOCATION} = …)] must be an absolute URL, \
                 like \"https://www.omise.co/api-errors\""
            ),
        );
    }
}

pub fn variant(cx: &mut Ctxt, attrs: &[Attribute]) -> VariantAttrs {
    let mut out = VariantAttrs::default();
    let mut doc_lines = Vec::new();
    for attr in attrs {
        let path = attr.path();
        if path == DOC {
            doc_lines.extend(doc_line(attr));
        } else if path == STATUS {
            let example = format!("#[{STATUS}(404)]");
            let status = single_arg::<Lit>(cx, attr, &example)
                .and_then(|lit| status_from_lit(cx, lit, &example));
            match status {
                Some(status) => set_once(cx, &mut out.status, status, attr, STATUS),
                None => out.status_rejected = true,
            }
        } else if path == CODE {
            match string_arg(cx, attr, &format!("#[{CODE}(\"used_token\")]")) {
                Some(lit) => {
                    check_code(cx, &lit);
                    set_once(cx, &mut out.code, lit, attr, CODE);
                }
                None => out.code_rejected = true,
            }
        } else if path == MESSAGE {
            if is_translations(attr) {
                lang_texts(cx, attr, MESSAGE, &mut out.message_translations);
                continue;
            }
            let example = format!("#[{MESSAGE}(\"token was already used\")]");
            if let Some(lit) = string_arg(cx, attr, &example) {
                set_once(cx, &mut out.message, lit, attr, MESSAGE);
            }
        } else if path == TITLE {
            if is_translations(attr) {
                lang_texts(cx, attr, TITLE, &mut out.title_translations);
                continue;
            }
            if let Some(lit) = string_arg(cx, attr, &format!("#[{TITLE}(\"Used Token\")]")) {
                check_not_blank(cx, &lit, TITLE);
                set_once(cx, &mut out.title, lit, attr, TITLE);
            }
        } else if path == FIELD {
            let example = format!("#[{FIELD}(\"purchase.amount\")]");
            if let Some(lit) = string_arg(cx, attr, &example) {
                check_not_blank(cx, &lit, FIELD);
                set_once(cx, &mut out.field, lit, attr, FIELD);
            }
        } else if path == DESCRIPTION {
            translations(cx, attr, &mut out.translations);
        } else if path == GRPC {
            let example = format!("#[{GRPC}(NOT_FOUND)]");
            if let Some(name) = single_arg::<syn::Ident>(cx, attr, &example) {
                if !grpc_codes().contains(&name.to_string().as_str()) {
                    cx.error_spanned_by(
                        &name,
                        format!(
                            "`{name}` is not a google.rpc.Code name; expected one of {}",
                            grpc_codes().join(", ")
                        ),
                    );
                }
                set_once(cx, &mut out.grpc, name, attr, GRPC);
            }
        } else if path == META {
            meta_entries(cx, attr, &mut out.meta);
        } else if path == RETRY_AFTER {
            if let Some(value) = retry_after(cx, attr) {
                set_once(cx, &mut out.retry_after, value, attr, RETRY_AFTER);
            }
        } else if path == ERROR {
            out.error.get_or_insert_with(|| error_attr(attr));
        } else if path == SOURCE || path == FROM {
            cx.error_spanned_by(
                attr,
                format!("#[{}] goes on a field, not on a variant", path_text(path)),
            );
        }
    }
    out.doc = doc_lines.join("\n").trim().to_owned();
    out
}

pub fn field<'a>(cx: &mut Ctxt, attrs: &'a [Attribute]) -> FieldAttrs<'a> {
    let mut out = FieldAttrs::default();
    for attr in attrs {
        let path = attr.path();
        // thiserror's attributes, shared with it: they take no arguments of ours, and
        // thiserror reports their repetition.
        if path == SOURCE {
            out.source.get_or_insert(attr);
        } else if path == FROM {
            out.from.get_or_insert(attr);
        } else if path == FIELD || path == MESSAGE {
            let name = if path == FIELD { FIELD } else { MESSAGE };
            if !matches!(attr.meta, Meta::Path(_)) {
                let value = if name == FIELD {
                    "the Oney field"
                } else {
                    "the message when it is Some"
                };
                cx.error_spanned_by(
                    attr,
                    format!(
                        "#[{name}] on a field takes no arguments: the field's value is {value}; \
                         a constant one is #[{name}(\"…\")] on the variant"
                    ),
                );
                continue;
            }
            let slot = if name == FIELD {
                &mut out.field
            } else {
                &mut out.message
            };
            set_once(cx, slot, attr, attr, name);
        } else if let Some(&name) = VARIANT_ONLY_ON_FIELD.iter().find(|&&n| path == n) {
            out.misplaced.push(name);
            cx.error_spanned_by(attr, format!("#[{name}] goes on a variant, not on a field"));
        }
    }
    out
}

/// `#[meta(key = "value", …)]`: each entry checked on its own, so that every mistake of
/// the attribute is reported at once; each key once per variant (or per enum) over all of
/// its `#[meta]` attributes.
fn meta_entries(cx: &mut Ctxt, attr: &Attribute, out: &mut Vec<MetaEntry>) {
    let Meta::List(list) = &attr.meta else {
        cx.error_spanned_by(attr, format!("expected {}", meta_example()));
        return;
    };
    if list.tokens.is_empty() {
        cx.error_spanned_by(
            attr,
            format!("empty #[{META}()]; expected {}", meta_example()),
        );
        return;
    }
    for entry in split_on_commas(list.tokens.clone()) {
        if entry.is_empty() {
            // `#[meta(a = "b",, c = "d")]`: no tokens of its own to point at.
            cx.error_spanned_by(&list.tokens, format!("expected {}", meta_example()));
            continue;
        }
        if let Some(entry) = meta_entry(cx, &entry) {
            if out.iter().any(|e| e.key_text() == entry.key_text()) {
                cx.error_spanned_by(
                    &entry.key,
                    format!("duplicate #[{META}] key `{}`", entry.key_text()),
                );
            } else {
                out.push(entry);
            }
        }
    }
}

/// The example every `#[meta]` error shows.
fn meta_example() -> String {
    format!("#[{META}(key = \"value\")], like #[{META}(stripe_type = \"card_error\")]")
}

/// One `key = "value"` of `#[meta(…)]`, or its mistake reported at the tokens at fault: a
/// key that is not one identifier, a missing `= "…"`, a value that is not a string.
fn meta_entry(cx: &mut Ctxt, tokens: &[TokenTree]) -> Option<MetaEntry> {
    let eq = tokens
        .iter()
        .position(|t| matches!(t, TokenTree::Punct(p) if p.as_char() == '='));
    let Some(eq) = eq else {
        let message = match tokens {
            [TokenTree::Ident(key)] => {
                let key = key.unraw();
                format!("#[{META}] key `{key}` has no value; write {key} = \"…\"")
            }
            _ => format!("expected {}", meta_example()),
        };
        cx.error_spanned_by(stream(tokens), message);
        return None;
    };
    let (key, value) = (&tokens[..eq], &tokens[eq + 1..]);
    let key = match key {
        [TokenTree::Ident(ident)] => Some(ident.clone()),
        _ => {
            let at = if key.is_empty() { &tokens[..=eq] } else { key };
            cx.error_spanned_by(
                stream(at),
                format!(
                    "expected an identifier as #[{META}] key, like #[{META}(stripe_type = \"…\")]"
                ),
            );
            None
        }
    };
    let value = match syn::parse2::<LitStr>(stream(value)) {
        Ok(lit) => Some(lit),
        Err(_) => {
            let at = if value.is_empty() {
                &tokens[eq..]
            } else {
                value
            };
            cx.error_spanned_by(
                stream(at),
                format!(
                    "expected a string literal as #[{META}] value, like #[{META}(stripe_type = \"card_error\")]"
                ),
            );
            None
        }
    };
    Some(MetaEntry {
        key: key?,
        value: value?,
    })
}

/// The entries of an attribute's list, split at its top-level commas; an empty entry after
/// a trailing comma is dropped, as Rust drops it.
fn split_on_commas(tokens: TokenStream) -> Vec<Vec<TokenTree>> {
    let mut entries = vec![Vec::new()];
    for token in tokens {
        match &token {
            TokenTree::Punct(p) if p.as_char() == ',' => entries.push(Vec::new()),
            _ => entries.last_mut().expect("one entry at least").push(token),
        }
    }
    if entries.last().is_some_and(Vec::is_empty) && entries.len() > 1 {
        entries.pop();
    }
    entries
}

fn stream(tokens: &[TokenTree]) -> TokenStream {
    tokens.iter().cloned().collect()
}

/// thiserror's `#[error(…)]`: a format string alone is [`ErrorAttr::Text`] (a trailing
/// comma allowed, as thiserror allows it); anything else is thiserror's to read and check.
fn error_attr(attr: &Attribute) -> ErrorAttr {
    let text = |input: ParseStream| -> syn::Result<Option<LitStr>> {
        if !input.peek(LitStr) {
            input.parse::<TokenStream>()?;
            return Ok(None);
        }
        let lit: LitStr = input.parse()?;
        let trailing_comma = input.peek(syn::Token![,]) && {
            let ahead = input.fork();
            ahead.parse::<syn::Token![,]>()?;
            ahead.is_empty()
        };
        let alone = input.is_empty() || trailing_comma;
        input.parse::<TokenStream>()?;
        Ok(alone.then_some(lit))
    };
    match attr.parse_args_with(text) {
        Ok(Some(lit)) => ErrorAttr::Text(lit),
        _ => ErrorAttr::Opaque,
    }
}

/// Checks one code: non-empty, no whitespace, no control characters.
fn check_code(cx: &mut Ctxt, lit: &LitStr) {
    let code = lit.value();
    if code.is_empty() {
        cx.error_spanned_by(lit, format!("#[{CODE}] must not be empty"));
    } else if let Some(c) = code.chars().find(|c| c.is_whitespace() || c.is_control()) {
        cx.error_spanned_by(
            lit,
            format!("#[{CODE}] must not contain whitespace or control characters, found {c:?}"),
        );
    }
}

fn check_not_blank(cx: &mut Ctxt, lit: &LitStr, name: Symbol) {
    if lit.value().trim().is_empty() {
        cx.error_spanned_by(lit, format!("#[{name}] must not be empty"));
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
                    "{STATUS} must be in 400..=599 (an error status), found {}",
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

/// `#[retry_after(5)]`: a whole number of seconds, as `Retry-After` sends it.
fn retry_after(cx: &mut Ctxt, attr: &Attribute) -> Option<RetryAfter> {
    let example = format!("#[{RETRY_AFTER}(5)]");
    let message = format!("expected a whole number of seconds, like {example}");
    match single_arg::<Lit>(cx, attr, &example)? {
        Lit::Int(lit) => match lit.base10_parse::<u32>() {
            Ok(seconds) if lit.suffix().is_empty() => Some(RetryAfter { seconds, lit }),
            _ => {
                cx.error_spanned_by(&lit, message);
                None
            }
        },
        other => {
            cx.error_spanned_by(other, message);
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
                format!("expected an ISO 639-1 language code, like #[{DESCRIPTION}(ja = \"…\")]"),
            );
        } else if out.iter().any(|(l, _)| *l == lang) {
            cx.error_spanned_by(
                &meta.path,
                format!("duplicate #[{DESCRIPTION}] for language `{lang}`"),
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

/// Whether `#[message(…)]` / `#[title(…)]` holds translations (`ja = "…"`) rather than the
/// default text.
fn is_translations(attr: &Attribute) -> bool {
    let Meta::List(list) = &attr.meta else {
        return false;
    };
    let mut tokens = list.tokens.clone().into_iter();
    matches!(
        (tokens.next(), tokens.next()),
        (Some(TokenTree::Ident(_)), Some(TokenTree::Punct(p))) if p.as_char() == '='
    )
}

/// `#[message(ja = "…", th = "…")]` or `#[title(ja = "…")]`: texts by language, each
/// language once per variant (over all such attributes of `name`).
fn lang_texts(cx: &mut Ctxt, attr: &Attribute, name: Symbol, out: &mut Vec<LangText>) {
    let result = attr.parse_nested_meta(|meta| {
        let key = meta.path.clone();
        let text: LitStr = meta.value()?.parse()?;
        let lang = path_text(&key).replace('_', "-");
        if !is_language_tag(&lang) {
            cx.error_spanned_by(
                &key,
                format!(
                    "`{}` is not a language tag; write one like `ja`, or `pt_BR` for pt-BR",
                    path_text(&key)
                ),
            );
        } else if out.iter().any(|t| t.lang.eq_ignore_ascii_case(&lang)) {
            cx.error_spanned_by(&key, format!("duplicate #[{name}] for language `{lang}`"));
        } else {
            if name == TITLE {
                check_not_blank(cx, &text, TITLE);
            }
            out.push(LangText { lang, key, text });
        }
        Ok(())
    });
    if let Err(err) = result {
        cx.syn_error(err);
    }
}

/// A language tag as a body may be labelled with (RFC 5646's shape): subtags of 1 to 8
/// letters or digits separated by `-`, the first of 2 to 8 letters.
pub fn is_language_tag(tag: &str) -> bool {
    tag.len() <= 35
        && tag.split('-').enumerate().all(|(i, sub)| {
            if i == 0 {
                (2..=8).contains(&sub.len()) && sub.bytes().all(|b| b.is_ascii_alphabetic())
            } else {
                (1..=8).contains(&sub.len()) && sub.bytes().all(|b| b.is_ascii_alphanumeric())
            }
        })
}

/// Consumes the value of an unknown `key = value` or `key(…)`, so that one unknown key gives
/// one error rather than a parse error on its value as well.
fn skip_value(meta: &ParseNestedMeta) -> syn::Result<()> {
    meta.input.step(|cursor| {
        let mut rest = *cursor;
        while let Some((tree, next)) = rest.token_tree() {
            if matches!(&tree, TokenTree::Punct(p) if p.as_char() == ',') {
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

/// Stores a variant or field attribute's value, or reports the attribute written twice.
fn set_once<T, S: ToTokens>(cx: &mut Ctxt, slot: &mut Option<T>, value: T, at: S, name: Symbol) {
    if slot.is_some() {
        cx.error_spanned_by(at, format!("duplicate #[{name}] attribute"));
    } else {
        *slot = Some(value);
    }
}

/// Stores a `key = value` of `#[api_error(…)]`, or reports the key written twice.
fn set_container_once<T>(cx: &mut Ctxt, slot: &mut Option<T>, value: T, key: &Path) {
    if slot.is_some() {
        report_duplicate_key(cx, key);
    } else {
        *slot = Some(value);
    }
}

fn flag_once(cx: &mut Ctxt, flag: &mut bool, key: &Path) {
    if *flag {
        report_duplicate_key(cx, key);
    }
    *flag = true;
}

fn report_duplicate_key(cx: &mut Ctxt, key: &Path) {
    cx.error_spanned_by(
        key,
        format!("duplicate {API_ERROR} attribute `{}`", path_text(key)),
    );
}

fn path_text(path: &Path) -> String {
    path.to_token_stream().to_string().replace(' ', "")
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The attributes the derive declares, in the order `lib.rs` lists them.
    const DECLARED: [Symbol; 12] = [
        API_ERROR,
        STATUS,
        CODE,
        MESSAGE,
        TITLE,
        DESCRIPTION,
        FIELD,
        SOURCE,
        FROM,
        GRPC,
        META,
        RETRY_AFTER,
    ];

    /// `lib.rs` must name the attributes literally; this keeps its list and the table equal.
    #[test]
    fn declared_attributes_match_lib_rs() {
        let lib = include_str!("lib.rs");
        let start =
            lib.find("attributes(").expect("attributes list in lib.rs") + "attributes(".len();
        let end = start + lib[start..].find(')').expect("end of the attributes list");
        let listed: Vec<&str> = lib[start..end]
            .split(',')
            .map(str::trim)
            .filter(|name| !name.is_empty())
            .collect();
        let table: Vec<String> = DECLARED.iter().map(ToString::to_string).collect();
        assert_eq!(listed, table);
    }
}
