//! The wire formats: the [`WireFormat`] trait every format implements, what a format is
//! handed ([`Body`]) and writes with ([`JsonWriter`]), the vocabulary of a received body
//! ([`ReceivedBody`], [`ParseError`], [`ReadMode`]) and what reads one ([`Members`]: every
//! reader's, the built-ins' and yours), [`Format`] that names a format, and the
//! five built-ins, one file each holding its options, writer, `Serialize` view, reader and
//! schema:
//!
//! | format | file | body |
//! |---|---|---|
//! | [`Format::Omise`] | `omise.rs` ([`OmiseFormat`]) | `{"object":"error","location":…,"code":…,"message":…}` |
//! | [`Format::Problem`], [`Format::Vipps`] | `problem.rs` ([`ProblemFormat`]) | RFC 9457, plain or the Vipps ePayment profile |
//! | [`Format::Oney`] | `oney.rs` ([`OneyFormat`]) | `{"language_code":…,"error_list":[…]}` |
//! | [`Format::Google`] | `google.rs` ([`GoogleFormat`]) | `{"error":{"code":…,"message":…,"status":…,"details":[…]}}` |
//!
//! `json.rs` holds the escaping every format writes with, `kept.rs` the entries a list
//! format keeps ([`EntryCache`]) and the renderer's kept bodies, `code_match.rs` the answer of
//! [`WireFormat::code_match`] (how a received code names a declared one). The static bytes
//! a built-in's body is made of are defined once, in the `apierror-spec` crate (`spec/`),
//! which the derive links too: it builds each variant's pre-escaped heads from them at
//! compile time, and the built-ins' general path writes the same pieces at run time.
//! Formats never import each other.
//!
//! A new format is a type implementing [`WireFormat`], registered on a
//! [`Renderer`](crate::Renderer) and a [`Decoder`](crate::parse::Decoder): outside this
//! crate as inside it (the `apierror-formats` crate's Stripe, JSON:API and Microsoft are
//! written that way).

use core::fmt;
use core::str::FromStr;

use crate::negotiate::accept;

/// The public entry points of a format that writes several errors in one body, for
/// `$format`: `render_all` and `view` choose the language the context's preferences ask
/// for among the errors' (see `language::written`) and hand it to the format's `render_all_in` and `view_in`, with the
/// context too where the body carries it (`with_context`). Written once here for the
/// formats that share them; each gives their doc comments.
macro_rules! list_entry_points {
    (
        $format:ty,
        $context:ident,
        render_all: $(#[$render_doc:meta])*
        view: $(#[$view_doc:meta])*
    ) => {
        impl $format {
            $(#[$render_doc])*
            pub fn render_all(
                &self,
                errors: &[&dyn $crate::model::api_error::ApiError],
                ctx: &$crate::request::context::RequestContext<'_>,
                out: &mut Vec<u8>,
            ) {
                let lang = $crate::negotiate::language::written(errors, ctx);
                list_entry_points!(@pass $context, self.render_all_in(errors, ctx, lang, out))
            }

            $(#[$view_doc])*
            pub fn view<'a>(
                &'a self,
                errors: &'a [&'a dyn $crate::model::api_error::ApiError],
                ctx: &'a $crate::request::context::RequestContext<'a>,
            ) -> impl serde::Serialize + 'a {
                let lang = $crate::negotiate::language::written(errors, ctx);
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

mod body;
mod code_match;
pub(crate) mod google;
pub(crate) mod json;
pub(crate) mod kept;
pub(crate) mod members;
mod omise;
mod oney;
pub(crate) mod parse_error;
mod problem;
pub(crate) mod received;
pub(crate) mod view;
mod wire_format;
mod writer;

pub use body::{Body, Entries, EntriesIter};
pub use code_match::CodeMatch;
/// The crate [`WireFormat::view`] returns a value of, for a format with a view of its own.
pub use erased_serde;
pub use kept::EntryCache;
pub use members::{Members, ReadMode};
pub use parse_error::ParseError;
pub use received::{ReceivedBody, ReceivedEntry};
pub use wire_format::{Carries, Confidence, FormatError, WireFormat};
pub use writer::{public_message, JsonWriter};

pub use google::GoogleFormat;
pub use omise::OmiseFormat;
pub use oney::OneyFormat;
pub use problem::{ProblemFormat, Profile, TypeKind};

/// Why a format option was refused: a base URL that could not be written safely into a
/// body, or a language code Oney cannot carry.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[non_exhaustive]
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
    if !apierror_spec::rules::is_clean_url(url, MAX_URL_LEN) {
        Err(OptionError::Url {
            what,
            max: MAX_URL_LEN,
        })
    } else {
        Ok(())
    }
}

/// Names a wire format: one of the five built-ins, or a format of your own registered
/// on a [`Renderer`](crate::Renderer) (see [`WireFormat`]).
///
/// Like `http::HeaderName`, one type serves both: the built-ins are constants with a fast
/// path of their own, any other format is named by its [`WireFormat::name`].
///
/// ```
/// use apierror::Format;
/// assert_eq!("vipps".parse::<Format>(), Ok(Format::Vipps));
/// assert_eq!(Format::Problem.name(), "problem");
/// assert_eq!(Format::named("acme").name(), "acme");
/// assert_eq!(Format::named("oney"), Format::Oney);
/// assert!(Format::named("acme").built_in().is_none());
/// ```
#[derive(Clone, Copy, PartialEq, Eq, Hash)]
pub struct Format(Kind);

/// The built-ins, and the rest by name.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
enum Kind {
    BuiltIn(BuiltIn),
    Named(&'static str),
}

/// The five built-in formats: [`Format::built_in`] tells which a [`Format`] is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum BuiltIn {
    /// Omise / Opn Payments: `{"object":"error","location":…,"code":…,"message":…}`.
    Omise,
    /// RFC 9457 problem details, `application/problem+json`.
    Problem,
    /// RFC 9457 in the Vipps MobilePay ePayment profile (`extraDetails`, `traceId`).
    Vipps,
    /// Oney: `{"language_code":…,"error_list":[{"error":{…}}]}`.
    Oney,
    /// Google's error model (AIP-193).
    Google,
}

#[allow(non_upper_case_globals)]
impl Format {
    /// Omise / Opn Payments: `{"object":"error","location":…,"code":…,"message":…}`.
    pub const Omise: Format = Format(Kind::BuiltIn(BuiltIn::Omise));
    /// RFC 9457 problem details, `application/problem+json`.
    pub const Problem: Format = Format(Kind::BuiltIn(BuiltIn::Problem));
    /// RFC 9457 in the Vipps MobilePay ePayment profile (`extraDetails`, `traceId`).
    pub const Vipps: Format = Format(Kind::BuiltIn(BuiltIn::Vipps));
    /// Oney: `{"language_code":…,"error_list":[{"error":{…}}]}`.
    pub const Oney: Format = Format(Kind::BuiltIn(BuiltIn::Oney));
    /// Google's error model (AIP-193): `{"error":{"code":…,"message":…,"status":…,"details":[…]}}`.
    /// It shares `application/json` with Omise and Oney: a server chooses it by
    /// configuration, never an `Accept` header.
    pub const Google: Format = Format(Kind::BuiltIn(BuiltIn::Google));

    /// The built-in formats, in declaration order.
    pub const BUILT_IN: [Format; 5] = [
        Format::Omise,
        Format::Problem,
        Format::Vipps,
        Format::Oney,
        Format::Google,
    ];

    /// The format named `name`: a built-in where it is one's name, else a format of your
    /// own (a [`WireFormat`] whose [`WireFormat::name`] is `name`).
    pub const fn named(name: &'static str) -> Format {
        match builtin_named(name) {
            Some(format) => format,
            None => Format(Kind::Named(name)),
        }
    }

    /// The built-in `built_in`.
    pub(crate) const fn built(built_in: BuiltIn) -> Format {
        Format(Kind::BuiltIn(built_in))
    }

    /// The format `format` implements: [`Format::named`] of its name.
    pub fn of(format: &dyn WireFormat) -> Format {
        Format::named(format.name())
    }

    /// Which built-in this is, if it is one.
    pub const fn built_in(self) -> Option<BuiltIn> {
        match self.0 {
            Kind::BuiltIn(b) => Some(b),
            Kind::Named(_) => None,
        }
    }

    /// The lower-case name, as parsed by [`FromStr`].
    pub const fn name(self) -> &'static str {
        match self.0 {
            Kind::BuiltIn(BuiltIn::Omise) => "omise",
            Kind::BuiltIn(BuiltIn::Problem) => "problem",
            Kind::BuiltIn(BuiltIn::Vipps) => "vipps",
            Kind::BuiltIn(BuiltIn::Oney) => "oney",
            Kind::BuiltIn(BuiltIn::Google) => "google",
            Kind::Named(name) => name,
        }
    }

    /// The media type an `Accept` header names a built-in by (without parameters); `None`
    /// for a format of your own, whose [`WireFormat::media_type`] says.
    pub const fn media_type(self) -> Option<&'static str> {
        match self.0 {
            Kind::BuiltIn(BuiltIn::Omise | BuiltIn::Oney | BuiltIn::Google) => {
                Some("application/json")
            }
            Kind::BuiltIn(BuiltIn::Problem | BuiltIn::Vipps) => Some("application/problem+json"),
            Kind::Named(_) => None,
        }
    }

    /// The exact `Content-Type` header value of a built-in's responses; `None` for a
    /// format of your own, whose [`WireFormat::content_type`] says.
    ///
    /// Problem details go without parameters: a real client's parser rejects
    /// `application/problem+json; charset=utf-8`.
    pub const fn content_type(self) -> Option<&'static str> {
        match self.0 {
            Kind::BuiltIn(BuiltIn::Omise | BuiltIn::Oney | BuiltIn::Google) => {
                Some("application/json; charset=utf-8")
            }
            Kind::BuiltIn(BuiltIn::Problem | BuiltIn::Vipps) => Some("application/problem+json"),
            Kind::Named(_) => None,
        }
    }
}

/// Choosing among built-ins by `Accept`: the negotiation layer does the matching; a [`Renderer`](crate::Renderer) negotiates among its own formats the same way.
impl Format {
    /// Picks a built-in format for the `Accept` value `accept` among `offers`, the server's
    /// formats in order of preference. A [`Renderer`](crate::Renderer) negotiates among
    /// its own formats too ([`Renderer::negotiate`](crate::Renderer::negotiate)); here a
    /// format of your own, whose media type only its [`WireFormat`]
    /// knows, is never chosen but as the default.
    ///
    /// The first offer is the default: it is returned when nothing offered is acceptable
    /// (or `offers` is empty: then [`Format::Problem`]). `Omise` and `Oney` share
    /// `application/json`, `Problem` and `Vipps` share `application/problem+json`: offer
    /// the one the server prefers first.
    ///
    /// ```
    /// use apierror::Format;
    ///
    /// let offers = [Format::Problem, Format::Omise];
    /// assert_eq!(Format::negotiate("application/json", &offers), Format::Omise);
    /// assert_eq!(Format::negotiate("application/json;q=0.5, application/problem+json", &offers), Format::Problem);
    /// assert_eq!(Format::negotiate("*/*", &offers), Format::Problem);
    /// assert_eq!(Format::negotiate("text/html", &offers), Format::Problem); // falls back, never fails
    /// ```
    pub fn negotiate(accept: &str, offers: &[Format]) -> Format {
        Format::negotiate_lines([accept], offers)
    }

    /// Like [`Format::negotiate`] over a request's `Accept` header lines, read as one
    /// comma-joined list. At most 16 lines are read; without any line, the default.
    pub fn negotiate_lines<'h>(
        lines: impl IntoIterator<Item = &'h str>,
        offers: &[Format],
    ) -> Format {
        let media_types = offers.iter().map(|f| f.media_type().unwrap_or(""));
        match accept::choose(lines, media_types) {
            Some(i) => offers[i],
            None => offers.first().copied().unwrap_or(Format::Problem),
        }
    }
}

/// The built-in named `name`, compared without regard to ASCII case.
const fn builtin_named(name: &str) -> Option<Format> {
    let mut i = 0;
    while i < Format::BUILT_IN.len() {
        let format = Format::BUILT_IN[i];
        if same_ascii_letters(name.as_bytes(), format.name().as_bytes()) {
            return Some(format);
        }
        i += 1;
    }
    None
}

/// `a.eq_ignore_ascii_case(b)` as a `const fn` on the Rust versions this crate supports.
const fn same_ascii_letters(a: &[u8], b: &[u8]) -> bool {
    if a.len() != b.len() {
        return false;
    }
    let mut i = 0;
    while i < a.len() {
        if !a[i].eq_ignore_ascii_case(&b[i]) {
            return false;
        }
        i += 1;
    }
    true
}

impl fmt::Debug for Format {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self.0 {
            Kind::BuiltIn(b) => fmt::Debug::fmt(&b, f),
            Kind::Named(name) => f.debug_tuple("Named").field(&name).finish(),
        }
    }
}

impl fmt::Display for Format {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.name())
    }
}

/// The name given to [`Format::from_str`] is not a built-in format.
#[derive(Debug, Clone, Copy, PartialEq, Eq, thiserror::Error)]
#[error("unknown wire format; expected one of omise, problem, vipps, oney, google")]
pub struct UnknownFormat;

impl FromStr for Format {
    type Err = UnknownFormat;

    /// Parses a built-in's name case-insensitively; a format of your own is found by name
    /// on the renderer that registered it ([`Renderer::format_named`](crate::Renderer::format_named)).
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        builtin_named(s).ok_or(UnknownFormat)
    }
}
