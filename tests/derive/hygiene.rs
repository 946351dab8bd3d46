//! Generated code names everything by absolute path: it compiles with the prelude's names
//! shadowed, and raises no warning under `#![deny(warnings)]`.

#![deny(warnings)]
#![allow(dead_code)]

struct Result;
struct Option;
struct Ok;
struct Some;
struct None;
struct Err;
struct String;
struct Vec;
struct Box;
mod core {}
mod std {}
mod apierror_runtime {}

#[derive(::core::fmt::Debug, ::apierror::ApiError)]
#[api_error(status = 400, location = "https://example.com/errors")]
enum Shadowed<T> {
    #[code("a")]
    #[message("a {x}")]
    #[message(ja = "エー {x}", pt_BR = "á {x:>2}")]
    #[title(ja = "エー")]
    A { x: T },
    #[code("b")]
    #[field("b.field")]
    #[message("b {0:>3}")]
    B(u8, #[source] ::std::io::Error),
    #[code("c")]
    #[message("c")]
    #[message(ja = "シー")]
    C {
        #[message]
        message: ::core::option::Option<&'static str>,
        #[field]
        name: &'static str,
    },
    #[status(503)]
    #[code("d")]
    #[title("D")]
    #[message("d")]
    D,
}

#[test]
fn generated_code_is_hygienic() {
    use ::apierror::ApiError;
    let err: Shadowed<u8> = Shadowed::A { x: 1 };
    ::std::assert_eq!(err.message().to_string(), "a 1");
    let err: Shadowed<u8> = Shadowed::B(7, ::std::io::Error::other("x"));
    ::std::assert_eq!(err.message().to_string(), "b   7");
    let err: Shadowed<u8> = Shadowed::C {
        message: ::core::option::Option::Some("over"),
        name: "n",
    };
    ::std::assert_eq!(err.message().to_string(), "over");
    ::std::assert_eq!(
        err.field().map(|f| f.to_string()).as_deref(),
        ::core::option::Option::Some("n")
    );
    // A field replaces the message: no translation of it.
    ::std::assert!(!err.has_message_in("ja"));
    let err: Shadowed<u8> = Shadowed::A { x: 1 };
    ::std::assert!(err.has_message_in("pt-BR"));
    let mut text = ::std::string::String::new();
    struct Text<'t>(&'t mut ::std::string::String);
    impl ::apierror::MessageSink for Text<'_> {
        fn literal(&mut self, text: &'static str, _: &'static str) -> ::core::fmt::Result {
            self.0.push_str(text);
            ::core::result::Result::Ok(())
        }
        fn value(&mut self, value: &dyn ::core::fmt::Display) -> ::core::fmt::Result {
            use ::core::fmt::Write;
            ::core::write!(self.0, "{value}")
        }
    }
    let written = err.write_message_in("pt-BR", &mut Text(&mut text));
    ::std::assert!(::core::matches!(
        written,
        ::core::option::Option::Some(::core::result::Result::Ok(()))
    ));
    ::std::assert_eq!(text, "á  1");
}
