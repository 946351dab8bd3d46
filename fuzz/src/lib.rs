//! The error type every fuzz target renders and rebuilds, and the checks they share.

use apierror::ApiError;
use libfuzzer_sys::arbitrary::{self, Arbitrary};

/// Templated variants of every shape the derive supports: named and tuple fields, an Oney
/// `#[field]`, literal braces and quotes, format specs, a `#[message]` override, a 5xx, a
/// code longer than Oney's 10 characters.
#[derive(Debug, Clone, PartialEq, ApiError)]
#[api_error(location = "https://example.com/errors")]
pub enum FuzzError {
    #[status(400)]
    #[code("invalid")]
    #[message("value {value} of \"{field}\" is bad {{x}} é🦀")]
    Invalid {
        #[field]
        field: String,
        value: String,
    },
    #[status(404)]
    #[code("not_found")]
    #[message("{0}")]
    Bare(String),
    #[status(409)]
    #[code("conflict")]
    #[message("{a} and {b}")]
    Pair { a: String, b: String },
    #[status(422)]
    #[code("amount")]
    #[message("amount {amount:>6} is below {min}")]
    Amount { amount: u64, min: i32 },
    #[status(503)]
    #[code("unavailable_service")]
    #[message("retry in {secs} s ({why})")]
    Unavailable { secs: u32, why: String },
    #[status(400)]
    #[code("override")]
    #[message("default text")]
    Override {
        #[message]
        message: Option<String>,
    },
    #[status(400)]
    #[code("plain")]
    #[message("no placeholders")]
    Plain,
}

/// An arbitrary [`FuzzError`]: one variant's arguments.
#[derive(Arbitrary, Debug, Clone)]
pub enum Arg {
    Invalid(String, String),
    Bare(String),
    Pair(String, String),
    Amount(u64, i32),
    Unavailable(u32, String),
    Override(Option<String>),
    Plain,
}

impl Arg {
    /// The error these arguments make.
    pub fn error(self) -> FuzzError {
        match self {
            Arg::Invalid(field, value) => FuzzError::Invalid { field, value },
            Arg::Bare(s) => FuzzError::Bare(s),
            Arg::Pair(a, b) => FuzzError::Pair { a, b },
            Arg::Amount(amount, min) => FuzzError::Amount { amount, min },
            Arg::Unavailable(secs, why) => FuzzError::Unavailable { secs, why },
            Arg::Override(message) => FuzzError::Override { message },
            Arg::Plain => FuzzError::Plain,
        }
    }
}

/// The first `max` chars of `text`: what Oney keeps.
pub fn cut(text: &str, max: usize) -> &str {
    match text.char_indices().nth(max) {
        Some((at, _)) => &text[..at],
        None => text,
    }
}

/// The public message: the template rendered (every variant here has a `#[message]`).
pub fn message(err: &dyn ApiError) -> String {
    apierror::Message::new(err).to_string()
}
