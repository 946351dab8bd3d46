//! What a middleware that hands its request on keeps of it for an error that may come
//! back: tower's `Service::call` takes the request by value, so the values an error's
//! context and format are read from are kept aside, for requests of `http` 1 types.
//!
//! Only the values themselves are kept, never the `Uri` or `HeaderMap`: copied while
//! they fit in a small inline room (see [`super::inline_bytes`]), else cloned (a request read by
//! hyper holds them as slices of one shared buffer, so a clone is a reference count).
//! Nothing is read from them (no context, no negotiation, no trace id) unless an error is
//! rendered.

use http::header::{
    HeaderMap, HeaderName, HeaderValue, ACCEPT, ACCEPT_LANGUAGE as ACCEPT_LANGUAGE_HEADER,
};
use http::uri::PathAndQuery;
use http::Request;

use super::answer::Exchange;
use super::inline_bytes::{Kept, Slot};
use super::policy::Verdict;
use super::request_headers::{self, FreshTraceId, Headers, ACCEPT_LANGUAGE, TRACEPARENT};
use super::settings::Settings;
use crate::ApiError;

/// `traceparent` is no standard header of `http`'s: its names compare as bytes, here as
/// one fixed-size array (two loads) rather than through a call to `memcmp`.
fn is_traceparent(name: &HeaderName) -> bool {
    let name: Result<&[u8; TRACEPARENT.len()], _> = name.as_str().as_bytes().try_into();
    name.is_ok_and(|name| name == TRACEPARENT.as_bytes())
}

/// A request's path and the headers an error render reads, kept while its handler runs.
pub(crate) struct Held {
    values: Values,
    /// The trace id made for a request without a valid `traceparent` when its log span
    /// or a handler's `ErrorContext` asked for one, so that its error body names the
    /// same. Boxed: it is rare, and this travels in every response future.
    fresh: Option<Box<FreshTraceId>>,
}

/// The kept values, and where each is.
struct Values {
    kept: Kept<HeaderValue>,
    path: Slot,
    traceparent: Slot,
    language: Slot,
    /// The first `Accept` line (only kept where the format is negotiated).
    accept: Slot,
    /// What few requests have. Boxed, so that the others neither carry nor drop it.
    rare: Option<Box<Rare>>,
}

/// Kept values that few requests have.
#[derive(Default)]
struct Rare {
    /// A path longer than the room for copies.
    long_path: Option<PathAndQuery>,
    /// `Accept` lines after the first.
    more_accept: Vec<HeaderValue>,
}

impl Held {
    #[cfg(test)]
    fn new<B>(req: &Request<B>, settings: &Settings) -> Self {
        let mut held = Held::empty();
        held.keep(req, settings);
        held
    }

    /// Keeps what an error reads of `req` in this empty `Held`: filled in place, so that a
    /// `Held` already where it is going (boxed, say) is not moved again.
    pub(crate) fn keep<B>(&mut self, req: &Request<B>, settings: &Settings) {
        let values = &mut self.values;
        if let Some(p) = req.uri().path_and_query() {
            match values.kept.copy(p.path().as_bytes()) {
                Some(copied) => values.path = copied,
                None => values.rare().long_path = Some(p.clone()),
            }
        }
        let negotiates = settings.negotiates();
        // One pass over the request's few headers, cheaper than hashing three names.
        for (name, value) in req.headers() {
            let slot = if *name == ACCEPT {
                if !negotiates {
                    continue;
                }
                if values.accept != Slot::Absent {
                    values.rare().more_accept.push(value.clone());
                    continue;
                }
                &mut values.accept
            } else if *name == ACCEPT_LANGUAGE_HEADER {
                &mut values.language
            } else if is_traceparent(name) {
                &mut values.traceparent
            } else {
                continue;
            };
            // The first value of a header is the one read.
            if *slot == Slot::Absent {
                *slot = values.kept.keep(value.as_bytes(), || value.clone());
            }
        }
    }

    /// A request with no path and none of the headers: what is left where a rejection's
    /// answer took the real one away.
    pub(crate) fn empty() -> Self {
        Held {
            values: Values {
                kept: Kept::new(),
                path: Slot::Absent,
                traceparent: Slot::Absent,
                language: Slot::Absent,
                accept: Slot::Absent,
                rare: None,
            },
            fresh: None,
        }
    }

    /// The trace id made for this request, if one was: lent to the handler while the layer
    /// polls it, so that an `ErrorContext` names the same (and may make it).
    #[inline]
    pub(crate) fn fresh_mut(&mut self) -> &mut Option<Box<FreshTraceId>> {
        &mut self.fresh
    }

    /// The request's trace id (see [`context::trace_id`]), for its log span.
    pub(crate) fn trace_id(&mut self) -> &str {
        match request_headers::given_trace_id(&self.values) {
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
        let path = self.values.path();
        let old = old
            .iter()
            .map(|(name, value)| (name.as_str(), value.as_bytes()));
        let mut fresh = self.fresh.as_deref().copied();
        let exchange = Exchange {
            path,
            headers: &self.values,
            fresh: &mut fresh,
            old,
        };
        settings.answer(verdict, err, exchange)
    }
}

impl Values {
    fn rare(&mut self) -> &mut Rare {
        self.rare.get_or_insert_with(Box::default)
    }

    /// The request's path. As `Uri::path`: none (an authority-form target) is no instance.
    fn path(&self) -> &str {
        let copied = self.kept.get(self.path).map(std::str::from_utf8);
        let long_path = self.rare.as_ref().and_then(|rare| rare.long_path.as_ref());
        match (long_path, copied) {
            (Some(long), _) => long.path(),
            // Copied from a `&str`: always UTF-8.
            (None, Some(copied)) => copied.unwrap_or_default(),
            (None, None) => "",
        }
    }
}

impl Headers for Values {
    fn first(&self, name: &str) -> Option<&[u8]> {
        let slot = match name {
            TRACEPARENT => self.traceparent,
            ACCEPT_LANGUAGE => self.language,
            "accept" => self.accept,
            _ => Slot::Absent,
        };
        self.kept.get(slot)
    }

    fn all<'h>(&'h self, name: &str) -> impl Iterator<Item = &'h [u8]> {
        let more = match (name, &self.rare) {
            ("accept", Some(rare)) => &rare.more_accept[..],
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
        let lines: Vec<_> = held.values.all("accept").collect();
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

        // Values longer than the room for copies are cloned, and read the same.
        let long = format!("/{}", "a".repeat(300));
        let accept = format!("application/problem+json, {}", "x/y;q=0.1, ".repeat(30));
        let req = Request::get(&*long)
            .header("accept", &*accept)
            .body(())
            .unwrap();
        let held = Held::new(&req, &negotiated);
        assert_eq!(held.values.path(), long);
        assert_eq!(held.values.first("accept"), Some(accept.as_bytes()));
        let authority = Request::get("example.com:443").body(()).unwrap();
        assert_eq!(Held::new(&authority, &negotiated).values.path(), "");

        let fixed = Settings::fixed(Renderer::default(), Format::Omise);
        let held = Held::new(&request(), &fixed);
        assert_eq!(held.values.all("accept").count(), 0);
    }
}
