//! [`Renderer`]: the options of every format in one value, and rendering by [`Format`].

use http::header::{HeaderMap, ACCEPT};
use serde::ser::{Serialize, Serializer};

use crate::format::{primary, GoogleFormat, OmiseFormat, OneyFormat, ProblemFormat};
use crate::{language, ApiError, Format, RequestContext};

/// Every format's options, and the formats the server offers (the first being the default).
///
/// This is what framework integrations hold: one value, shared by all requests, that turns
/// any [`ApiError`] into a body or an [`http::Response`] in the format chosen by the server
/// or by the request's `Accept` header.
///
/// ```
/// use apierror::{ApiError, Format, Renderer, RequestContext};
///
/// #[derive(Debug, ApiError)]
/// enum E {
///     #[status(400)]
///     #[code("used_token")]
///     #[message("token was already used")]
///     UsedToken,
/// }
///
/// let renderer = Renderer::new(Format::Omise);
/// let mut buf = Vec::new();
/// renderer.render(Format::Omise, &E::UsedToken, &RequestContext::new(), &mut buf);
/// assert!(buf.starts_with(br#"{"object":"error","#));
/// assert_eq!(renderer.negotiate("application/problem+json"), Format::Problem);
/// assert_eq!(renderer.negotiate("image/png"), Format::Omise);
/// ```
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Renderer {
    /// Options of [`Format::Omise`].
    pub omise: OmiseFormat,
    /// Options of [`Format::Problem`] (plain profile by default).
    pub problem: ProblemFormat,
    /// Options of [`Format::Vipps`] (the Vipps profile by default).
    pub vipps: ProblemFormat,
    /// Options of [`Format::Oney`].
    pub oney: OneyFormat,
    /// Options of [`Format::Google`].
    pub google: GoogleFormat,
    offers: Vec<Format>,
}

impl Default for Renderer {
    /// Default options, offering problem details first.
    fn default() -> Self {
        Renderer::new(Format::Problem)
    }
}

impl Renderer {
    /// Default options for every format; `default` is offered first, then the others in
    /// [`Format::ALL`] order. Formats that share a media type are told apart by that order:
    /// `application/json` gives Omise unless the default is Oney or Google, which is how a
    /// server chooses the Google format (an `Accept` header cannot).
    pub fn new(default: Format) -> Self {
        let mut offers = Vec::with_capacity(Format::ALL.len());
        offers.push(default);
        offers.extend(Format::ALL.into_iter().filter(|f| *f != default));
        Renderer {
            omise: OmiseFormat::new(),
            problem: ProblemFormat::new(),
            vipps: ProblemFormat::vipps(),
            oney: OneyFormat::new(),
            google: GoogleFormat::new(),
            offers,
        }
    }

    /// Sets the Omise options.
    pub fn with_omise(mut self, omise: OmiseFormat) -> Self {
        self.omise = omise;
        self
    }

    /// Sets the options of [`Format::Problem`].
    pub fn with_problem(mut self, problem: ProblemFormat) -> Self {
        self.problem = problem;
        self
    }

    /// Sets the options of [`Format::Vipps`].
    pub fn with_vipps(mut self, vipps: ProblemFormat) -> Self {
        self.vipps = vipps;
        self
    }

    /// Sets the Google options.
    pub fn with_google(mut self, google: GoogleFormat) -> Self {
        self.google = google;
        self
    }

    /// Sets the Oney options.
    pub fn with_oney(mut self, oney: OneyFormat) -> Self {
        self.oney = oney;
        self
    }

    /// Sets the formats negotiation may choose, in order of preference; the first is the
    /// default. Duplicates are dropped; an empty list keeps the current offers.
    pub fn with_offers(mut self, offers: &[Format]) -> Self {
        if !offers.is_empty() {
            self.offers.clear();
            for offer in offers {
                if !self.offers.contains(offer) {
                    self.offers.push(*offer);
                }
            }
        }
        self
    }

    /// The formats offered, the default first.
    pub fn offers(&self) -> &[Format] {
        &self.offers
    }

    /// The format used when the request states no usable preference.
    pub fn default_format(&self) -> Format {
        self.offers.first().copied().unwrap_or(Format::Problem)
    }

    /// The format for an `Accept` header value; see [`Format::negotiate`].
    pub fn negotiate(&self, accept: &str) -> Format {
        Format::negotiate(accept, &self.offers)
    }

    /// The format for a request's `Accept` lines, as a framework's own header type gives
    /// them; see [`Format::negotiate_lines`].
    pub fn negotiate_lines<'h>(&self, lines: impl IntoIterator<Item = &'h str>) -> Format {
        Format::negotiate_lines(lines, &self.offers)
    }

    /// The format for a request's headers: every `Accept` line is read (up to 16; lines
    /// that are not visible ASCII are skipped); without one, the default.
    pub fn negotiate_headers(&self, headers: &HeaderMap) -> Format {
        self.negotiate_lines(
            headers
                .get_all(ACCEPT)
                .iter()
                .filter_map(|value| value.to_str().ok()),
        )
    }

    /// Appends the body of `err` in `format` to `out`.
    ///
    /// Nothing is allocated beyond `out`'s growth: with room enough, nothing at all.
    pub fn render(
        &self,
        format: Format,
        err: &dyn ApiError,
        ctx: &RequestContext<'_>,
        out: &mut Vec<u8>,
    ) {
        match format {
            Format::Omise => self.omise.render_negotiated(err, ctx, out),
            _ => self.render_one(format, err, ctx, out),
        }
    }

    /// [`Renderer::render`] in a format other than Omise's, kept out of line so that the
    /// Omise body is one jump away.
    #[inline(never)]
    fn render_one(
        &self,
        format: Format,
        err: &dyn ApiError,
        ctx: &RequestContext<'_>,
        out: &mut Vec<u8>,
    ) {
        self.render_all(format, &[err], ctx, out);
    }

    /// Appends one body for several errors to `out`. Oney lists them all; the problem
    /// formats describe the first and list the others (see [`ProblemFormat`]); Omise has
    /// no list form and renders the first. An empty list renders a 500.
    ///
    /// The body is written in the language the context's `Accept-Language` preferences
    /// choose among the languages the errors have, else in their default language.
    pub fn render_all(
        &self,
        format: Format,
        errors: &[&dyn ApiError],
        ctx: &RequestContext<'_>,
        out: &mut Vec<u8>,
    ) {
        if let (Format::Omise, [err]) = (format, errors) {
            return self.omise.render_negotiated(*err, ctx, out);
        }
        let lang = self.written_language(format, errors, ctx);
        self.render_all_in(format, errors, ctx, lang, out);
    }

    /// The language a body of `errors` in `format` is written in for `ctx`: formats that
    /// write the variant's title need it in that language too.
    pub(crate) fn language(
        &self,
        format: Format,
        errors: &[&dyn ApiError],
        ctx: &RequestContext<'_>,
    ) -> language::Chosen {
        language::for_errors(errors, ctx, titled(format))
    }

    /// The language argument of the writers for a body of `errors` in `format`
    /// ([`language::Chosen::written`] of [`Renderer::language`], without working out
    /// whether the response varies).
    fn written_language(
        &self,
        format: Format,
        errors: &[&dyn ApiError],
        ctx: &RequestContext<'_>,
    ) -> &'static str {
        language::written(errors, ctx, titled(format))
    }

    /// [`Renderer::render_all`] in `lang`, a language every error has.
    pub(crate) fn render_all_in(
        &self,
        format: Format,
        errors: &[&dyn ApiError],
        ctx: &RequestContext<'_>,
        lang: &str,
        out: &mut Vec<u8>,
    ) {
        match format {
            Format::Omise => self.omise.render_in(primary(errors), lang, out),
            Format::Problem => self.problem.render_all_in(errors, ctx, lang, out),
            Format::Vipps => self.vipps.render_all_in(errors, ctx, lang, out),
            Format::Oney => self.oney.render_all_in(errors, lang, out),
            Format::Google => self.google.render_all_in(errors, lang, out),
        }
    }

    /// A [`Serialize`] view of the same body as [`Renderer::render_all`] writes, for
    /// embedding it in another document.
    pub fn view<'a>(
        &'a self,
        format: Format,
        errors: &'a [&'a dyn ApiError],
        ctx: &'a RequestContext<'a>,
    ) -> View<'a> {
        View {
            renderer: self,
            format,
            errors,
            ctx,
        }
    }
}

/// A body in any format as a [`Serialize`] value; see [`Renderer::view`].
pub struct View<'a> {
    renderer: &'a Renderer,
    format: Format,
    errors: &'a [&'a dyn ApiError],
    ctx: &'a RequestContext<'a>,
}

impl Serialize for View<'_> {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let View {
            renderer,
            format,
            errors,
            ctx,
        } = *self;
        let lang = renderer.written_language(format, errors, ctx);
        match format {
            Format::Omise => renderer
                .omise
                .view_in(primary(errors), lang)
                .serialize(serializer),
            Format::Problem => renderer
                .problem
                .view_in(errors, ctx, lang)
                .serialize(serializer),
            Format::Vipps => renderer
                .vipps
                .view_in(errors, ctx, lang)
                .serialize(serializer),
            Format::Oney => renderer.oney.view_in(errors, lang).serialize(serializer),
            Format::Google => renderer.google.view_in(errors, lang).serialize(serializer),
        }
    }
}

/// Whether bodies in `format` write the variant's title: a language then counts only where
/// the title is in it too.
pub(crate) fn titled(format: Format) -> bool {
    matches!(format, Format::Problem | Format::Vipps)
}
