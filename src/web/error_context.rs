//! A request's error context in a handler's hands: what the integration would write in an
//! error body for the request (instance, trace id, language preferences), its format, and
//! answers rendered with them, for the responses a handler builds itself. Each adapter's
//! `ErrorContext` extractor wraps this with its framework's types.

use std::borrow::Cow;

use http::header::{HeaderMap, HeaderName, HeaderValue, ACCEPT};

use super::answer::Exchange;
use super::observe;
use super::policy::Verdict;
use super::request_headers::{ACCEPT_LANGUAGE, TRACEPARENT};
use super::settings::Settings;
use crate::{ApiError, Format, Renderer, RequestContext};

/// The mark on a response an `ErrorContext` rendered: the integration passes it on as it
/// is (never as a rejection) and does not count it again.
#[derive(Debug, Clone, Copy)]
pub(crate) struct Answered;

/// Where an adapter's `ErrorContext` finds its settings.
pub(crate) trait SettingsSource {
    fn settings(&self) -> &Settings;
}

/// The context of one request, owned: read once when a handler asks for it.
#[derive(Clone)]
pub(crate) struct Core<S> {
    source: S,
    instance: String,
    trace_id: String,
    language: Option<String>,
    /// What an answer reads of the request: its trace id (the one chosen, as
    /// `traceparent`), `Accept-Language` and every `Accept` line.
    headers: HeaderMap,
}

impl<S: SettingsSource> Core<S> {
    /// The context of a request at `path` with `headers` (any value that is not visible
    /// ASCII left out, as the integrations read them), answered with `source`'s settings,
    /// whose trace id is `trace_id` (a valid `traceparent`, the request's or a fresh one).
    pub(crate) fn new<'h>(
        source: S,
        path: &str,
        trace_id: &str,
        language: Option<&[u8]>,
        accept: impl Iterator<Item = &'h [u8]>,
    ) -> Self {
        let language = language
            .and_then(super::request_headers::visible)
            .map(str::to_owned);
        let mut headers = HeaderMap::new();
        if let Ok(value) = HeaderValue::from_str(trace_id) {
            headers.insert(HeaderName::from_static(TRACEPARENT), value);
        }
        if let Some(value) = language
            .as_deref()
            .and_then(|l| HeaderValue::from_str(l).ok())
        {
            headers.insert(HeaderName::from_static(ACCEPT_LANGUAGE), value);
        }
        // Only where the format follows them.
        if source.settings().negotiates() {
            for line in accept {
                if let Ok(value) = HeaderValue::from_bytes(line) {
                    headers.append(ACCEPT, value);
                }
            }
        }
        Core {
            source,
            instance: path.to_owned(),
            trace_id: trace_id.to_owned(),
            language,
            headers,
        }
    }

    fn settings(&self) -> &Settings {
        self.source.settings()
    }

    pub(crate) fn trace_id(&self) -> &str {
        &self.trace_id
    }

    pub(crate) fn instance(&self) -> &str {
        &self.instance
    }

    pub(crate) fn accept_language(&self) -> Option<&str> {
        self.language.as_deref()
    }

    pub(crate) fn format(&self) -> Format {
        self.settings().format(&self.headers)
    }

    pub(crate) fn renderer(&self) -> &Renderer {
        &self.settings().renderer
    }

    /// The context an error body of the request is written with, borrowing from this.
    pub(crate) fn request_context(&self) -> RequestContext<'_> {
        // Each value as the integration reads it, so a refusal is one there too.
        let mut ctx = RequestContext::new();
        let _ = ctx.set_instance(Cow::Borrowed(&*self.instance));
        let _ = ctx.set_trace_id(Cow::Borrowed(&*self.trace_id));
        if let Some(language) = &self.language {
            let _ = ctx.set_accept_language(Cow::Borrowed(&**language));
        }
        ctx
    }

    /// `err` answered as the integration answers a handler's error for this request.
    pub(crate) fn respond(&self, err: &dyn ApiError) -> http::Response<Vec<u8>> {
        let exchange = Exchange {
            path: &self.instance,
            headers: &self.headers,
            // The trace id is in `headers`: none is made.
            fresh: &mut None,
            old: std::iter::empty(),
        };
        let mut response = self.settings().answer(Verdict::Rerender, err, exchange);
        response.extensions_mut().insert(Answered);
        response
    }

    /// `errors` answered in one body, the first the most important (see
    /// [`Renderer::response_all`]); one error as [`Core::respond`] answers it.
    pub(crate) fn respond_all(&self, errors: &[&dyn ApiError]) -> http::Response<Vec<u8>> {
        if let [err] = errors {
            return self.respond(*err);
        }
        let format = self.format();
        let ctx = self.request_context();
        let mut response = self.renderer().response_all(format, errors, &ctx);
        if let Some(first) = errors.first() {
            observe::answered(*first, format);
        }
        if self.settings().negotiates() {
            apierror_runtime::private::vary_on_accept(response.headers_mut());
        }
        response.extensions_mut().insert(Answered);
        response
    }
}
