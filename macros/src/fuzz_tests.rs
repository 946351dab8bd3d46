//! The derive never panics: generated and handcrafted inputs (odd attribute shapes, literals
//! of the wrong kind, bad templates, empty and huge enums, raw identifiers, generics) must
//! expand to errors or to code that parses as items, never to a panic.

use std::panic::{catch_unwind, AssertUnwindSafe};

use proc_macro2::TokenStream;
use proptest::prelude::*;
use proptest::test_runner::{Config, TestCaseError};

use crate::attr::{self, Symbol};
use crate::expand::derive;

/// An attribute that is none of ours.
const OTHER: Symbol = Symbol::new("other");

/// Expands `source` (a derive input) and checks the output: no panic, and either an error
/// (`compile_error!`) or valid items. Every output must parse as a file (errors come with a
/// stub impl). Returns `Ok(None)` when `source` is not a derive input at all, else whether
/// the expansion reported an error.
fn expand(source: &str) -> Result<Option<bool>, String> {
    let Ok(input) = syn::parse_str::<syn::DeriveInput>(source) else {
        return Ok(None);
    };
    let output: TokenStream =
        catch_unwind(AssertUnwindSafe(|| derive(&input))).map_err(|panic| {
            let what = panic
                .downcast_ref::<String>()
                .cloned()
                .or_else(|| panic.downcast_ref::<&str>().map(|s| s.to_string()))
                .unwrap_or_default();
            format!("derive panicked ({what}) on:\n{source}")
        })?;
    let text = output.to_string();
    let is_error = text.contains("compile_error");
    if let Err(e) = syn::parse2::<syn::File>(output) {
        return Err(format!(
            "expansion does not parse as items ({e}) for:\n{source}\n--- output:\n{text}"
        ));
    }
    Ok(Some(is_error))
}

fn check(source: &str) -> Result<(), TestCaseError> {
    expand(source).map(|_| ()).map_err(TestCaseError::fail)
}

/// A token that may stand where an attribute expects a literal.
fn token() -> impl Strategy<Value = String> {
    prop_oneof![
        template().prop_map(|t| format!("{t:?}")),
        Just("\"\"".to_owned()),
        Just("\"not_found\"".to_owned()),
        Just("\"ERR_07\"".to_owned()),
        Just("\"snake_case\"".to_owned()),
        Just("\"a b\"".to_owned()),
        Just("\"\\u{0}\"".to_owned()),
        Just("r#\"raw {0}\"#".to_owned()),
        Just("b\"bytes\"".to_owned()),
        Just("c\"cstr\"".to_owned()),
        Just("'x'".to_owned()),
        Just("b'x'".to_owned()),
        Just("true".to_owned()),
        Just("4.0".to_owned()),
        Just("1e3".to_owned()),
        Just("400".to_owned()),
        Just("599".to_owned()),
        Just("600".to_owned()),
        Just("0".to_owned()),
        Just("-404".to_owned()),
        Just("400u8".to_owned()),
        Just("404_u16".to_owned()),
        Just("0x190".to_owned()),
        Just("65536".to_owned()),
        Just("340282366920938463463374607431768211456".to_owned()),
        Just("ident".to_owned()),
        Just("r#type".to_owned()),
        Just("Self".to_owned()),
        Just("a::b".to_owned()),
        Just("nested(\"x\")".to_owned()),
        Just("nested()".to_owned()),
        Just("()".to_owned()),
        Just("[]".to_owned()),
        Just("{}".to_owned()),
        Just("1 + 1".to_owned()),
        Just("concat!(\"a\", \"b\")".to_owned()),
        Just("ja = \"説明\"".to_owned()),
        Just("en = 1".to_owned()),
        Just("status = 400".to_owned()),
        Just("rename_all = \"kebab-case\"".to_owned()),
        Just("location = \"https://x\"".to_owned()),
        Just("oney".to_owned()),
        Just("allow_duplicate_codes".to_owned()),
    ]
}

/// Message templates: placeholders of every shape, stray and doubled braces.
fn template() -> impl Strategy<Value = String> {
    let piece = prop_oneof![
        "[a-z é\"\\\\:]{0,4}",
        Just("{".to_owned()),
        Just("}".to_owned()),
        Just("{{".to_owned()),
        Just("}}".to_owned()),
        Just("{0}".to_owned()),
        Just("{1}".to_owned()),
        Just("{00}".to_owned()),
        Just("{a}".to_owned()),
        Just("{b}".to_owned()),
        Just("{ a }".to_owned()),
        Just("{r#type}".to_owned()),
        Just("{type}".to_owned()),
        Just("{é}".to_owned()),
        Just("{_x}".to_owned()),
        Just("{a:>8}".to_owned()),
        Just("{a:?}".to_owned()),
        Just("{0:#x}".to_owned()),
        Just("{a:.3}".to_owned()),
        Just("{a:}".to_owned()),
        Just("{:}".to_owned()),
        Just("{}".to_owned()),
        Just("{ }".to_owned()),
        Just("{a:1$}".to_owned()),
        Just("{a:.*}".to_owned()),
        Just("{a:{b}}".to_owned()),
        Just("{a.b}".to_owned()),
        Just("{r#}".to_owned()),
        Just("{r#0}".to_owned()),
        Just("{99999999999999999999999}".to_owned()),
        Just("{a:\"}".to_owned()),
        Just("{a:zz}".to_owned()),
        Just("{source}".to_owned()),
    ];
    prop::collection::vec(piece, 0..5).prop_map(|p| p.concat())
}

/// Every attribute name the derive knows (from its table), and one it does not.
fn attr_name() -> impl Strategy<Value = Symbol> {
    prop::sample::select(vec![
        attr::STATUS,
        attr::CODE,
        attr::MESSAGE,
        attr::TITLE,
        attr::DESCRIPTION,
        attr::FIELD,
        attr::API_ERROR,
        attr::DOC,
        attr::SOURCE,
        attr::FROM,
        attr::ERROR,
        OTHER,
    ])
}

/// One attribute: a name and an argument shape.
fn attribute() -> impl Strategy<Value = String> {
    let args = prop::collection::vec(token(), 0..3);
    (attr_name(), 0..8u8, args).prop_map(|(name, shape, args)| {
        let first = args.first().cloned().unwrap_or_default();
        match shape {
            0 => format!("#[{name}]"),
            1 => format!("#[{name}()]"),
            2 => format!("#[{name}({first})]"),
            3 => format!("#[{name} = {first}]"),
            4 => format!("#[{name}({})]", args.join(", ")),
            5 => format!("#[{name}[{first}]]"),
            6 => format!("#[{name}{{{first}}}]"),
            _ => format!("#[{name}(k = {first})]"),
        }
    })
}

/// The usual attributes of a valid variant, so that generated inputs also reach expansion.
fn variant_attrs() -> impl Strategy<Value = String> {
    let status = prop::sample::select(vec!["400", "404", "500", "599", "399", "600"]);
    let code = prop::sample::select(vec!["\"a\"", "\"b_c\"", "\"ERR_07\"", "\"\""]);
    let odd = prop::collection::vec(attribute(), 0..3);
    (
        status,
        code,
        template(),
        any::<bool>(),
        any::<bool>(),
        any::<bool>(),
        odd,
    )
        .prop_map(
            |(status, code, message, with_status, with_code, with_message, odd)| {
                let mut out = String::new();
                if with_status {
                    out += &format!("#[status({status})] ");
                }
                if with_code {
                    out += &format!("#[code({code})] ");
                }
                if with_message {
                    out += &format!("#[message({message:?})] ");
                }
                out += &odd.join(" ");
                out
            },
        )
}

fn field_type() -> impl Strategy<Value = &'static str> {
    prop::sample::select(vec![
        "String",
        "u64",
        "i8",
        "f32",
        "char",
        "Option<String>",
        "Option<T>",
        "&'static str",
        "T",
        "Vec<T>",
        "Box<str>",
        "::std::borrow::Cow<'static, str>",
        "std::io::Error",
        "Box<dyn std::error::Error + Send>",
        "[u8; 4]",
        "(u8, String)",
        "fn() -> u8",
        "<T as Iterator>::Item",
        "Self",
    ])
}

fn field_attrs() -> impl Strategy<Value = String> {
    let fixed = prop::sample::select(vec![
        "",
        "#[source]",
        "#[from]",
        "#[field]",
        "#[message]",
        "#[field(\"x\")]",
        "#[source = 1]",
        "#[message(\"m\")]",
        "#[field] #[field]",
        "#[source] #[field]",
    ]);
    prop_oneof![fixed.prop_map(str::to_owned), attribute()]
}

fn field_name() -> impl Strategy<Value = &'static str> {
    prop::sample::select(vec!["a", "b", "r#type", "é", "_x", "source", "message"])
}

/// Fields: unit, tuple or named, each field with its type and attributes.
fn fields() -> impl Strategy<Value = String> {
    let field = (field_name(), field_type(), field_attrs());
    (0..3u8, prop::collection::vec(field, 0..4)).prop_map(|(kind, fields)| match kind {
        0 => String::new(),
        1 => {
            let list: Vec<String> = fields
                .iter()
                .map(|(_, ty, attrs)| format!("{attrs} {ty}"))
                .collect();
            format!("({})", list.join(", "))
        }
        _ => {
            let list: Vec<String> = fields
                .iter()
                .map(|(name, ty, attrs)| format!("{attrs} {name}: {ty}"))
                .collect();
            format!("{{ {} }}", list.join(", "))
        }
    })
}

fn variant_name() -> impl Strategy<Value = String> {
    prop_oneof![
        "[A-Z][a-zA-Z0-9]{0,6}",
        Just("r#Type".to_owned()),
        Just("Ünïcödé".to_owned()),
        Just("A".to_owned()),
        Just("_".to_owned()),
    ]
}

fn variant() -> impl Strategy<Value = String> {
    (variant_attrs(), variant_name(), fields())
        .prop_map(|(attrs, name, fields)| format!("{attrs} {name} {fields}"))
}

fn generics() -> impl Strategy<Value = &'static str> {
    // `|`-separated, the first choice empty: no generics at all.
    let choices =
        "|<T>|<'a, T: Clone>|<T: core::fmt::Display>|<const N: usize>|<T> where T: Send|<'a>";
    prop::sample::select(choices.split('|').collect::<Vec<_>>())
}

/// A whole derive input: an enum, a struct or a union.
fn item() -> impl Strategy<Value = String> {
    let container = prop::collection::vec(attribute(), 0..3);
    let variants = prop::collection::vec(variant(), 0..5);
    (
        0..4u8,
        container,
        generics(),
        variants,
        variant_attrs(),
        fields(),
    )
        .prop_map(
            |(kind, container, generics, variants, struct_attrs, fields)| {
                let container = container.join(" ");
                match kind {
                    0 | 1 => format!("{container} enum E{generics} {{ {} }}", variants.join(", ")),
                    2 => {
                        let semi = if fields.starts_with('{') { "" } else { ";" };
                        // `where` goes after a tuple struct's fields: keep generics simple there.
                        let generics = if generics.contains("where") {
                            "<T>"
                        } else {
                            generics
                        };
                        format!("{container} {struct_attrs} struct S{generics} {fields}{semi}")
                    }
                    _ => format!("{container} union U{generics} {{ a: u8 }}"),
                }
            },
        )
}

proptest! {
    #![proptest_config(Config { cases: 512, failure_persistence: None, ..Config::default() })]

    #[test]
    fn derive_never_panics_on_generated_inputs(source in item()) {
        check(&source)?;
    }

    #[test]
    fn derive_never_panics_on_templates(message in template(), fields in fields()) {
        check(&format!(
            "enum E {{ #[status(400)] #[code(\"c\")] #[message({message:?})] V {fields} }}"
        ))?;
    }
}

/// Handcrafted inputs: each must expand without a panic, to the stated outcome.
#[test]
fn derive_never_panics_on_handcrafted_inputs() {
    // (source, expect an error)
    let cases: &[(&str, bool)] = &[
        ("enum E {}", false),
        ("#[api_error] enum E {}", true),
        ("#[api_error()] enum E {}", false),
        ("#[api_error = 1] enum E {}", true),
        ("#[api_error(status)] enum E {}", true),
        ("#[api_error(status = \"400\")] enum E {}", true),
        ("#[api_error(status = 4000000000000000000000)] enum E {}", true),
        ("#[api_error(rename_all = \"nope\")] enum E { A }", true),
        ("#[api_error(rename_all = 1)] enum E { A }", true),
        ("#[api_error(location)] enum E {}", true),
        ("#[api_error(location = \"a b\")] enum E {}", true),
        ("#[api_error(oney, oney)] enum E {}", true),
        ("#[api_error(unknown::path = 1)] enum E {}", true),
        ("#[api_error(status = 400, rename_all = \"snake_case\")] enum E { A, r#Type, B(u8) }", false),
        ("#[api_error(status = 400, rename_all = \"snake_case\")] enum E { #[message(\"m\")] A, #[message(\"{0}\")] B(u8) }", false),
        ("union U { a: u8 }", true),
        ("struct S;", true),
        ("#[status(400)] #[code(\"s\")] #[message(\"m\")] struct S;", false),
        ("#[status(400)] #[code(\"s\")] #[message(\"{0} {1}\")] struct S(u8, String);", false),
        ("#[status(400)] #[code(\"s\")] #[message(\"{r#type}\")] struct S { r#type: String }", false),
        ("#[status(400)] #[code(\"s\")] #[message(\"{type}\")] struct S { r#type: String }", false),
        ("#[status(400)] #[code(\"s\")] #[message(\"{00}\")] struct S(String);", false),
        ("#[status(400)] #[code(\"s\")] #[message(\"{0:?} {0:>8} {0:.3}\")] struct S(String);", false),
        ("#[status(400)] #[code(\"s\")] #[message(\"{0:zz}\")] struct S(String);", true),
        ("#[status(400)] #[code(\"s\")] #[message(\"{0:\\\"}\")] struct S(String);", true),
        ("#[status(400)] #[code(\"s\")] #[message(\"{é}\")] struct S { é: String }", false),
        ("#[status(400)] #[code(\"s\")] #[message(\"{a\")] struct S { a: String }", true),
        ("#[status(400)] #[code(\"s\")] #[message(\"a}\")] struct S { a: String }", true),
        ("#[status(400)] #[code(\"s\")] #[message(\"{a:{b}}\")] struct S { a: String }", true),
        ("#[status(400)] #[code(\"s\")] #[message(\"{99999999999999999999999}\")] struct S(u8);", true),
        ("#[status(400)] #[code(\"s\")] #[message(\"{1}\")] struct S(u8);", true),
        ("#[status(400)] #[code(\"s\")] #[message(\"{0}\")] struct S { a: u8 }", true),
        ("#[status(400)] #[code(\"s\")] #[message(\"{a}\")] struct S(u8);", true),
        ("#[status(400)] #[code(\"s\")] #[message(\"{a}\")] struct S;", true),
        ("#[status(400)] #[code(\"s\")] #[message(r#\"{a} \"q\" \\\"#)] struct S { a: u8 }", false),
        ("#[status(400)] #[code(\"s\")] #[message(b\"bytes\")] struct S;", true),
        ("#[status(400)] #[code(\"s\")] #[message(c\"cstr\")] struct S;", true),
        ("#[status(400)] #[code(\"s\")] #[message('c')] struct S;", true),
        ("#[status(400)] #[code(\"s\")] #[message(concat!(\"a\"))] struct S;", true),
        ("#[status(400)] #[code(\"s\")] #[message = \"m\"] struct S;", true),
        ("#[status(400)] #[code(\"s\")] #[message(\"m\", \"n\")] struct S;", true),
        ("#[status(400)] #[code(\"s\")] #[message(\"m\")] #[message(\"n\")] struct S;", true),
        ("#[status(\"400\")] #[code(\"s\")] #[message(\"m\")] struct S;", true),
        // The suffix is ignored: the value is what counts.
        ("#[status(400u8)] #[code(\"s\")] #[message(\"m\")] struct S;", false),
        ("#[status(4.0)] #[code(\"s\")] #[message(\"m\")] struct S;", true),
        ("#[status(-400)] #[code(\"s\")] #[message(\"m\")] struct S;", true),
        ("#[status(0x190)] #[code(\"s\")] #[message(\"m\")] struct S;", false),
        ("#[status(65536)] #[code(\"s\")] #[message(\"m\")] struct S;", true),
        ("#[status(399)] #[code(\"s\")] #[message(\"m\")] struct S;", true),
        ("#[status(600)] #[code(\"s\")] #[message(\"m\")] struct S;", true),
        ("#[status] #[code] #[message] struct S;", true),
        ("#[status()] #[code()] #[message()] #[title()] struct S;", true),
        ("#[status(400)] #[code(\"a b\")] #[message(\"m\")] struct S;", true),
        ("#[status(400)] #[code(\"\\n\")] #[message(\"m\")] struct S;", true),
        ("#[status(400)] #[code(\"\")] #[message(\"m\")] struct S;", true),
        ("#[status(400)] #[code(ident)] #[message(\"m\")] struct S;", true),
        ("#[status(400)] #[code(\"s\")] #[message(\"m\")] #[title(\"\")] struct S;", true),
        ("#[status(400)] #[code(\"s\")] #[message(\"m\")] #[description] struct S;", true),
        ("#[status(400)] #[code(\"s\")] #[message(\"m\")] #[description(\"x\")] struct S;", true),
        ("#[status(400)] #[code(\"s\")] #[message(\"m\")] #[description(ja = 1)] struct S;", true),
        ("#[status(400)] #[code(\"s\")] #[message(\"m\")] #[description(ja = \"a\", ja = \"b\")] struct S;", true),
        ("#[status(400)] #[code(\"s\")] #[message(\"m\")] #[description(ja = \"説明\")] struct S;", false),
        ("#[status(400)] #[code(\"s\")] #[message(\"m\")] #[field(\"\")] struct S;", true),
        ("#[status(400)] #[code(\"s\")] #[message(\"m\")] #[field(\"f\")] struct S { #[field] a: String }", true),
        ("#[status(400)] #[code(\"s\")] #[message(\"m\")] struct S { #[field] a: String, #[field] b: String }", true),
        ("#[status(400)] #[code(\"s\")] #[message(\"m\")] struct S { #[message] a: String }", true),
        ("#[status(400)] #[code(\"s\")] #[message(\"m\")] struct S { #[message] a: Option<String>, #[message] b: Option<String> }", true),
        ("#[status(500)] #[code(\"s\")] #[message(\"{0}\")] struct S(#[source] std::io::Error);", true),
        ("#[status(400)] #[code(\"s\")] struct S(#[source] std::io::Error);", false),
        // `#[source]` is thiserror's too: only its path is read.
        ("#[status(400)] #[code(\"s\")] struct S(#[source = 1] std::io::Error);", false),
        ("#[status(400)] #[code(\"s\")] #[message(\"{0}\")] struct S<T>(T);", false),
        ("#[status(400)] #[code(\"s\")] #[message(\"{0:?}\")] struct S<T>(T) where T: Clone;", false),
        ("#[status(400)] #[code(\"s\")] #[message(\"{0}\")] struct S<'a, T: ?Sized + 'a, const N: usize>(&'a T);", false),
        ("#[status(400)] #[code(\"s\")] #[message(\"m\")] struct S<T>(core::marker::PhantomData<T>);", false),
        ("#[api_error(oney)] enum E { #[status(400)] #[code(\"ERR_TOO_LONG_CODE\")] #[message(\"m\")] A }", true),
        ("#[api_error(oney)] enum E { #[status(400)] #[code(\"ERR_07\")] #[message(\"m\")] #[field(\"a\")] A, #[status(400)] #[code(\"ERR_07\")] #[message(\"m\")] B }", true),
        ("#[api_error(oney, allow_duplicate_codes)] enum E { #[status(400)] #[code(\"ERR_07\")] #[message(\"m\")] A, #[status(400)] #[code(\"ERR_07\")] #[message(\"m\")] B }", false),
        ("enum E { #[status(400)] #[code(\"a\")] #[message(\"m\")] A, #[status(400)] #[code(\"a\")] #[message(\"m\")] B }", true),
        ("enum E { #[status(400)] #[code(\"a\")] #[message(\"m\")] A = 1 }", false),
        ("enum E { #[status(400)] #[code(\"a\")] #[message(\"m\")] r#Type, #[status(400)] #[code(\"b\")] #[message(\"{r#fn}\")] r#Fn { r#fn: u8 } }", false),
        ("enum E { #[doc = 1] #[status(400)] #[code(\"a\")] #[message(\"m\")] A }", false),
        ("enum E { #[doc(hidden)] #[status(400)] #[code(\"a\")] #[message(\"m\")] A }", false),
        ("enum E { #[doc = \"\"] #[doc = \"  \"] #[status(400)] #[code(\"a\")] #[message(\"m\")] A }", false),
        ("enum E { #[cfg(any())] A }", true),
        ("enum E { #[status(400)] #[status(401)] #[code(\"a\")] #[message(\"m\")] A }", true),
        ("enum E { #[status(400)] #[code(\"a\")] #[message(\"{0}{0}{0}\")] A(u8) }", false),
        ("enum E { #[status(400)] #[code(\"a\")] #[message(\"{{}}{{{0}}}}}\")] A(u8) }", false),
        ("enum E { #[status(400)] #[code(\"a\")] #[message(\"\\u{0}\\r\\n\\\"\\\\\")] A }", false),
        ("enum E { #[status(400)] #[code(\"a\")] #[message(\"\")] A }", false),
        // thiserror's `#[error]`: whatever its shape, never an error of ours.
        ("enum E { #[error(\"{0} {1:?} {{x}}\")] #[status(400)] #[code(\"a\")] A(u8, String) }", false),
        ("#[error(\"{0}\")] enum E { #[status(400)] #[code(\"a\")] A(u8), #[error(transparent)] #[status(400)] #[code(\"b\")] B(X) }", false),
        ("enum E { #[error] #[error()] #[error = 1] #[status(400)] #[code(\"a\")] A }", false),
        ("enum E { #[error(\"{\")] #[error(\"{a:{b}}\")] #[status(400)] #[code(\"a\")] A }", false),
        ("enum E { #[error(\"{}\", .0.len(), x = 1,)] #[status(500)] #[code(\"a\")] A(Vec<u8>) }", false),
        ("enum E { #[error(fmt = path::f)] #[error(\"{a}\")] #[status(500)] #[code(\"a\")] A { a: String } }", false),
        ("#[error(\"{a}\")] #[status(500)] #[code(\"s\")] struct S { #[source] a: std::io::Error }", false),
        ("enum E { #[error(b\"x\")] #[error(1)] #[status(400)] #[code(\"a\")] A }", false),
        // `#[meta]`: every malformed shape is an error, none a panic.
        ("#[meta(a = \"x\", r#type = \"y\",)] enum E { #[meta(a = \"z\")] #[status(400)] #[code(\"a\")] A }", false),
        ("#[status(400)] #[code(\"s\")] #[meta(a = \"x\")] #[meta(b = \"y\")] struct S;", false),
        ("enum E { #[meta] #[status(400)] #[code(\"a\")] A }", true),
        ("enum E { #[meta()] #[status(400)] #[code(\"a\")] A }", true),
        ("enum E { #[meta(,)] #[status(400)] #[code(\"a\")] A }", true),
        ("enum E { #[meta(a = \"x\",, b = \"y\")] #[status(400)] #[code(\"a\")] A }", true),
        ("enum E { #[meta(= \"x\")] #[status(400)] #[code(\"a\")] A }", true),
        ("enum E { #[meta(a =)] #[status(400)] #[code(\"a\")] A }", true),
        ("enum E { #[meta(a == \"x\")] #[status(400)] #[code(\"a\")] A }", true),
        ("enum E { #[meta(a = \"x\" = \"y\")] #[status(400)] #[code(\"a\")] A }", true),
        ("enum E { #[meta(a(\"x\"))] #[status(400)] #[code(\"a\")] A }", true),
        ("enum E { #[meta(1 = 2)] #[status(400)] #[code(\"a\")] A }", true),
        ("enum E { #[meta(a = b\"x\")] #[status(400)] #[code(\"a\")] A }", true),
        ("#[meta(a = \"x\", a = \"y\")] enum E { #[status(400)] #[code(\"a\")] A }", true),
        ("enum E { #[status(400)] #[code(\"a\")] A { #[meta(a = \"x\")] f: u8 } }", true),
    ];
    let mut wrong = Vec::new();
    for (source, expect_error) in cases {
        match expand(source) {
            Err(failure) => panic!("{failure}"),
            Ok(None) => panic!("not a derive input: {source}"),
            Ok(Some(is_error)) if is_error != *expect_error => {
                wrong.push(format!("error = {is_error}: {source}"))
            }
            Ok(Some(_)) => {}
        }
    }
    assert!(
        wrong.is_empty(),
        "unexpected outcomes:\n{}",
        wrong.join("\n")
    );
}

/// A huge enum (2000 variants, every field shape) expands to valid code.
#[test]
fn derive_handles_huge_enums() {
    let mut source = String::from("#[api_error(allow_duplicate_codes)] enum Huge {");
    for i in 0..2000 {
        let fields = match i % 3 {
            0 => String::new(),
            1 => "(String, u64)".to_owned(),
            _ => "{ a: String, #[field] b: String }".to_owned(),
        };
        let message = match i % 3 {
            0 => "m".to_owned(),
            1 => "{0} and {1}".to_owned(),
            _ => "{a}".to_owned(),
        };
        source += &format!(
            "#[status({})] #[code(\"c{i}\")] #[message({message:?})] V{i} {fields},",
            400 + i % 200
        );
    }
    source += "}";
    assert_eq!(expand(&source), Ok(Some(false)));
}
