//! The answer to a response the verdict did not pass: the error rendered with the
//! request's context in the request's format, keeping what the old response said beside
//! its body.

use http::header::{HeaderName, HeaderValue};

use super::observe;
use super::policy::{self, Verdict};
use super::request_headers::{self, FreshTraceId, Headers};
use super::settings::Settings;
use crate::validation::Summarized;
use crate::ApiError;

/// What an answer is made from: the request (its path, its headers, and the trace id made
/// for it if any) and the old response's headers.
pub(crate) struct Exchange<'r, H, O> {
    pub(crate) path: &'r str,
    pub(crate) headers: &'r H,
    pub(crate) fresh: &'r mut Option<FreshTraceId>,
    /// The old response's headers, as (lower-case name, value) pairs.
    pub(crate) old: O,
}

impl Settings {
    /// The response answering `err` under `verdict`: the context read from the request
    /// (only now: a success never pays for it), the fixed or negotiated format (then with
    /// `Vary: accept`), and the old headers [`policy::keeps`] lets through that the new
    /// response lacks. Recorded on the request's span and counted ([`observe::answered`]).
    ///
    /// An error that carries violations is answered under the settings' validation summary
    /// where one is set ([`Settings::validation_summary`]), with the same violations.
    pub(crate) fn answer<'r, H, O>(
        &self,
        verdict: Verdict,
        err: &dyn ApiError,
        exchange: Exchange<'r, H, O>,
    ) -> http::Response<Vec<u8>>
    where
        H: Headers,
        O: Iterator<Item = (&'r str, &'r [u8])>,
    {
        let summarized;
        let err = match &self.validation_summary {
            Some(summary) if !err.violations().is_empty() => {
                summarized = Summarized {
                    summary: &**summary,
                    violations: err.violations(),
                };
                &summarized as &dyn ApiError
            }
            _ => err,
        };
        let format = self.format(exchange.headers);
        let ctx = request_headers::read(exchange.path, exchange.headers, exchange.fresh);
        let mut response = self.renderer.response(format, err, &ctx);
        observe::answered(err, format);
        let new = response.headers_mut();
        if self.negotiates() {
            apierror_runtime::private::vary_on_accept(new);
        }
        let mut added = Vec::new();
        for (name, value) in exchange.old {
            if !policy::keeps(verdict, name) {
                continue;
            }
            let parsed = (
                HeaderName::from_bytes(name.as_bytes()),
                HeaderValue::from_bytes(value),
            );
            let (Ok(name), Ok(value)) = parsed else {
                continue;
            };
            // Every value of a header the new response lacks, none of one it has.
            if added.contains(&name) || !new.contains_key(&name) {
                new.append(&name, value);
                added.push(name);
            }
        }
        response
    }
}
