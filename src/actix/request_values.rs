//! What a panic's answer reads of its request, kept before the request is handed on: a
//! handler that panics takes its request down with it, and actix-web lends no other handle
//! on it while the handler runs (a second reference to the request would fail actix's own
//! `Rc::get_mut` on it in the router).
//!
//! Only the values an answer reads (the path, `traceparent`, `Accept-Language`, `Accept`,
//! the settings) are kept, each a clone that counts a reference where actix shares the
//! bytes it read; nothing is parsed unless a panic is answered.

use actix_web::dev::ServiceRequest;
use actix_web::http::header::{HeaderValue, ACCEPT, ACCEPT_LANGUAGE as ACCEPT_LANGUAGE_HEADER};
use actix_web::http::Uri;
use actix_web::web;

use super::ErrorConfig;
use crate::web::request_headers::{Headers, ACCEPT_LANGUAGE, TRACEPARENT};

/// A request's path, the headers an answer reads, and its settings.
pub(super) struct Kept {
    uri: Uri,
    traceparent: Option<HeaderValue>,
    language: Option<HeaderValue>,
    /// The first `Accept` line, and the rare ones after it.
    accept: Option<HeaderValue>,
    more_accept: Vec<HeaderValue>,
    /// The settings in the app data where the middleware runs.
    pub(super) config: Option<web::Data<ErrorConfig>>,
}

impl Kept {
    pub(super) fn new(req: &ServiceRequest) -> Self {
        let headers = req.headers();
        let mut accept = headers.get_all(ACCEPT).cloned();
        Kept {
            uri: req.uri().clone(),
            traceparent: headers.get(TRACEPARENT).cloned(),
            language: headers.get(ACCEPT_LANGUAGE_HEADER).cloned(),
            accept: accept.next(),
            more_accept: accept.collect(),
            config: req.app_data::<web::Data<ErrorConfig>>().cloned(),
        }
    }

    /// The request's path.
    pub(super) fn path(&self) -> &str {
        self.uri.path()
    }
}

impl Headers for Kept {
    fn first(&self, name: &str) -> Option<&[u8]> {
        self.all(name).next()
    }

    fn all<'h>(&'h self, name: &str) -> impl Iterator<Item = &'h [u8]> {
        let (first, more) = match name {
            TRACEPARENT => (self.traceparent.as_ref(), &[][..]),
            ACCEPT_LANGUAGE => (self.language.as_ref(), &[][..]),
            "accept" => (self.accept.as_ref(), &self.more_accept[..]),
            _ => (None, &[][..]),
        };
        first.into_iter().chain(more).map(HeaderValue::as_bytes)
    }
}

#[cfg(test)]
mod tests {
    use actix_web::test::TestRequest;

    use super::*;

    #[test]
    fn keeps_what_an_answer_reads() {
        let req = TestRequest::get()
            .uri("/carts/7?x=1")
            .insert_header(("traceparent", "00-tp"))
            .insert_header(("accept-language", "ja"))
            .append_header(("accept", "application/json"))
            .append_header(("accept", "application/problem+json"))
            .insert_header(("x-other", "no"))
            .to_srv_request();
        let kept = Kept::new(&req);
        assert_eq!(kept.path(), "/carts/7");
        assert_eq!(kept.first("traceparent"), Some(&b"00-tp"[..]));
        assert_eq!(kept.first("accept-language"), Some(&b"ja"[..]));
        let accept: Vec<_> = kept.all("accept").collect();
        assert_eq!(
            accept,
            [&b"application/json"[..], b"application/problem+json"]
        );
        assert_eq!(kept.first("x-other"), None);
        assert!(kept.config.is_none());
    }
}
