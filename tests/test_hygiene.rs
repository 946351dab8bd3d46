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
    A { x: T },
    #[code("b")]
    #[field("b.field")]
    #[message("b {0:>3}")]
    B(u8, #[source] ::std::io::Error),
    #[code("c")]
    #[message("c")]
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
}
