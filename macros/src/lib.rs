//! The `#[derive(ApiError)]` macro of [`apierror`](https://docs.rs/apierror).
//!
//! The pipeline is parse (`ast`, `attr`, `template`) → validate (`valid`) → expand
//! (`expand`), with the facts the model implies answered in `prop` and type shapes in `ty`.
//! Every mistake found on the way is collected in a `ctxt::Ctxt` and reported at once, each
//! spanned at the literal or attribute at fault.

mod ast;
mod attr;
mod case;
mod ctxt;
mod error_template;
mod expand;
#[cfg(test)]
mod fuzz_tests;
mod json;
mod prop;
mod template;
mod ty;
mod valid;

use proc_macro::TokenStream;
use syn::{parse_macro_input, DeriveInput};

/// Derives `apierror::ApiError`. See the `apierror` crate for the attributes.
///
/// The attribute names below must stay literal; `attr`'s table holds the same list.
#[proc_macro_derive(
    ApiError,
    attributes(
        api_error,
        status,
        code,
        message,
        title,
        description,
        field,
        source,
        from,
        grpc,
        meta,
        retry_after
    )
)]
pub fn derive_api_error(input: TokenStream) -> TokenStream {
    let input = parse_macro_input!(input as DeriveInput);
    expand::derive(&input).into()
}
