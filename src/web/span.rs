//! The log span a request runs in: `request`, with its method, path and trace id, for every
//! line a handler or the integration logs while answering it, and for an error response
//! the OpenTelemetry fields of [`super::observe`].

use tracing::Span;

/// The `request` span of a request, its `trace_id` left to [`record_trace_id`] and its
/// error fields (declared here, as a span's fields must be) to [`super::observe`].
///
/// `None` where no tracing subscriber was ever set: only a subscriber reads a span, and
/// with none, `tracing`'s `log` feature would format the span's name into a `log` record
/// at every poll, for lines at `trace` level nobody asked for.
pub(crate) fn request(method: &str, path: &str) -> Option<Span> {
    tracing::dispatcher::has_been_set().then(|| {
        tracing::info_span!(
            "request",
            method = %method,
            path = %path,
            trace_id = tracing::field::Empty,
            "error.type" = tracing::field::Empty,
            "http.response.status_code" = tracing::field::Empty,
        )
    })
}

/// Records the request's trace id in its span, reading (or making) it with `trace_id` only
/// where a subscriber listens to the span: otherwise that costs nothing.
pub(crate) fn record_trace_id<'a>(span: Option<&Span>, trace_id: impl FnOnce() -> &'a str) {
    if let Some(span) = span.filter(|span| !span.is_disabled()) {
        // Displayed, as the method and path are: no quotes around it in a log line.
        span.record("trace_id", tracing::field::display(trace_id()));
    }
}
