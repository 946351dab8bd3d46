//! Rust source written as text, for the part of the output that is literals only: the
//! per-variant tables (`VariantMeta`, `JsonParts`).
//!
//! A derive runs unoptimized in a debug build, and each token `quote!` makes, and each
//! stream it splices into another, is a call across the compiler's proc-macro bridge. A
//! table of a thousand variants is most of the derive's output; written as text, the
//! compiler lexes it in one call. No span is lost: a table holds no token of the user's
//! code, and validation has reported every mistake before this runs.

use std::fmt::{Display, Write};

use proc_macro2::TokenStream;
use quote::quote;

/// Rust source under construction: expressions of `__a::…` items and literals.
#[derive(Default)]
pub(super) struct Source(String);

impl Source {
    /// Code as written.
    pub fn code(&mut self, code: &str) -> &mut Self {
        self.0.push_str(code);
        self
    }

    /// A string literal holding `text`. `{:?}` writes a valid Rust string literal: quotes,
    /// backslashes and control characters escaped, the rest as is.
    pub fn str(&mut self, text: &str) -> &mut Self {
        let _ = write!(self.0, "{text:?}");
        self
    }

    /// A number, or anything else whose `Display` is Rust source.
    pub fn display(&mut self, value: impl Display) -> &mut Self {
        let _ = write!(self.0, "{value}");
        self
    }

    /// `__a::Some("…")` or `__a::None`.
    pub fn option_str(&mut self, text: Option<&str>) -> &mut Self {
        match text {
            Some(text) => self.code("__a::Some(").str(text).code(")"),
            None => self.code("__a::None"),
        }
    }

    /// `name: "…",`.
    pub fn str_member(&mut self, name: &str, text: &str) -> &mut Self {
        self.code(name).code(": ").str(text).code(",")
    }

    /// The tokens of the source. Text this module writes always lexes; were it not to, the
    /// error would name the derive rather than panic.
    ///
    /// Inside a derive the compiler's own lexer reads it: `proc_macro2` would first lex it
    /// again with its own, unoptimized in a debug build, which costs more than the text
    /// saves.
    pub fn into_tokens(self) -> TokenStream {
        let lexed = match proc_macro::is_available() {
            true => self
                .0
                .parse::<proc_macro::TokenStream>()
                .map(TokenStream::from)
                .map_err(drop),
            false => self.0.parse::<TokenStream>().map_err(drop),
        };
        lexed.unwrap_or_else(|()| {
            quote!(::core::compile_error!(
                "apierror: the derive wrote a table that does not lex; please report it"
            );)
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn string_literals_read_back_as_their_text() {
        for text in [
            "plain",
            "quote \" and \\ back",
            "tab\tnew\nline\r\0",
            "ja 日本語",
            "\u{301}e",
        ] {
            let mut source = Source::default();
            source.str(text);
            let literal: syn::LitStr = syn::parse_str(&source.0).unwrap();
            assert_eq!(literal.value(), text);
        }
    }

    #[test]
    fn options_and_members() {
        let mut source = Source::default();
        source
            .option_str(Some("a"))
            .code(" ")
            .option_str(None)
            .code(" ")
            .str_member("code", "x")
            .display(404u16);
        assert_eq!(source.0, r#"__a::Some("a") __a::None code: "x",404"#);
    }
}
