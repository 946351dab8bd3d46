//! The [`validator`](https://docs.rs/validator) crate's errors as a [`ValidationFailure`]
//! (feature `validator`).
//!
//! Every error of every field becomes a [`FieldViolation`]:
//!
//! - its path is the field's place in the value, nested structs and lists included
//!   (`items[2].sku`); a struct-level error (`#[validate(schema(…))]`, reported under
//!   `__all__`) is at the path of the struct it is about (the empty path for the top one);
//! - its code is validator's code (`length`, `range`, `email`, or your own);
//! - its [`Rule`] is the one validator names by that code, with the limits validator
//!   passed as parameters (`min`, `max`, `equal`, `exclusive_min`, `exclusive_max`, and
//!   the `needle` of `contains` / `does_not_contain`), so that the default message names
//!   them ("must be at least 3 characters");
//! - a `message` given to the validator replaces that default.
//!
//! The rejected value is never written: validator passes it as the `value` parameter, which
//! is not read, and `must_match`'s `other` parameter, which holds the *other field's value*
//! (not its name), is not read either.
//!
//! validator keeps its errors in hash maps: the violations are put in a fixed order, the
//! members of each struct by name and the elements of each list by index, so that the same
//! request gets the same body. The names are the Rust field names validator reports
//! (validator does not read `#[serde(rename)]`).
//!
//! ```
//! use apierror::validation::ValidationFailure;
//! use apierror::{ApiError, Notation};
//! use validator::Validate;
//!
//! #[derive(Validate)]
//! struct Item {
//!     #[validate(length(min = 3))]
//!     sku: String,
//! }
//!
//! #[derive(Validate)]
//! struct Order {
//!     #[validate(email(message = "is not an email address"))]
//!     email: String,
//!     #[validate(nested)]
//!     items: Vec<Item>,
//! }
//!
//! let order = Order {
//!     email: "nobody".into(),
//!     items: vec![Item { sku: "abc".into() }, Item { sku: "x".into() }],
//! };
//! let failure = ValidationFailure::from(&order.validate().unwrap_err());
//! let listed: Vec<_> = failure
//!     .list()
//!     .iter()
//!     .map(|v| {
//!         let path = v.path().display(Notation::Dotted).to_string();
//!         (path, v.code_text().to_owned(), apierror::Message::new(v).to_string())
//!     })
//!     .collect();
//! assert_eq!(
//!     listed,
//!     [
//!         ("email".into(), "email".into(), "is not an email address".into()),
//!         ("items[1].sku".into(), "length".into(), "must be at least 3 characters".into()),
//!     ]
//! );
//! assert_eq!(failure.status(), 422);
//! ```

use std::borrow::Cow;
use std::collections::HashMap;

use ::validator::{ValidationError, ValidationErrors, ValidationErrorsKind};
use apierror_runtime::{FieldPath, FieldViolation, Rule, MAX_VIOLATIONS};
use serde_json::Value;

use super::ValidationFailure;

/// The key validator reports a struct-level (schema) error under.
const STRUCT_LEVEL: &str = "__all__";
/// The key validator's list impls report under before a parent names the field.
const UNNAMED_LIST: &str = "_tmp_validator";

/// Under the default summary, [`InvalidFields`](super::InvalidFields); for one of your own
/// catalog, `ValidationFailure::from(&errors).summarized_by(MyError::Invalid)`.
impl From<&ValidationErrors> for ValidationFailure {
    fn from(errors: &ValidationErrors) -> Self {
        let mut out = Collected {
            kept: Vec::with_capacity(count(errors).min(MAX_VIOLATIONS)),
            omitted: 0,
        };
        walk(errors, &mut Vec::new(), &mut out);
        ValidationFailure::from_parts(out.kept, out.omitted)
    }
}

/// Under the default summary, [`InvalidFields`](super::InvalidFields).
impl From<ValidationErrors> for ValidationFailure {
    fn from(errors: ValidationErrors) -> Self {
        ValidationFailure::from(&errors)
    }
}

/// One step of the path to the struct being walked: a member, or a list's element.
#[derive(Clone, Copy)]
enum Step<'e> {
    Key(&'e Cow<'static, str>),
    Index(usize),
}

/// The violations kept (at most [`MAX_VIOLATIONS`]) and how many more there were: a request
/// with thousands of invalid elements makes no more than that many.
struct Collected {
    kept: Vec<FieldViolation>,
    omitted: usize,
}

impl Collected {
    fn push(&mut self, steps: &[Step<'_>], error: &ValidationError) {
        if self.kept.len() < MAX_VIOLATIONS {
            self.kept.push(violation(path(steps), error));
        } else {
            self.omitted += 1;
        }
    }
}

/// How many errors `errors` holds, nested ones included.
fn count(errors: &ValidationErrors) -> usize {
    errors
        .0
        .values()
        .map(|kind| match kind {
            ValidationErrorsKind::Field(list) => list.len(),
            ValidationErrorsKind::Struct(inner) => count(inner),
            ValidationErrorsKind::List(elements) => elements.values().map(|e| count(e)).sum(),
        })
        .sum()
}

/// The violations of `errors`, the struct at `steps`: members by name, each list's
/// elements by index.
fn walk<'e>(errors: &'e ValidationErrors, steps: &mut Vec<Step<'e>>, out: &mut Collected) {
    let mut members: Vec<(&Cow<'static, str>, &ValidationErrorsKind)> =
        Vec::with_capacity(errors.0.len());
    members.extend(&errors.0);
    members.sort_unstable_by(|a, b| a.0.cmp(b.0));
    for (name, kind) in members {
        let named = name != STRUCT_LEVEL && name != UNNAMED_LIST;
        if named {
            steps.push(Step::Key(name));
        }
        match kind {
            ValidationErrorsKind::Field(list) => {
                for error in list {
                    out.push(steps, error);
                }
            }
            ValidationErrorsKind::Struct(inner) => walk(inner, steps, out),
            // A `BTreeMap`: in index order already.
            ValidationErrorsKind::List(elements) => {
                for (index, inner) in elements {
                    steps.push(Step::Index(*index));
                    walk(inner, steps, out);
                    steps.pop();
                }
            }
        }
        if named {
            steps.pop();
        }
    }
}

/// The path of `steps`, in one allocation for the usual depths.
fn path(steps: &[Step<'_>]) -> FieldPath {
    let mut path = FieldPath::new();
    for step in steps {
        match step {
            Step::Key(name) => path.push_key(Cow::clone(name)),
            Step::Index(index) => path.push_index(*index),
        }
    }
    path
}

/// One error of validator's as a violation at `path`.
fn violation(path: FieldPath, error: &ValidationError) -> FieldViolation {
    let violation = FieldViolation::new(path, error.code.clone(), rule(&error.code, &error.params));
    match &error.message {
        Some(message) => violation.with_message(message.clone()),
        None => violation,
    }
}

/// The limits validator passes among an error's parameters (`value`, the field's own value,
/// and `must_match`'s `other`, the other field's value, are not read).
#[derive(Default)]
struct Limits<'p> {
    min: Option<&'p Value>,
    max: Option<&'p Value>,
    equal: Option<&'p Value>,
    exclusive_min: Option<&'p Value>,
    exclusive_max: Option<&'p Value>,
    needle: Option<&'p Value>,
}

impl<'p> Limits<'p> {
    /// The limits among `params`, read in one pass (a handful of entries: no hashing).
    fn of(params: &'p HashMap<Cow<'static, str>, Value>) -> Self {
        let mut limits = Limits::default();
        for (name, value) in params {
            let slot = match &**name {
                "min" => &mut limits.min,
                "max" => &mut limits.max,
                "equal" => &mut limits.equal,
                "exclusive_min" => &mut limits.exclusive_min,
                "exclusive_max" => &mut limits.exclusive_max,
                "needle" => &mut limits.needle,
                _ => continue,
            };
            *slot = Some(value);
        }
        limits
    }
}

/// The rule validator reports under `code`, with the limits among `params`.
fn rule(code: &str, params: &HashMap<Cow<'static, str>, Value>) -> Rule {
    let count = |value: Option<&Value>| value.and_then(Value::as_u64);
    let printed = |value: Option<&Value>| value.and_then(printed);
    match Rule::from_code(code) {
        Rule::Length { .. } => {
            let limits = Limits::of(params);
            Rule::Length {
                min: count(limits.min),
                max: count(limits.max),
                equal: count(limits.equal),
            }
        }
        Rule::Range { .. } => {
            let limits = Limits::of(params);
            Rule::Range {
                min: printed(limits.min),
                max: printed(limits.max),
                exclusive_min: printed(limits.exclusive_min),
                exclusive_max: printed(limits.exclusive_max),
            }
        }
        Rule::Contains { .. } => Rule::Contains {
            pattern: printed(Limits::of(params).needle).unwrap_or_default(),
        },
        Rule::DoesNotContain { .. } => Rule::DoesNotContain {
            pattern: printed(Limits::of(params).needle).unwrap_or_default(),
        },
        rule => rule,
    }
}

/// A limit as a message writes it: a number's digits, a text as it is; nothing for any
/// other value.
fn printed(value: &Value) -> Option<String> {
    match value {
        Value::Number(n) => Some(n.to_string()),
        Value::String(s) => Some(s.clone()),
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use apierror_runtime::{ApiError, Message, Notation};

    /// A message as plain text.
    struct Text(String);

    impl apierror_runtime::MessageSink for Text {
        fn literal(&mut self, text: &'static str, _: &'static str) -> core::fmt::Result {
            self.0.push_str(text);
            Ok(())
        }

        fn value(&mut self, value: &dyn core::fmt::Display) -> core::fmt::Result {
            use core::fmt::Write;
            write!(self.0, "{value}")
        }
    }

    fn error(code: &'static str, params: &[(&'static str, Value)]) -> ValidationError {
        let mut e = ValidationError::new(code);
        for (name, value) in params {
            e.add_param(Cow::Borrowed(*name), value);
        }
        e
    }

    fn listed(failure: &ValidationFailure) -> Vec<(String, String, String)> {
        failure
            .list()
            .iter()
            .map(|v| {
                (
                    v.path().display(Notation::Dotted).to_string(),
                    v.code_text().to_owned(),
                    Message::new(v).to_string(),
                )
            })
            .collect()
    }

    fn strings(rows: &[(&str, &str, &str)]) -> Vec<(String, String, String)> {
        rows.iter()
            .map(|(a, b, c)| (a.to_string(), b.to_string(), c.to_string()))
            .collect()
    }

    /// `{ name, address: { zip }, items: [_, _, { sku, qty }], __all__ }`, built in an order
    /// that is not the written one.
    fn nested() -> ValidationErrors {
        let mut item = ValidationErrors::new();
        item.add(
            "sku",
            error(
                "length",
                &[("min", 3.into()), ("max", 8.into()), ("value", "x".into())],
            ),
        );
        item.add(
            "qty",
            error("range", &[("min", 1.into()), ("value", (-4).into())]),
        );
        let mut address = ValidationErrors::new();
        address.add("zip", error("regex", &[("value", "ABCDE".into())]));
        let mut errors = ValidationErrors::new();
        errors.add(
            "name",
            error("length", &[("min", 1.into()), ("value", "".into())]),
        );
        errors.add(
            "name",
            error("does_not_contain", &[("needle", "<".into())])
                .with_message("may not contain markup".into()),
        );
        errors.add("__all__", error("totals_differ", &[]));
        errors.0.insert(
            Cow::Borrowed("items"),
            ValidationErrorsKind::List(
                [(2, Box::new(item.clone())), (0, Box::new(item))]
                    .into_iter()
                    .collect(),
            ),
        );
        errors.0.insert(
            Cow::Borrowed("address"),
            ValidationErrorsKind::Struct(Box::new(address)),
        );
        errors
    }

    #[test]
    fn nested_structs_and_lists_in_a_fixed_order() {
        let failure = ValidationFailure::from(&nested());
        assert_eq!(
            listed(&failure),
            strings(&[
                ("", "totals_differ", "is invalid"),
                ("address.zip", "regex", "is invalid"),
                ("items[0].qty", "range", "must be at least 1"),
                (
                    "items[0].sku",
                    "length",
                    "must be between 3 and 8 characters"
                ),
                ("items[2].qty", "range", "must be at least 1"),
                (
                    "items[2].sku",
                    "length",
                    "must be between 3 and 8 characters"
                ),
                ("name", "length", "must be at least 1 characters"),
                ("name", "does_not_contain", "may not contain markup"),
            ])
        );
        assert_eq!(failure.status(), 422);
        assert_eq!(failure.code(), "validation_failed");
        assert_eq!(ValidationFailure::from(nested()).list(), failure.list());
    }

    /// The same through validator's derive: nested structs, lists, a schema check.
    #[test]
    fn derived_validators_errors() {
        use ::validator::Validate;

        #[derive(Validate)]
        struct Line {
            #[validate(length(min = 3, message = "sku too short"))]
            sku: String,
            #[validate(range(min = 1, max = 99))]
            qty: u32,
        }

        #[derive(Validate)]
        struct Address {
            #[validate(length(equal = 5))]
            zip: String,
        }

        fn totals(order: &Order) -> Result<(), ValidationError> {
            match order.lines.len() {
                0 => Err(ValidationError::new("empty_order")),
                _ => Ok(()),
            }
        }

        #[derive(Validate)]
        #[validate(schema(function = "totals"))]
        struct Order {
            #[validate(email, contains(pattern = "@shop"))]
            email: String,
            #[validate(must_match(other = "email"))]
            confirm: String,
            #[validate(nested)]
            address: Address,
            #[validate(nested)]
            lines: Vec<Line>,
        }

        let order = Order {
            email: "hunter2".into(),
            confirm: "hunter3".into(),
            address: Address { zip: "123".into() },
            lines: vec![
                Line {
                    sku: "abcd".into(),
                    qty: 1,
                },
                Line {
                    sku: "x".into(),
                    qty: 100,
                },
            ],
        };
        let failure = ValidationFailure::from(&order.validate().unwrap_err());
        assert_eq!(
            listed(&failure),
            strings(&[
                ("address.zip", "length", "must be exactly 5 characters"),
                ("confirm", "must_match", "does not match"),
                ("email", "email", "must be a valid email address"),
                ("email", "contains", "must contain @shop"),
                ("lines[1].qty", "range", "must be between 1 and 99"),
                ("lines[1].sku", "length", "sku too short"),
            ])
        );
        assert!(!format!("{failure:?}").contains("hunter"));

        let empty = Order {
            email: "a@shop.example".into(),
            confirm: "a@shop.example".into(),
            address: Address {
                zip: "12345".into(),
            },
            lines: vec![],
        };
        let failure = ValidationFailure::from(&empty.validate().unwrap_err());
        assert_eq!(
            listed(&failure),
            strings(&[("", "empty_order", "is invalid")])
        );
    }

    #[test]
    fn struct_level_errors_are_at_the_structs_own_path() {
        let mut inner = ValidationErrors::new();
        inner.add("__all__", error("mismatch", &[]));
        let mut errors = ValidationErrors::new();
        errors.0.insert(
            Cow::Borrowed("address"),
            ValidationErrorsKind::Struct(Box::new(inner)),
        );
        let failure = ValidationFailure::from(&errors);
        assert_eq!(
            listed(&failure),
            strings(&[("address", "mismatch", "is invalid")])
        );
    }

    #[test]
    fn the_value_is_never_written() {
        let secret = "hunter2-secret";
        let mut errors = ValidationErrors::new();
        for code in [
            "length",
            "range",
            "email",
            "url",
            "regex",
            "credit_card",
            "contains",
            "must_match",
            "my_rule",
        ] {
            errors.add(
                "password",
                error(code, &[("value", secret.into()), ("other", secret.into())]),
            );
        }
        let failure = ValidationFailure::from(&errors);
        assert_eq!(failure.list().len(), 9);
        for v in failure.list() {
            assert!(!format!("{v:?}").contains(secret), "{v:?}");
            for lang in ["en", "th", "ja"] {
                let mut text = Text(String::new());
                if let Some(written) = v.write_message_in(lang, &mut text) {
                    written.unwrap();
                }
                assert!(!text.0.contains(secret), "{}", text.0);
            }
        }
        assert!(!failure.to_string().contains(secret));
        let rendered = apierror_runtime::Renderer::default().response(
            apierror_runtime::Format::Problem,
            &failure,
            &apierror_runtime::RequestContext::new(),
        );
        assert!(!String::from_utf8_lossy(rendered.body()).contains(secret));
    }

    #[test]
    fn the_validators_message_replaces_the_default() {
        let mut errors = ValidationErrors::new();
        errors.add(
            "sku",
            error("length", &[("min", 3.into())]).with_message("too short".into()),
        );
        errors.add("tags", error("length", &[("equal", 2.into())]));
        errors.add("rate", error("range", &[("exclusive_max", 0.5.into())]));
        errors.add("email", error("email", &[]));
        let failure = ValidationFailure::from(&errors);
        assert_eq!(
            listed(&failure),
            strings(&[
                ("email", "email", "must be a valid email address"),
                ("rate", "range", "must be less than 0.5"),
                ("sku", "length", "too short"),
                ("tags", "length", "must be exactly 2 characters"),
            ])
        );
        // A default message speaks the body's language; the validator's own is English.
        let rate = &failure.list()[1];
        assert!(rate.has_message_in("ja"));
        assert!(!failure.list()[2].has_message_in("ja"));
    }

    #[test]
    fn at_most_max_violations_are_kept() {
        let mut item = ValidationErrors::new();
        item.add("sku", error("length", &[("min", 3.into())]));
        let mut errors = ValidationErrors::new();
        errors.0.insert(
            Cow::Borrowed("items"),
            ValidationErrorsKind::List(
                (0..MAX_VIOLATIONS + 7)
                    .map(|i| (i, Box::new(item.clone())))
                    .collect(),
            ),
        );
        let failure = ValidationFailure::from(&errors);
        assert_eq!(failure.list().len(), MAX_VIOLATIONS);
        assert_eq!(failure.omitted(), 7);
        assert_eq!(
            failure.list()[MAX_VIOLATIONS - 1]
                .path()
                .display(Notation::Dotted)
                .to_string(),
            format!("items[{}].sku", MAX_VIOLATIONS - 1)
        );
    }
}
