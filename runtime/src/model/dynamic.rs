//! [`DynamicError`]: an error built at run time from a variant's metadata and named
//! arguments, for tools, docs and tests that know a catalog entry but not its Rust type.

use core::fmt;

use crate::model::api_error::ApiError;
use crate::model::catalog::TemplatePiece;
use crate::model::catalog::{Catalog, VariantMeta};
use crate::model::message::MessageSink;

/// Why a [`DynamicError`] could not be built from its arguments.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum ArgsError {
    /// The message template has placeholders no argument was given for.
    #[error("`{code}` needs {}: {}", plural(.missing.len(), "argument"), .missing.join(", "))]
    Missing {
        /// The variant's code.
        code: &'static str,
        /// The placeholders without a value, in template order.
        missing: Vec<&'static str>,
    },
    /// An argument names no field of the variant.
    #[error("`{code}` has no field `{name}`; its fields: {}", list_or_none(.fields))]
    Unknown {
        /// The variant's code.
        code: &'static str,
        /// The argument's name.
        name: String,
        /// The variant's field names.
        fields: &'static [&'static str],
    },
}

fn plural(n: usize, word: &str) -> String {
    if n == 1 {
        word.to_owned()
    } else {
        format!("{word}s")
    }
}

fn list_or_none(fields: &[&str]) -> String {
    if fields.is_empty() {
        "none".to_owned()
    } else {
        fields.join(", ")
    }
}

/// An [`ApiError`] made of a `&'static VariantMeta` and named arguments.
///
/// It renders exactly as the derived variant would: same status, code, title, and the
/// message template (`meta.pieces`) filled with the arguments. A variant whose message is
/// overridable (a `message` field, as in the Omise catalog's `InvalidCharge`) takes the
/// override as the argument `message`; the Oney `field` is the argument `field` or the
/// variant's constant `#[field("…")]`.
///
/// Its [`ApiError::catalog`] is empty: a `DynamicError` can stand for a variant of any
/// catalog, so it has none of its own; use the catalog the metadata came from.
///
/// ```
/// use apierror::{ApiError, DynamicError};
///
/// #[derive(Debug, ApiError)]
/// enum ChargeError {
///     #[status(400)]
///     #[code("invalid_charge")]
///     #[message("amount must be at least {min} {currency}")]
///     InvalidCharge { min: u64, currency: String },
/// }
///
/// let meta = ChargeError::catalog().find("invalid_charge").unwrap();
/// let err = DynamicError::new(meta, [("min", "2000"), ("currency", "thb")])?;
/// assert_eq!(err.code(), "invalid_charge");
/// assert_eq!(err.message().to_string(), "amount must be at least 2000 thb");
///
/// let missing = DynamicError::new(meta, [("min", "2000")]).unwrap_err();
/// assert_eq!(missing.to_string(), "`invalid_charge` needs argument: currency");
/// # Ok::<(), apierror::ArgsError>(())
/// ```
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DynamicError {
    meta: &'static VariantMeta,
    args: Vec<(String, String)>,
}

static EMPTY: Catalog = Catalog {
    name: "DynamicError",
    variants: &[],
};

impl DynamicError {
    /// The error of variant `meta` with these arguments (`name`, `value`).
    ///
    /// Every placeholder of the template needs an argument; an argument must name a field
    /// of the variant (or be `field`, the Oney field). A later argument of the same name
    /// replaces an earlier one.
    pub fn new<N, V>(
        meta: &'static VariantMeta,
        args: impl IntoIterator<Item = (N, V)>,
    ) -> Result<Self, ArgsError>
    where
        N: Into<String>,
        V: Into<String>,
    {
        let mut kept: Vec<(String, String)> = Vec::new();
        for (name, value) in args {
            let (name, value) = (name.into(), value.into());
            if name != "field" && !meta.fields.contains(&name.as_str()) {
                return Err(ArgsError::Unknown {
                    code: meta.code,
                    name,
                    fields: meta.fields,
                });
            }
            kept.retain(|(n, _)| *n != name);
            kept.push((name, value));
        }
        let missing: Vec<&'static str> = meta
            .placeholders()
            .filter(|p| !kept.iter().any(|(n, _)| n == p))
            .collect();
        if !missing.is_empty() {
            return Err(ArgsError::Missing {
                code: meta.code,
                missing,
            });
        }
        Ok(DynamicError { meta, args: kept })
    }

    /// The value given for `name`.
    pub fn arg(&self, name: &str) -> Option<&str> {
        self.args
            .iter()
            .find(|(n, _)| n == name)
            .map(|(_, v)| v.as_str())
    }
}

impl ApiError for DynamicError {
    fn catalog() -> &'static Catalog {
        &EMPTY
    }

    fn meta(&self) -> &'static VariantMeta {
        self.meta
    }

    fn write_message(&self, out: &mut dyn MessageSink) -> fmt::Result {
        // `field` is the Oney field, never the message override, unless the variant has a
        // field of that name.
        let is_override = |n: &str| n == "message" && !self.meta.placeholders().any(|p| p == n);
        if let Some((_, text)) = self.args.iter().find(|(n, _)| is_override(n)) {
            return out.value(text);
        }
        if self.meta.pieces.is_empty() {
            // No `#[message]`: the derived type's `Display` would speak; the title is the
            // closest text known from metadata alone.
            return out.value(&self.meta.title);
        }
        for piece in self.meta.pieces {
            match piece {
                // The sink wants a compile-time escaped copy of literals, which metadata
                // lacks; as a value the text is escaped by the sink itself.
                TemplatePiece::Literal(text) => out.value(text)?,
                TemplatePiece::Field(name) => out.value(&self.arg(name).unwrap_or(""))?,
            }
        }
        Ok(())
    }

    fn for_each_value(&self, visit: &mut dyn FnMut(&'static str, &dyn fmt::Display)) {
        for name in self.meta.placeholders() {
            visit(name, &self.arg(name).unwrap_or(""));
        }
    }

    fn field(&self) -> Option<&dyn fmt::Display> {
        match self.args.iter().find(|(n, _)| n == "field") {
            Some((_, field)) => Some(field),
            None => self.meta.field.as_ref().map(|f| f as &dyn fmt::Display),
        }
    }

    fn field_text(&self) -> Option<&str> {
        match self.args.iter().find(|(n, _)| n == "field") {
            Some((_, field)) => Some(field.as_str()),
            None => self.meta.field,
        }
    }
}
