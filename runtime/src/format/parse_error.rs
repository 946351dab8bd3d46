//! [`ParseError`]: why a received body could not be read.

use crate::format::Format;

/// Why a received error body could not be read. Every malformed input gives one of these;
/// parsing never panics.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[non_exhaustive]
pub enum ParseError {
    /// The body is larger than [`ParseOptions::max_bytes`](crate::parse::ParseOptions::max_bytes).
    #[error("body is {len} bytes long, at most {max} are read")]
    TooLarge {
        /// The body's length in bytes.
        len: usize,
        /// The limit in bytes.
        max: usize,
    },
    /// The body is empty (or only whitespace).
    #[error("body is empty")]
    Empty,
    /// The body is not UTF-8.
    #[error("body is not UTF-8 (valid up to byte {valid_up_to})")]
    InvalidUtf8 {
        /// Bytes before the first invalid sequence.
        valid_up_to: usize,
    },
    /// The body is an HTML page (a proxy's or load balancer's error page), not an error
    /// object.
    #[error("body is an HTML page, not a JSON error object")]
    Html,
    /// The `Content-Type` names neither JSON nor problem details.
    #[error("content type `{0}` is not JSON")]
    ContentType(String),
    /// Arrays and objects nest deeper than
    /// [`ParseOptions::max_depth`](crate::parse::ParseOptions::max_depth).
    #[error("JSON nests deeper than {max} levels")]
    TooDeep {
        /// The limit.
        max: usize,
    },
    /// The body is not valid JSON.
    #[error("body is not valid JSON: {message} at line {line} column {column}")]
    NotJson {
        /// serde_json's description.
        message: String,
        /// 1-based line of the error.
        line: usize,
        /// 1-based column of the error.
        column: usize,
    },
    /// The top-level JSON value is not an object.
    #[error("body is JSON but not an object")]
    NotAnObject,
    /// The object has none of the shapes of the known formats.
    #[error("body is a JSON object in none of the wire formats read")]
    UnknownShape,
    /// A member the format requires is absent.
    #[error("{format} body has no `{member}` member")]
    Missing {
        /// The format read.
        format: Format,
        /// The member's path, e.g. `error_list[0].error.error_code`.
        member: String,
    },
    /// A member has the wrong JSON type.
    #[error("`{member}` should be {expected}")]
    WrongType {
        /// The member's path.
        member: String,
        /// What it should be: `a string`, `an integer`, `an array`, …
        expected: &'static str,
    },
}
