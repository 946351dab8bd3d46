//! [`Body`]: what one response body is about, as a [`WireFormat`](crate::format::WireFormat)
//! is handed it: the errors, the request's context, and the language chosen for them.

use http::StatusCode;

use crate::model::answer::{primary, wire_status, NoErrors};
use crate::model::api_error::ApiError;
use crate::model::violation::{FieldViolation, Violations};
use crate::negotiate::language;
use crate::request::context::RequestContext;

/// The errors of one body, the request they answer, and the language their texts are
/// written in. A format writes from this alone.
///
/// The list is never empty: a caller's empty list becomes one internal error (500), since
/// an error response must still be a valid body.
///
/// ```
/// use apierror::format::Body;
/// use apierror::{ApiError, RequestContext};
///
/// #[derive(Debug, ApiError)]
/// #[status(429)]
/// #[code("rate_limited")]
/// #[message("slow down")]
/// struct RateLimited;
///
/// let ctx = RequestContext::new();
/// let errors: [&dyn ApiError; 1] = [&RateLimited];
/// let body = Body::new(&errors, &ctx);
/// assert_eq!(body.first().code(), "rate_limited");
/// assert_eq!(body.status(), 429);
/// assert_eq!(body.language(), "en");
/// ```
#[derive(Clone, Copy)]
pub struct Body<'a> {
    errors: &'a [&'a dyn ApiError],
    ctx: &'a RequestContext<'a>,
    /// The writers' language argument: [`language::DEFAULT`] where every error is written in
    /// its default language (the derive's pre-escaped parts then serve as they are).
    lang: &'static str,
    /// The first error's violations, asked once: a list format asks for each entry.
    violations: Violations<'a>,
}

/// What an empty list of errors is written as.
const NO_ERRORS: &[&dyn ApiError] = &[&NoErrors];

/// What a format's list holds for `errors` (see [`Body::entries`]), for the built-ins'
/// writers that are handed the errors rather than a [`Body`].
pub(crate) fn entries_of<'a>(errors: &'a [&'a dyn ApiError]) -> Entries<'a> {
    let errors = if errors.is_empty() { NO_ERRORS } else { errors };
    entries(errors, primary(errors).violations())
}

/// The entries of `errors` (never empty), whose first error has `violations`: those where
/// it is a validation failure, else every error.
fn entries<'a>(errors: &'a [&'a dyn ApiError], violations: Violations<'a>) -> Entries<'a> {
    match violations.is_empty() {
        true => Entries::Errors(errors),
        false => Entries::Violations(violations.list),
    }
}

impl<'a> Body<'a> {
    /// The body of `errors` for the request `ctx`, in the language its `Accept-Language`
    /// chooses among the languages the errors have (their default language otherwise).
    pub fn new(errors: &'a [&'a dyn ApiError], ctx: &'a RequestContext<'a>) -> Self {
        let lang = language::written(errors, ctx);
        Body::in_language(errors, ctx, lang)
    }

    /// The body with the writers' language already chosen.
    pub(crate) fn in_language(
        errors: &'a [&'a dyn ApiError],
        ctx: &'a RequestContext<'a>,
        lang: &'static str,
    ) -> Self {
        let errors = if errors.is_empty() { NO_ERRORS } else { errors };
        Body {
            errors,
            ctx,
            lang,
            violations: primary(errors).violations(),
        }
    }

    /// Every error, the most important first; never empty.
    pub fn errors(&self) -> &'a [&'a dyn ApiError] {
        self.errors
    }

    /// What a format's list holds: the first error's [violations](ApiError::violations)
    /// where it is a validation failure (the failure itself, written at the top, is not
    /// repeated among them), else every error. A format without a list writes
    /// [`Body::first`], with the first entry's field where it has a place for one.
    ///
    /// ```
    /// use apierror::format::Body;
    /// use apierror::{ApiError, RequestContext};
    ///
    /// #[derive(Debug, ApiError)]
    /// #[status(429)]
    /// #[code("rate_limited")]
    /// #[message("slow down")]
    /// struct RateLimited;
    ///
    /// let ctx = RequestContext::new();
    /// let errors: [&dyn ApiError; 2] = [&RateLimited, &RateLimited];
    /// let body = Body::new(&errors, &ctx);
    /// assert_eq!(body.entries().len(), 2);
    /// assert!(!body.is_summary());
    /// ```
    pub fn entries(&self) -> Entries<'a> {
        entries(self.errors, self.violations)
    }

    /// Whether the first error is a validation failure whose violations are the entries.
    pub fn is_summary(&self) -> bool {
        !self.violations.is_empty()
    }

    /// How many violations the first error left out of its entries (see
    /// [`MAX_VIOLATIONS`](crate::MAX_VIOLATIONS)): a format with a place for the count
    /// writes it.
    pub fn omitted(&self) -> usize {
        self.violations.omitted
    }

    /// The status an entry is sent with in a format that writes one per entry: the
    /// failure's where the entries are its violations, else the entry's own (500 where
    /// that is not an error status).
    pub fn status_of(&self, entry: &dyn ApiError) -> StatusCode {
        match self.is_summary() {
            true => self.status(),
            false => wire_status(entry),
        }
    }

    /// The first error: the one a format without a list writes.
    pub fn first(&self) -> &'a dyn ApiError {
        primary(self.errors)
    }

    /// What the request tells a body: instance, trace id, language preferences.
    pub fn context(&self) -> &'a RequestContext<'a> {
        self.ctx
    }

    /// The HTTP status the response is sent with: the first error's, or 500 where that is
    /// not an error status.
    pub fn status(&self) -> StatusCode {
        wire_status(self.first())
    }

    /// The language chosen for the body: the first error's message is in it.
    pub fn language(&self) -> &'static str {
        language::message_language(self.first(), self.lang)
    }

    /// The language `err`'s message is written in: the one chosen where `err` has its
    /// message in it, else `err`'s default. Pass it to
    /// [`JsonWriter::message`](crate::format::JsonWriter::message).
    pub fn message_language(&self, err: &dyn ApiError) -> &'static str {
        language::message_language(err, self.lang)
    }

    /// The language `err`'s title is written in: the one chosen where `err` has its title
    /// in it, else `err`'s default. Chosen apart from the message's, so a translated
    /// message is never dropped for want of a translated title.
    pub fn title_language(&self, err: &dyn ApiError) -> &'static str {
        language::title_language(err, self.lang)
    }

    /// `err`'s title in [`Body::title_language`].
    pub fn title(&self, err: &dyn ApiError) -> &'static str {
        let meta = err.meta();
        meta.title_in(self.title_language(err))
            .unwrap_or(meta.title)
    }

    /// The writers' language argument of the built-in formats.
    pub(crate) fn written(&self) -> &'static str {
        self.lang
    }
}

/// The entries of a [`Body`] ([`Body::entries`]): errors or violations, each an
/// [`ApiError`] to write with the same writers.
#[derive(Clone, Copy)]
pub enum Entries<'a> {
    /// Every error of the body.
    Errors(&'a [&'a dyn ApiError]),
    /// The violations of a validation failure.
    Violations(&'a [FieldViolation]),
}

impl<'a> Entries<'a> {
    /// How many entries there are.
    pub fn len(&self) -> usize {
        match self {
            Entries::Errors(list) => list.len(),
            Entries::Violations(list) => list.len(),
        }
    }

    /// Whether there are none.
    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }

    /// The entry at `index`.
    pub fn get(&self, index: usize) -> Option<&'a dyn ApiError> {
        match self {
            Entries::Errors(list) => list.get(index).copied(),
            Entries::Violations(list) => list.get(index).map(|v| v as &dyn ApiError),
        }
    }

    /// The entries in order.
    pub fn iter(&self) -> EntriesIter<'a> {
        EntriesIter {
            entries: *self,
            next: 0,
        }
    }
}

impl<'a> IntoIterator for Entries<'a> {
    type Item = &'a dyn ApiError;
    type IntoIter = EntriesIter<'a>;

    fn into_iter(self) -> EntriesIter<'a> {
        self.iter()
    }
}

/// The iterator of [`Entries`].
#[derive(Clone)]
pub struct EntriesIter<'a> {
    entries: Entries<'a>,
    next: usize,
}

impl<'a> Iterator for EntriesIter<'a> {
    type Item = &'a dyn ApiError;

    fn next(&mut self) -> Option<&'a dyn ApiError> {
        let entry = self.entries.get(self.next)?;
        self.next += 1;
        Some(entry)
    }

    fn size_hint(&self) -> (usize, Option<usize>) {
        let left = self.entries.len() - self.next;
        (left, Some(left))
    }
}

impl ExactSizeIterator for EntriesIter<'_> {}

impl core::fmt::Debug for Body<'_> {
    fn fmt(&self, f: &mut core::fmt::Formatter<'_>) -> core::fmt::Result {
        f.debug_struct("Body")
            .field(
                "codes",
                &self.errors.iter().map(|e| e.code()).collect::<Vec<_>>(),
            )
            .field("language", &self.language())
            .finish_non_exhaustive()
    }
}
