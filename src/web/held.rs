//! What a middleware that hands its request on keeps of it for an error that may come
//! back: tower's `Service::call` takes the request by value, so the values an error's
//! context and format are read from are kept aside, for requests of `http` 1 types.
//!
//! Only clones of the values themselves are kept, never of the `Uri` or `HeaderMap`: a
//! request read by hyper holds its path and header values as slices of one shared buffer,
//! so each clone is a reference count, not a copy. Nothing is read from them (no context,
//! no negotiation, no trace id) unless an error is rendered.

use http::header::{HeaderMap, HeaderName, HeaderValue, ACCEPT};
use http::uri::PathAndQuery;
use http::Request;

use super::answer::Exchange;
use super::context::{self, FreshTraceId, Headers, ACCEPT_LANGUAGE, TRACEPARENT};
use super::policy::Verdict;
use super::settings::Settings;
use crate::ApiError;

/// The header names compared with, made once.
static TRACEPARENT_NAME: HeaderName = HeaderName::from_static(TRACEPARENT);
static ACCEPT_LANGUAGE_NAME: HeaderName = HeaderName::from_static(ACCEPT_LANGUAGE);

/// A request's path and the headers an error render reads, kept while its handler runs.
pub(crate) struct Held {
    path: Option<PathAndQuery>,
    headers: HeldHeaders,
    /// The trace id made for a request without a valid `traceparent` when its log span
    /// asked for one, so that its error body names the same. Boxed: it is rare, and this
    /// travels in every response future.
    fresh: Option<Box<FreshTraceId>>,
}

struct HeldHeaders {
    traceparent: Option<HeaderValue>,
    language: Option<HeaderValue>,
    /// The first `Accept` line, and any others (rare: no allocation for one line). Only
    /// kept where the format is negotiated.
    accept: Option<HeaderValue>,
    more_accept: Vec<HeaderValue>,
}

impl Held {
    pub(crate) fn new<B>(req: &Request<B>, settings: &Settings) -> Self {
        let mut headers = HeldHeaders {
            traceparent: None,
            language: None,
            accept: None,
            more_accept: Vec::new(),
        };
        let negotiates = settings.negotiates();
        // One pass over the request's few headers, cheaper than hashing three names.
        for (name, value) in req.headers() {
            let slot = if *name == ACCEPT {
                if !negotiates {
                    continue;
                }
                if headers.accept.is_some() {
                    headers.more_accept.push(value.clone());
                    continue;
                }
                &mut headers.accept
            } else if *name == ACCEPT_LANGUAGE_NAME {
                &mut headers.language
            } else if *name == TRACEPARENT_NAME {
                &mut headers.traceparent
            } else {
                continue;
            };
            // The first value of a header is the one read.
            if slot.is_none() {
                *slot = Some(value.clone());
            }
        }
        Held {
            path: req.uri().path_and_query().cloned(),
            headers,
            fresh: None,
        }
    }

    /// The request's trace id (see [`context::trace_id`]), for its log span.
    pub(crate) fn trace_id(&mut self) -> &str {
        match context::given_trace_id(&self.headers) {
            Some(given) => given,
            None => self
                .fresh
                .get_or_insert_with(|| Box::new(FreshTraceId::new()))
                .as_str(),
        }
    }

    /// The response answering `err` for this request (see [`Settings::answer`]), keeping
    /// what `old`, the handler's response, says beside its body.
    pub(crate) fn answer(
        &mut self,
        settings: &Settings,
        verdict: Verdict,
        err: &dyn ApiError,
        old: &HeaderMap,
    ) -> http::Response<Vec<u8>> {
        // As `Uri::path`: no path (an authority-form target) is no instance.
        let path = self.path.as_ref().map_or("", PathAndQuery::path);
        let old = old
            .iter()
            .map(|(name, value)| (name.as_str(), value.as_bytes()));
        let mut fresh = self.fresh.as_deref().copied();
        let exchange = Exchange {
            path,
            headers: &self.headers,
            fresh: &mut fresh,
            old,
        };
        settings.answer(verdict, err, exchange)
    }
}

impl Headers for HeldHeaders {
    fn first(&self, name: &str) -> Option<&[u8]> {
        let value = match name {
            TRACEPARENT => self.traceparent.as_ref(),
            ACCEPT_LANGUAGE => self.language.as_ref(),
            "accept" => self.accept.as_ref(),
            _ => None,
        };
        value.map(HeaderValue::as_bytes)
    }

    fn all<'h>(&'h self, name: &str) -> impl Iterator<Item = &'h [u8]> {
        let more = match name {
            "accept" => &self.more_accept[..],
            _ => &[],
        };
        let first = self.first(name).filter(|_| name == "accept");
        first
            .into_iter()
            .chain(more.iter().map(HeaderValue::as_bytes))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::{Format, Renderer};

    #[derive(Debug, thiserror::Error, crate::ApiError)]
    enum E {
        #[error("gone")]
        #[status(410)]
        #[code("gone")]
        Gone,
    }

    fn request() -> Request<()> {
        Request::builder()
            .uri("/carts/7?full=1")
            .header("accept", "application/json")
            .header("accept", "application/problem+json")
            .header("accept-language", "ja")
            .body(())
            .unwrap()
    }

    #[test]
    fn holds_what_an_error_reads() {
        let renderer = Renderer::default().with_offers(&[Format::Problem, Format::Omise]);
        let negotiated = Settings::negotiated(renderer);
        let mut held = Held::new(&request(), &negotiated);
        let lines: Vec<_> = held.headers.all("accept").collect();
        assert_eq!(
            lines,
            [&b"application/json"[..], b"application/problem+json"]
        );
        let trace_id = held.trace_id().to_owned();
        let mut old = HeaderMap::new();
        old.append("www-authenticate", HeaderValue::from_static("a"));
        old.append("www-authenticate", HeaderValue::from_static("b"));
        old.append("content-language", HeaderValue::from_static("fr"));
        let res = held.answer(&negotiated, Verdict::Rerender, &E::Gone, &old);
        let body = format!(
            r#"{{"type":"about:blank","title":"Gone","status":410,"detail":"gone","instance":"/carts/7","code":"gone","traceId":"{trace_id}"}}"#
        );
        assert_eq!(String::from_utf8_lossy(res.body()), body);
        let authenticate: Vec<_> = res.headers().get_all("www-authenticate").iter().collect();
        assert_eq!(authenticate, ["a", "b"]);
        assert_eq!(res.headers()["content-language"], "en");
        assert_eq!(res.headers()["vary"], "accept");

        let fixed = Settings::fixed(Renderer::default(), Format::Omise);
        let held = Held::new(&request(), &fixed);
        assert_eq!(held.headers.all("accept").count(), 0);
    }
}
