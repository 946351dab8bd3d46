//! The error accumulator, after serde_derive's: every check records its error here and the
//! expansion goes on, so the user sees all of their mistakes in one compile.

use std::fmt::Display;
use std::thread;

use quote::ToTokens;

/// Collects errors; must end in [`Ctxt::check`]. Dropping it unchecked panics, so that no
/// code path can record an error and then forget to report it.
#[derive(Default)]
pub struct Ctxt {
    errors: Vec<syn::Error>,
    checked: bool,
}

impl Ctxt {
    pub fn new() -> Self {
        Ctxt::default()
    }

    /// Records an error spanned at `tokens`.
    pub fn error_spanned_by<T: ToTokens, M: Display>(&mut self, tokens: T, message: M) {
        self.errors.push(syn::Error::new_spanned(tokens, message));
    }

    /// Records an error syn already built (with its own span).
    pub fn syn_error(&mut self, error: syn::Error) {
        self.errors.push(error);
    }

    /// All recorded errors as one `syn::Error`, or `Ok` when there were none.
    pub fn check(mut self) -> syn::Result<()> {
        self.checked = true;
        let mut errors = std::mem::take(&mut self.errors).into_iter();
        let Some(mut combined) = errors.next() else {
            return Ok(());
        };
        for error in errors {
            combined.combine(error);
        }
        Err(combined)
    }
}

impl Drop for Ctxt {
    fn drop(&mut self) {
        // While unwinding, the panic in flight says more than this one would.
        if !self.checked && !thread::panicking() {
            panic!("apierror-macros: Ctxt dropped without check(); its errors would be lost");
        }
    }
}

#[cfg(test)]
mod tests {
    use super::Ctxt;

    #[test]
    fn reports_every_error_at_once() {
        let mut cx = Ctxt::new();
        cx.error_spanned_by(quote::quote!(a), "first");
        cx.error_spanned_by(quote::quote!(b), "second");
        let messages: Vec<String> = cx
            .check()
            .unwrap_err()
            .into_iter()
            .map(|e| e.to_string())
            .collect();
        assert_eq!(messages, ["first", "second"]);
    }

    #[test]
    #[should_panic(expected = "without check()")]
    fn panics_when_dropped_unchecked() {
        let mut cx = Ctxt::new();
        cx.error_spanned_by(quote::quote!(a), "lost");
    }
}
