//! [`Renderer`]: the formats a server offers (built-in and its own), and rendering by
//! [`Format`]. Everything a format says about itself comes from [`WireFormat`]: nothing
//! here matches on formats but the dispatch to the built-ins' options.

mod body_cache;
pub(crate) mod response;

use std::sync::Arc;

use http::header::{HeaderMap, HeaderValue, ACCEPT};
use serde::ser::{Serialize, Serializer};

use crate::format::Format;
use crate::format::{
    Body, BuiltIn, FormatError, GoogleFormat, OmiseFormat, OneyFormat, ProblemFormat, WireFormat,
};
use crate::model::api_error::ApiError;
use crate::negotiate;
use crate::negotiate::language;
use crate::render::body_cache::BodyCache;
use crate::request::context::RequestContext;

/// The formats a server offers, in order of preference (the first is the default), with
/// every built-in format's options and the formats of your own it registered.
///
/// This is what framework integrations hold: one value, shared by all requests, that turns
/// any [`ApiError`] into a body or an [`http::Response`] in the format chosen by the server
/// or by the request's `Accept` header. A renderer offers the formats its author chose and
/// no others: [`Renderer::new`] offers one, [`Renderer::with_format`] and
/// [`Renderer::with_offers`] add more.
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
/// let renderer = Renderer::new(Format::Omise).with_offers(&[Format::Omise, Format::Problem]);
/// let mut buf = Vec::new();
/// renderer.render(Format::Omise, &E::UsedToken, &RequestContext::new(), &mut buf);
/// assert!(buf.starts_with(br#"{"object":"error","#));
/// assert_eq!(renderer.negotiate("application/problem+json"), Format::Problem);
/// assert_eq!(renderer.negotiate("image/png"), Format::Omise);
///
/// // A server that chose problem details answers every `Accept` with them.
/// let problems = Renderer::new(Format::Problem);
/// assert_eq!(problems.negotiate("application/json"), Format::Problem);
/// ```
#[derive(Debug, Clone)]
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
    registered: Vec<Registered>,
    offers: Vec<Format>,
}

/// A format as one response writes it: what writes it, its `Content-Type`, its kept
/// bodies ([`Renderer::resolved`]).
pub(crate) struct Resolved<'r> {
    pub(crate) format: Format,
    pub(crate) wire: &'r dyn WireFormat,
    pub(crate) content_type: &'r HeaderValue,
    cache: Option<&'r BodyCache>,
}

impl Resolved<'_> {
    /// Writes `body`: copied where it was kept. In a debug build, checks that a format of
    /// the user's wrote valid JSON.
    pub(crate) fn write(&self, body: &Body<'_>, out: &mut Vec<u8>) {
        let mark = out.len();
        match self.cache {
            Some(cache) => cache.write(self.wire, body, out),
            None => self.wire.write(body, out),
        }
        if cfg!(debug_assertions) && self.format.built_in().is_none() {
            let written = out.get(mark..).unwrap_or_default();
            debug_assert!(
                serde_json::from_slice::<serde::de::IgnoredAny>(written).is_ok(),
                "wire format `{}` wrote a body that is not JSON: {}",
                self.wire.name(),
                String::from_utf8_lossy(written)
            );
        }
    }
}

/// A format of the user's, registered with [`Renderer::with_format`].
#[derive(Debug, Clone)]
struct Registered {
    /// Its name, read once: looking a format up by name is done for every body.
    name: &'static str,
    format: Arc<dyn WireFormat>,
    /// Its `Content-Type`, checked once at registration.
    content_type: HeaderValue,
    /// Its bodies of static variants, where it writes nothing of the request.
    cache: Option<Arc<BodyCache>>,
}

impl PartialEq for Renderer {
    /// Equal options, offers and registered formats (compared by name).
    fn eq(&self, other: &Self) -> bool {
        let names = |r: &Renderer| {
            r.registered
                .iter()
                .map(|f| f.format.name())
                .collect::<Vec<_>>()
        };
        self.omise == other.omise
            && self.problem == other.problem
            && self.vipps == other.vipps
            && self.oney == other.oney
            && self.google == other.google
            && self.offers == other.offers
            && names(self) == names(other)
    }
}

impl Default for Renderer {
    /// Default options, offering problem details alone.
    fn default() -> Self {
        Renderer::new(Format::Problem)
    }
}

impl Renderer {
    /// Default options for every built-in format, offering `default` alone. A format of
    /// your own must then be registered with [`Renderer::with_format`].
    pub fn new(default: Format) -> Self {
        Renderer {
            omise: OmiseFormat::new(),
            problem: ProblemFormat::new(),
            vipps: ProblemFormat::vipps(),
            oney: OneyFormat::new(),
            google: GoogleFormat::new(),
            registered: Vec::new(),
            offers: vec![default],
        }
    }

    /// Default options, offering every built-in format, `default` first. Formats that share
    /// a media type are told apart by their order: `application/json` gives Omise unless the
    /// default is Oney or Google.
    pub fn all_built_in(default: Format) -> Self {
        let mut offers = vec![default];
        offers.extend(Format::BUILT_IN.into_iter().filter(|f| *f != default));
        Renderer::new(default).with_offers(&offers)
    }

    /// Registers `format` and offers it after the formats offered so far (first, where
    /// [`Renderer::new`] named it).
    ///
    /// Refused where its name is taken (a built-in's, or one registered before) or a format
    /// offered so far has its media type: a format never silently shadows another. Set a
    /// built-in's options with [`Renderer::with_omise`] and its kin instead.
    pub fn with_format(self, format: impl WireFormat) -> Result<Self, FormatError> {
        let (name, media_type) = (format.name(), format.media_type());
        let id = Format::named(name);
        let taken = self.offers.iter().find(|offer| {
            **offer != id
                && self
                    .wire_of(**offer)
                    .is_some_and(|w| w.media_type().eq_ignore_ascii_case(media_type))
        });
        if let Some(taken_by) = taken {
            return Err(FormatError::MediaTypeTaken {
                format: name,
                media_type,
                taken_by: taken_by.name(),
            });
        }
        let mut renderer = self.with_configured_format(format)?;
        if !renderer.offers.contains(&id) {
            renderer.offers.push(id);
        }
        Ok(renderer)
    }

    /// Registers `format` without offering it to negotiation: a server chooses it by
    /// configuration ([`Renderer::render`] and the layers' fixed format name it), as it
    /// chooses Google's among the formats sharing `application/json`. Refused only where
    /// its name is taken; its media type may be another offered format's.
    ///
    /// ```
    /// use apierror::format::{Body, WireFormat};
    /// use apierror::{Format, Renderer};
    ///
    /// #[derive(Debug)]
    /// struct Plain;
    /// impl WireFormat for Plain {
    ///     fn name(&self) -> &'static str { "plain" }
    ///     fn write(&self, _: &Body<'_>, out: &mut Vec<u8>) { out.extend_from_slice(b"{}") }
    /// }
    ///
    /// let renderer = Renderer::new(Format::Omise).with_configured_format(Plain)?;
    /// assert_eq!(renderer.offers(), [Format::Omise]);
    /// assert!(renderer.wire_of(Format::named("plain")).is_some());
    /// # Ok::<(), apierror::format::FormatError>(())
    /// ```
    pub fn with_configured_format(mut self, format: impl WireFormat) -> Result<Self, FormatError> {
        let name = format.name();
        let id = Format::named(name);
        if id.built_in().is_some() || self.registered(id).is_some() {
            return Err(FormatError::NameTaken(name));
        }
        let content_type = HeaderValue::from_str(format.content_type())
            .map_err(|_| FormatError::ContentType(name))?;
        let cache = (!format.varies_by_request()).then(|| Arc::new(BodyCache::new()));
        self.registered.push(Registered {
            name,
            format: Arc::new(format),
            content_type,
            cache,
        });
        Ok(self)
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
    /// default. Built-ins and formats registered before; duplicates and formats never
    /// registered are dropped; an empty list keeps the current offers.
    pub fn with_offers(mut self, offers: &[Format]) -> Self {
        let known: Vec<Format> = offers
            .iter()
            .copied()
            .filter(|f| self.wire_of(*f).is_some())
            .collect();
        if !known.is_empty() {
            self.offers.clear();
            for offer in known {
                if !self.offers.contains(&offer) {
                    self.offers.push(offer);
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

    /// The format named `name` (any ASCII case): a built-in, or one registered here.
    pub fn format_named(&self, name: &str) -> Option<Format> {
        if let Ok(format) = name.parse::<Format>() {
            return Some(format);
        }
        self.registered
            .iter()
            .map(|r| r.format.name())
            .find(|n| n.eq_ignore_ascii_case(name))
            .map(Format::named)
    }

    /// Every format this renderer can write: the built-ins, then those registered.
    pub fn formats(&self) -> impl Iterator<Item = &dyn WireFormat> + '_ {
        Format::BUILT_IN
            .into_iter()
            .filter_map(|f| self.wire_of(f))
            .chain(self.registered.iter().map(|r| &*r.format))
    }

    /// The formats registered with [`Renderer::with_format`].
    pub fn registered_formats(&self) -> impl Iterator<Item = &dyn WireFormat> + '_ {
        self.registered.iter().map(|r| &*r.format)
    }

    /// What writes `format`: a built-in's options, or the registered format of that name;
    /// `None` for a name never registered.
    pub fn wire_of(&self, format: Format) -> Option<&dyn WireFormat> {
        self.resolved_exactly(format).map(|resolved| resolved.wire)
    }

    /// What writes `format`, else the default format's (a name never registered is
    /// answered in the server's default format rather than not at all).
    pub fn wire(&self, format: Format) -> &dyn WireFormat {
        match self.wire_of(format) {
            Some(wire) => wire,
            None => self.wire_of(self.default_format()).unwrap_or(&self.problem),
        }
    }

    fn registered(&self, format: Format) -> Option<&Registered> {
        let name = format.name();
        // The same `&'static str` as registered, in the commonest case: no byte compared.
        let same = |r: &&Registered| core::ptr::eq(r.name, name) || r.name == name;
        self.registered.iter().find(same)
    }

    /// What writes `format` (else the default format, see [`Renderer::wire`]), with its
    /// `Content-Type` header and its kept bodies: looked up once per response.
    pub(crate) fn resolved(&self, format: Format) -> Resolved<'_> {
        match self.resolved_exactly(format) {
            Some(resolved) => resolved,
            None => self
                .resolved_exactly(self.default_format())
                .unwrap_or_else(|| self.built_in_resolved(BuiltIn::Problem)),
        }
    }

    /// What writes `format` itself; `None` for a name never registered.
    fn resolved_exactly(&self, format: Format) -> Option<Resolved<'_>> {
        match format.built_in() {
            Some(built_in) => Some(self.built_in_resolved(built_in)),
            None => self.registered(format).map(|r| Resolved {
                format,
                wire: &*r.format,
                content_type: &r.content_type,
                cache: r.cache.as_deref(),
            }),
        }
    }

    fn built_in_resolved(&self, built_in: BuiltIn) -> Resolved<'_> {
        static JSON: HeaderValue = HeaderValue::from_static("application/json; charset=utf-8");
        static PROBLEM: HeaderValue = HeaderValue::from_static("application/problem+json");
        let (wire, content_type): (&dyn WireFormat, &HeaderValue) = match built_in {
            BuiltIn::Omise => (&self.omise, &JSON),
            BuiltIn::Problem => (&self.problem, &PROBLEM),
            BuiltIn::Vipps => (&self.vipps, &PROBLEM),
            BuiltIn::Oney => (&self.oney, &JSON),
            BuiltIn::Google => (&self.google, &JSON),
        };
        Resolved {
            format: Format::built(built_in),
            wire,
            content_type,
            cache: None,
        }
    }

    /// The format for an `Accept` header value, among the offers (see
    /// [`Format::negotiate`]).
    pub fn negotiate(&self, accept: &str) -> Format {
        self.negotiate_lines([accept])
    }

    /// The format for a request's `Accept` lines, as a framework's own header type gives
    /// them (at most 16 read).
    pub fn negotiate_lines<'h>(&self, lines: impl IntoIterator<Item = &'h str>) -> Format {
        let media_types = self
            .offers
            .iter()
            .map(|f| self.wire_of(*f).map_or("", |w| w.media_type()));
        match negotiate::accept::choose(lines, media_types) {
            Some(i) => self.offers[i],
            None => self.default_format(),
        }
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
        match format.built_in() {
            // The commonest body is one jump away.
            Some(BuiltIn::Omise) => self.omise.render_negotiated(err, ctx, out),
            Some(_) => self.render_one(format, err, ctx, out),
            None => self.render_registered(format, err, ctx, out),
        }
    }

    /// [`Renderer::render`] in a format of the user's: copied where its body was kept.
    #[inline(never)]
    fn render_registered(
        &self,
        format: Format,
        err: &dyn ApiError,
        ctx: &RequestContext<'_>,
        out: &mut Vec<u8>,
    ) {
        let cache = self.registered(format).and_then(|r| r.cache.as_deref());
        match cache.and_then(|cache| cache.body_of(err)) {
            Some(kept) => out.extend_from_slice(kept),
            None => self.render_one(format, err, ctx, out),
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

    /// Appends one body for several errors to `out`: each format says whether it writes
    /// them all ([`WireFormat::carries`]); one without a list writes the first. An empty
    /// list renders a 500.
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
        if let (Some(BuiltIn::Omise), [err]) = (format.built_in(), errors) {
            return self.omise.render_negotiated(*err, ctx, out);
        }
        let lang = language::written(errors, ctx);
        self.write(format, &Body::in_language(errors, ctx, lang), out);
    }

    /// Writes `body` in `format`; in a debug build, checks that a format of the user's
    /// wrote valid JSON.
    pub(crate) fn write(&self, format: Format, body: &Body<'_>, out: &mut Vec<u8>) {
        self.resolved(format).write(body, out);
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
        let lang = language::written(self.errors, self.ctx);
        let body = Body::in_language(self.errors, self.ctx, lang);
        let view = self.renderer.wire(self.format).view(&body);
        erased_serde::serialize(&*view, serializer)
    }
}
