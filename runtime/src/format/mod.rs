//! The wire formats: [`Format`] names them, and each has one file here with its options,
//! its writer and its `Serialize` view.
//!
//! | format | file | body |
//! |---|---|---|
//! | [`Format::Omise`] | `omise.rs` ([`OmiseFormat`]) | `{"object":"error","location":…,"code":…,"message":…}` |
//! | [`Format::Problem`], [`Format::Vipps`] | `problem.rs` ([`ProblemFormat`]) | RFC 9457, plain or the Vipps ePayment profile |
//! | [`Format::Oney`] | `oney.rs` ([`OneyFormat`]) | `{"language_code":…,"error_list":[…]}` |
//! | [`Format::Google`] | `google.rs` ([`GoogleFormat`]) | `{"error":{"code":…,"message":…,"status":…,"details":[…]}}` |
//!
//! What every format shares lives here: the names and media types, the status a body is
//! sent with, the error rendered when a caller passes none, and [`OptionError`] for options
//! that cannot be used; `json.rs` the escaping every format writes with. The static bytes a
//! body is made of are defined once, in the `apierror-shared` crate (`shared/`), which the
//! derive links too: it builds each variant's pre-escaped heads from them at compile time,
//! and the formats' generic path writes the same pieces at run time.
//!
//! Adding a format: a new file here with its options type and its writers
//! (`render_all_in`, `view_in`; a format that writes several errors in one body gets its
//! public `render_all` and `view` from one `list_entry_points!` call), a variant of
//! [`Format`], and the match arms the compiler then points at (the renderer, the parser,
//! the OpenAPI schema); for the derive's fast path, its static pieces in a module of
//! `shared/` and a part in `JsonParts`. Formats never import each other.

use core::fmt;
use core::str::FromStr;

use http::StatusCode;

use crate::{ApiError, MessageSink, VariantMeta};

/// The public entry points of a format that writes several errors in one body, for
/// `$format`: `render_all` and `view` choose the language the context's preferences ask
/// for among the errors' (every error must have it where `all_languages`, see
/// `language::written`) and hand it to the format's `render_all_in` and `view_in`, with the
/// context too where the body carries it (`with_context`). Written once here for the
/// formats that share them; each gives their doc comments.
macro_rules! list_entry_points {
    (
        $format:ty,
        all_languages: $all:literal,
        $context:ident,
        render_all: $(#[$render_doc:meta])*
        view: $(#[$view_doc:meta])*
    ) => {
        impl $format {
            $(#[$render_doc])*
            pub fn render_all(
                &self,
                errors: &[&dyn $crate::ApiError],
                ctx: &$crate::RequestContext<'_>,
                out: &mut Vec<u8>,
            ) {
                let lang = $crate::language::written(errors, ctx, $all);
                list_entry_points!(@pass $context, self.render_all_in(errors, ctx, lang, out))
            }

            $(#[$view_doc])*
            pub fn view<'a>(
                &'a self,
                errors: &'a [&'a dyn $crate::ApiError],
                ctx: &'a $crate::RequestContext<'a>,
            ) -> impl serde::Serialize + 'a {
                let lang = $crate::language::written(errors, ctx, $all);
                list_entry_points!(@pass $context, self.view_in(errors, ctx, lang))
            }
        }
    };
    // A call with the context, or without it (the argument after the errors dropped).
    (@pass with_context, $receiver:ident . $method:ident($errors:expr, $ctx:expr, $($rest:expr),*)) => {
        $receiver.$method($errors, $ctx, $($rest),*)
    };
    (@pass without_context, $receiver:ident . $method:ident($errors:expr, $ctx:expr, $($rest:expr),*)) => {{
        let _ = $ctx;
        $receiver.$method($errors, $($rest),*)
    }};
}

pub(crate) mod google;
pub(crate) mod json;
mod omise;
mod oney;
mod problem;
pub(crate) mod view;

pub use google::GoogleFormat;
pub use omise::OmiseFormat;
pub use oney::OneyFormat;
pub use problem::{ProblemFormat, Profile, TypeKind};

pub(crate) use google::{
    reason as google_reason, BAD_REQUEST, ERROR_INFO, HELP, LOCALIZED_MESSAGE,
};
pub(crate) use oney::code_may_be_cut;

/// Why a format option was refused: a base URL that could not be written safely into a
/// body, or a language code Oney cannot carry.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum OptionError {
    /// The URL is empty, too long, or holds whitespace or a control character.
    #[error("{what} must be a non-empty URL of at most {max} bytes without whitespace or control characters")]
    Url {
        /// Which option: `location`, `type base`.
        what: &'static str,
        /// The most bytes allowed.
        max: usize,
    },
    /// Oney's `language_code` must be two ASCII letters (ISO 639-1).
    #[error("an Oney language code is two ASCII letters, such as `EN`")]
    Language,
    /// A Google `ErrorInfo.domain` must be a DNS name.
    #[error("a Google error domain is a DNS name, such as `shop.example.com`")]
    Domain,
}

/// Most bytes of a base URL option: far above any real one.
const MAX_URL_LEN: usize = 2048;

/// Checks a base URL option: it is copied into every body, so it must be non-empty and
/// free of whitespace and control characters.
pub(crate) fn check_url(what: &'static str, url: &str) -> Result<(), OptionError> {
    let bad = url.is_empty()
        || url.len() > MAX_URL_LEN
        || url.chars().any(|c| c.is_whitespace() || c.is_control());
    if bad {
        Err(OptionError::Url {
            what,
            max: MAX_URL_LEN,
        })
    } else {
        Ok(())
    }
}

/// One of the wire formats an error can be rendered in.
///
/// ```
/// use apierror::Format;
/// assert_eq!("vipps".parse::<Format>(), Ok(Format::Vipps));
/// assert_eq!(Format::Problem.name(), "problem");
/// assert_eq!(Format::Oney.content_type(), "application/json; charset=utf-8");
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Format {
    /// Omise / Opn Payments: `{"object":"error","location":…,"code":…,"message":…}`.
    Omise,
    /// RFC 9457 problem details, `application/problem+json`.
    Problem,
    /// RFC 9457 in the Vipps MobilePay ePayment profile (`extraDetails`, `traceId`).
    Vipps,
    /// Oney: `{"language_code":…,"error_list":[{"error":{…}}]}`.
    Oney,
    /// Google's error model (AIP-193): `{"error":{"code":…,"message":…,"status":…,"details":[…]}}`.
    /// It shares `application/json` with Omise and Oney: a server chooses it by
    /// configuration, never an `Accept` header.
    Google,
}

impl Format {
    /// Every format, in declaration order.
    pub const ALL: [Format; 5] = [
        Format::Omise,
        Format::Problem,
        Format::Vipps,
        Format::Oney,
        Format::Google,
    ];

    /// The lower-case name, as parsed by [`FromStr`].
    pub const fn name(self) -> &'static str {
        match self {
            Format::Omise => "omise",
            Format::Problem => "problem",
            Format::Vipps => "vipps",
            Format::Oney => "oney",
            Format::Google => "google",
        }
    }

    /// The media type an `Accept` header names this format by (without parameters).
    pub const fn media_type(self) -> &'static str {
        match self {
            Format::Omise | Format::Oney | Format::Google => "application/json",
            Format::Problem | Format::Vipps => "application/problem+json",
        }
    }

    /// The exact `Content-Type` header value of this format's responses.
    ///
    /// Problem details go without parameters: a real client's parser rejects
    /// `application/problem+json; charset=utf-8`.
    pub const fn content_type(self) -> &'static str {
        match self {
            Format::Omise | Format::Oney | Format::Google => "application/json; charset=utf-8",
            Format::Problem | Format::Vipps => "application/problem+json",
        }
    }
}

impl fmt::Display for Format {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.name())
    }
}

/// The name given to [`Format::from_str`] is not a format.
#[derive(Debug, Clone, Copy, PartialEq, Eq, thiserror::Error)]
#[error("unknown wire format; expected one of omise, problem, vipps, oney, google")]
pub struct UnknownFormat;

impl FromStr for Format {
    type Err = UnknownFormat;

    /// Parses a name case-insensitively.
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        Format::ALL
            .into_iter()
            .find(|f| f.name().eq_ignore_ascii_case(s))
            .ok_or(UnknownFormat)
    }
}

/// The HTTP status sent for `err`: its own status when it is an error status (400..=599),
/// otherwise 500, so an error body never goes out with a success status. Problem bodies
/// write the same number, keeping `status` equal to the HTTP status.
pub(crate) fn wire_status(err: &dyn ApiError) -> StatusCode {
    let status = err.status();
    if status.is_client_error() || status.is_server_error() {
        status
    } else {
        StatusCode::INTERNAL_SERVER_ERROR
    }
}

/// Rendered when a caller passes an empty list of errors: an error response must still be
/// a valid body.
pub(crate) struct NoErrors;

static NO_ERRORS: VariantMeta = VariantMeta {
    name: "NoErrors",
    status: 500,
    code: "internal_error",
    title: "Internal Server Error",
    message: Some("Internal Server Error"),
    description: "Rendered when an empty list of errors is passed to a wire format.",
    translations: &[],
    field: None,
    fields: &[],
    pieces: &[crate::catalog::TemplatePiece::Literal(
        "Internal Server Error",
    )],
    location: None,
    language: "en",
    localized: &[],
    domain: None,
    grpc: None,
    meta: &[],
    // No value of it is ever received: it is never rebuilt.
    rebuildable: false,
};

impl ApiError for NoErrors {
    fn catalog() -> &'static crate::Catalog {
        static CATALOG: crate::Catalog = crate::Catalog {
            name: "NoErrors",
            variants: core::slice::from_ref(&NO_ERRORS),
        };
        &CATALOG
    }

    fn meta(&self) -> &'static VariantMeta {
        &NO_ERRORS
    }

    fn write_message(&self, out: &mut dyn MessageSink) -> fmt::Result {
        out.literal("Internal Server Error", "Internal Server Error")
    }
}

/// The first error of a list, or [`NoErrors`] when the list is empty.
pub(crate) fn primary<'e>(errors: &[&'e dyn ApiError]) -> &'e dyn ApiError {
    match errors.first() {
        Some(first) => *first,
        None => &NoErrors,
    }
}
