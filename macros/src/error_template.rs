//! thiserror's `#[error("…")]` read as a variant's message template where `#[message]` is
//! absent, so that a type written for thiserror alone gets what a `#[message]` gives: the
//! client captures its fields back from a received message, the Google format writes them
//! as `ErrorInfo.metadata`, and the JSON formats write the message without the formatting
//! machinery.
//!
//! A text is the template only where the message it renders is exactly thiserror's
//! `Display`, and where it may go on the wire; any other variant keeps the type's `Display`
//! as its message, opaque, as a variant without `#[error]` does (see [`Unread`] for each
//! reason). Nothing here reports an error: thiserror checks its own attribute, and a text
//! the derive cannot read is still a valid message.

use syn::LitStr;

use crate::attr::ErrorAttr;
use crate::template::{self, placeholders_of, Arg, Piece};
use crate::ty;

/// Why a variant's `#[error]` is not its template.
#[derive(Debug, PartialEq, Eq)]
pub enum Unread {
    /// `transparent`, `fmt = …`, or a format string with arguments after it
    /// (`#[error("{}", .0.len())]`, `#[error("{n}", n = …)]`): expressions the client cannot
    /// read back from a message.
    Opaque,
    /// A format string the template parser does not take: a width or precision from an
    /// argument (`{:1$}`, `{:.*}`), or one `format!` itself rejects.
    Unparsed,
    /// A placeholder that is not a field of the variant: thiserror leaves it to `format!`,
    /// which may find a constant of that name in scope.
    NotAField,
    /// A `Path` or `PathBuf` field printed without a spec: thiserror prints it through
    /// `.display()`, as it has no `Display` of its own.
    PathDisplay,
    /// A server error (5xx): thiserror's text is written for the log, and may name what a
    /// client must not see (a host, a query, a source's words) even as a literal, so it stays
    /// off the wire (`ApiError::write_public_message` writes the canonical reason). A 5xx
    /// that means to tell clients something says it in `#[message]`.
    ServerErrorText,
}

/// The template of `attr` over the variant's fields (`type_of` gives the type of the field a
/// placeholder prints, `None` where it prints none), sent with `status`, or why it is not
/// one.
pub fn read<'t>(
    attr: &ErrorAttr,
    type_of: &dyn Fn(&Arg) -> Option<&'t syn::Type>,
    status: Option<u16>,
) -> Result<(LitStr, Vec<Piece>), Unread> {
    let ErrorAttr::Text(lit) = attr else {
        return Err(Unread::Opaque);
    };
    if status.is_some_and(|s| s >= 500) {
        return Err(Unread::ServerErrorText);
    }
    let pieces = template::parse(&lit.value()).map_err(|_| Unread::Unparsed)?;
    for (arg, spec) in placeholders_of(&pieces) {
        let ty = type_of(arg).ok_or(Unread::NotAField)?;
        if spec.is_none() && ty::mentions_path(ty) {
            return Err(Unread::PathDisplay);
        }
    }
    Ok((lit.clone(), pieces))
}

#[cfg(test)]
mod tests {
    use syn::ext::IdentExt;
    use syn::{Attribute, DeriveInput};

    use super::*;
    use crate::attr;
    use crate::ctxt::Ctxt;

    /// The result of reading the first variant's `#[error]` of `input` with `status`.
    fn read_first(input: &str, status: u16) -> Result<String, Unread> {
        let input: DeriveInput = syn::parse_str(input).unwrap();
        let syn::Data::Enum(data) = &input.data else {
            unreachable!()
        };
        let variant = &data.variants[0];
        let mut cx = Ctxt::new();
        let attrs: &[Attribute] = &variant.attrs;
        let error = attr::variant(&mut cx, attrs).error.unwrap();
        // The field a placeholder prints, as the derive's model finds it: by name, or by
        // index in a tuple variant.
        let tuple = matches!(variant.fields, syn::Fields::Unnamed(_));
        let type_of = |arg: &Arg| match arg {
            Arg::Named(name) if !tuple => variant
                .fields
                .iter()
                .find(|f| f.ident.as_ref().is_some_and(|i| i.unraw() == name))
                .map(|f| &f.ty),
            Arg::Index(index) if tuple => variant.fields.iter().nth(*index).map(|f| &f.ty),
            _ => None,
        };
        let result = read(&error, &type_of, Some(status)).map(|(lit, _)| lit.value());
        cx.check().unwrap();
        result
    }

    #[test]
    fn reads_format_strings_over_fields() {
        let ok = |input: &str| read_first(input, 404).unwrap();
        assert_eq!(
            ok(r#"enum E { #[error("order {id} was not found")] A { id: u64 } }"#),
            "order {id} was not found"
        );
        assert_eq!(
            ok(r#"enum E { #[error("{0:?} and {1:>5}")] A(u8, String) }"#),
            "{0:?} and {1:>5}"
        );
        assert_eq!(
            ok(r#"enum E { #[error("{{literal}} {0}",)] A(u8) }"#),
            "{{literal}} {0}"
        );
        assert_eq!(
            ok(r#"enum E { #[error("{path:?}")] A { path: PathBuf } }"#),
            "{path:?}"
        );
        assert_eq!(
            ok(r#"enum E { #[error("{type}")] A { r#type: String } }"#),
            "{type}"
        );
    }

    #[test]
    fn leaves_what_cannot_be_read_back() {
        let why = |input: &str| read_first(input, 400).unwrap_err();
        assert_eq!(
            why(r#"enum E { #[error(transparent)] A(Other) }"#),
            Unread::Opaque
        );
        assert_eq!(
            why(r#"enum E { #[error(fmt = path::to)] A(u8) }"#),
            Unread::Opaque
        );
        assert_eq!(
            why(r#"enum E { #[error("{}", .0.len())] A(Vec<u8>) }"#),
            Unread::Opaque
        );
        assert_eq!(
            why(r#"enum E { #[error("{n}", n = .0)] A(u8) }"#),
            Unread::Opaque
        );
        assert_eq!(
            why(r#"enum E { #[error("{0:1$}")] A(u8, usize) }"#),
            Unread::Unparsed
        );
        assert_eq!(
            why(r#"enum E { #[error("{LIMIT}")] A { id: u8 } }"#),
            Unread::NotAField
        );
        assert_eq!(
            why(r#"enum E { #[error("{0}")] A { id: u8 } }"#),
            Unread::NotAField
        );
        assert_eq!(
            why(r#"enum E { #[error("{id}")] A(u8) }"#),
            Unread::NotAField
        );
        assert_eq!(
            why(r#"enum E { #[error("{0}")] A(&'static Path) }"#),
            Unread::PathDisplay
        );
    }

    #[test]
    fn server_errors_keep_their_text_off_the_wire() {
        let at_503 = |input: &str| read_first(input, 503);
        for input in [
            r#"enum E { #[error("retry in {0} s")] A(u32) }"#,
            r#"enum E { #[error("database unavailable")] A(#[source] Io) }"#,
            r#"enum E { #[error("connection to db-7 refused")] A }"#,
            r#"enum E { #[error("database: {0}")] A(#[source] Io) }"#,
            r#"enum E { #[error("database: {0}")] A(#[from] Io) }"#,
            r#"enum E { #[error("database: {0}")] A(String) }"#,
            r#"enum E { #[error("upstream: {0}")] A(Upstream) }"#,
        ] {
            assert_eq!(
                at_503(input).unwrap_err(),
                Unread::ServerErrorText,
                "{input}"
            );
        }
    }
}
