//! The [`garde`](https://docs.rs/garde) crate's reports as a [`ValidationFailure`]
//! (feature `garde`).
//!
//! Each `(path, error)` of a [`Report`] becomes a [`FieldViolation`], in the report's order
//! (the order garde validated the fields in): its path is garde's (`items[2].sku`), its code
//! `invalid` (garde's errors carry no code) and its message garde's own, in English.
//!
//! The path is read segment by segment, keys and list indices apart, so that a map key
//! holding a `.` or a `[` stays one member. garde documents no accessor for that; this reads
//! `Path::__iter`, the method its own `select!` macro expands to, and is tested against the
//! `garde` release the `Cargo.toml` names.
//!
//! ```
//! use apierror::validation::ValidationFailure;
//! use apierror::Notation;
//! use garde::Validate;
//!
//! #[derive(Validate)]
//! struct Item {
//!     #[garde(length(min = 3))]
//!     sku: String,
//! }
//!
//! #[derive(Validate)]
//! struct Order {
//!     #[garde(dive)]
//!     items: Vec<Item>,
//! }
//!
//! let order = Order { items: vec![Item { sku: "abc".into() }, Item { sku: "x".into() }] };
//! let failure = ValidationFailure::from(&order.validate().unwrap_err());
//! let v = &failure.list()[0];
//! assert_eq!(v.path().display(Notation::Dotted).to_string(), "items[1].sku");
//! assert_eq!(v.code_text(), "invalid");
//! assert_eq!(apierror::Message::new(v).to_string(), "length is lower than 3");
//! ```

use ::garde::error::Kind;
use ::garde::{Path, Report};
use apierror_runtime::{FieldPath, FieldViolation, Rule, MAX_VIOLATIONS};

use super::ValidationFailure;

/// Under the default summary, [`InvalidFields`](super::InvalidFields); for one of your own
/// catalog, `ValidationFailure::from(&report).summarized_by(MyError::Invalid)`.
impl From<&Report> for ValidationFailure {
    fn from(report: &Report) -> Self {
        let errors = report.iter();
        let mut kept = Vec::with_capacity(errors.size_hint().0.min(MAX_VIOLATIONS));
        let mut omitted = 0;
        for (path, error) in errors {
            if kept.len() < MAX_VIOLATIONS {
                let v = FieldViolation::new(field_path(path), "invalid", Rule::Other);
                kept.push(v.with_message(error.message().to_owned()));
            } else {
                omitted += 1;
            }
        }
        ValidationFailure::from_parts(kept, omitted)
    }
}

/// Under the default summary, [`InvalidFields`](super::InvalidFields).
impl From<Report> for ValidationFailure {
    fn from(report: Report) -> Self {
        ValidationFailure::from(&report)
    }
}

/// garde's path as a [`FieldPath`]: its keys and indices from the outside in; a component
/// without a key (an `Option`'s content) adds nothing.
fn field_path(path: &Path) -> FieldPath {
    let mut out = FieldPath::new();
    // garde keeps a path innermost first.
    for (kind, component) in path.__iter().rev() {
        match kind {
            Kind::Key => out.push_key(component.as_str().to_owned()),
            Kind::Index => match component.parse() {
                Ok(index) => out.push_index(index),
                Err(_) => out.push_key(component.as_str().to_owned()),
            },
            Kind::None => {}
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use apierror_runtime::{ApiError, Message, Notation};

    #[test]
    fn paths_keep_their_segments_and_the_report_its_order() {
        let mut report = Report::new();
        report.append(
            Path::new("items").join(2).join("sku"),
            garde::Error::new("length is lower than 3"),
        );
        report.append(
            Path::new("prices").join("a.b[0]"),
            garde::Error::new("lower than 0"),
        );
        report.append(Path::empty(), garde::Error::new("totals differ"));
        report.append(
            Path::new("note").join(garde::error::NoKey::default()),
            garde::Error::new("not ascii"),
        );
        let failure = ValidationFailure::from(&report);
        let listed: Vec<_> = failure
            .list()
            .iter()
            .map(|v| {
                (
                    v.path().display(Notation::Dotted).to_string(),
                    v.code_text(),
                    Message::new(v).to_string(),
                )
            })
            .collect();
        assert_eq!(
            listed,
            [
                (
                    "items[2].sku".to_owned(),
                    "invalid",
                    "length is lower than 3".to_owned()
                ),
                (
                    r#"prices["a.b[0]"]"#.to_owned(),
                    "invalid",
                    "lower than 0".to_owned()
                ),
                ("".to_owned(), "invalid", "totals differ".to_owned()),
                ("note".to_owned(), "invalid", "not ascii".to_owned()),
            ]
        );
        assert_eq!(failure.status(), 422);
        assert_eq!(ValidationFailure::from(report).list(), failure.list());
    }

    #[test]
    fn at_most_max_violations_are_kept() {
        let mut report = Report::new();
        for i in 0..MAX_VIOLATIONS + 3 {
            report.append(Path::new("items").join(i), garde::Error::new("bad"));
        }
        let failure = ValidationFailure::from(&report);
        assert_eq!(failure.list().len(), MAX_VIOLATIONS);
        assert_eq!(failure.omitted(), 3);
    }
}
