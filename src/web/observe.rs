//! What an error response of the axum layer or the actix-web middleware tells tracing and
//! metrics: the request span's OpenTelemetry fields, and (feature `metrics`) a counter of
//! error responses.
//!
//! Both are recorded once the response is known to be an error, so that a success costs
//! nothing more: the span declares its fields empty when the request starts.
//!
//! # The span's fields
//!
//! As OpenTelemetry's HTTP semantic conventions name them (`error.type`,
//! `http.response.status_code`), on the request span the integration runs each request in:
//!
//! | the response | `error.type` | `http.response.status_code` |
//! |---|---|---|
//! | a catalog error (a handler's, a rejection's, a panic's), 4xx or 5xx | its code (`cart_not_found`) | its status |
//! | a 5xx the handler built itself, passed on as it is | the status as text (`"502"`) | its status |
//! | a 4xx the handler built itself | (none: the conventions count a 4xx as no error of a server's) | its status |
//! | a success | (none) | (none) |
//!
//! A catalog's codes are few and declared, so `error.type` keeps the low cardinality the
//! conventions ask for.
//!
//! # The counter
//!
//! With the `metrics` feature, every error response (4xx, 5xx) the integration sends adds
//! one to the counter [`ERROR_RESPONSES`] (`apierror_error_responses_total`) of the
//! [`metrics`](https://docs.rs/metrics) facade, labelled:
//!
//! - `code`: the code of the error's catalog entry (its `VariantMeta`, a `&'static` of the
//!   derived type: only as many values as the catalogs declare codes), or `"other"` for an
//!   error response the handler built itself, which carries no catalog error;
//! - `status`: the HTTP status (`"404"`);
//! - `format`: the wire format written (`"problem"`, `"omise"`, …), or `"other"` for a
//!   response passed on as the handler built it.
//!
//! The library installs no recorder: the one the application installs receives it. With
//! [`metrics-exporter-prometheus`](https://docs.rs/metrics-exporter-prometheus), a server
//! installs it at start-up (`PrometheusBuilder::new().install_recorder()?`) and answers
//! its scrape endpoint with `handle.render()`; the counter then reads:
//!
//! ```
//! # #[cfg(feature = "metrics")] {
//! use apierror::axum::ApiErrorLayer;
//! use apierror::{ApiError, Format};
//! use axum::{routing::get, Router};
//! use tower::ServiceExt;
//!
//! #[derive(Debug, thiserror::Error, ApiError)]
//! enum ShopError {
//!     #[error("cart {0} was not found")]
//!     #[status(404)]
//!     #[code("cart_not_found")]
//!     CartNotFound(u64),
//! }
//!
//! async fn cart() -> Result<&'static str, ShopError> {
//!     Err(ShopError::CartNotFound(7))
//! }
//!
//! let app: Router = Router::new()
//!     .route("/cart", get(cart))
//!     .layer(ApiErrorLayer::fixed(Format::Problem));
//!
//! // A recorder of this thread's, for the example; a server installs one for the process.
//! let recorder = metrics_exporter_prometheus::PrometheusBuilder::new().build_recorder();
//! let handle = recorder.handle();
//! metrics::with_local_recorder(&recorder, || {
//!     let tokio = tokio::runtime::Builder::new_current_thread().build().unwrap();
//!     let req = http::Request::get("/cart").body(axum::body::Body::empty()).unwrap();
//!     tokio.block_on(app.oneshot(req)).unwrap();
//! });
//! assert!(handle.render().contains(
//!     r#"apierror_error_responses_total{code="cart_not_found",status="404",format="problem"} 1"#
//! ));
//! # }
//! ```

use tracing::Span;

use crate::{ApiError, Format};

/// The name of the counter of error responses (feature `metrics`).
pub const ERROR_RESPONSES: &str = "apierror_error_responses_total";

/// `error.type`, as the span declares it.
const ERROR_TYPE: &str = "error.type";
/// `http.response.status_code`, as the span declares it.
const STATUS_CODE: &str = "http.response.status_code";
/// The label value of what has no catalog code, or no format of the integration's.
const OTHER: &str = "other";

/// A catalog error answered in `format`: recorded on the current span (the request's,
/// which the integration has entered) and counted.
pub(crate) fn answered(err: &dyn ApiError, format: Format) {
    let (code, status) = (err.meta().code, err.status().as_u16());
    record(Some(code), status);
    #[cfg(feature = "metrics")]
    count(code, status, format.name());
    #[cfg(not(feature = "metrics"))]
    let _ = format;
}

/// An error response (4xx, 5xx) the integration passed on as the handler built it.
pub(crate) fn passed(status: u16) {
    // The conventions' `error.type` for an error without a code of its own, and for a 5xx
    // only; a status's digits are those of its label.
    let error_type = (500..=599).contains(&status).then(|| status_label(status));
    record(error_type, status);
    #[cfg(feature = "metrics")]
    count(OTHER, status, OTHER);
}

/// Records the fields on the current span. Where no subscriber was ever set there is no
/// span (see `span::request`), and looking for the current one would cost more than the
/// check.
fn record(error_type: Option<&str>, status: u16) {
    if !tracing::dispatcher::has_been_set() {
        return;
    }
    let span = Span::current();
    if let Some(error_type) = error_type {
        // Displayed, as the trace id is: no quotes around it in a log line.
        span.record(ERROR_TYPE, tracing::field::display(error_type));
    }
    span.record(STATUS_CODE, status);
}

/// One more error response with these labels.
#[cfg(feature = "metrics")]
fn count(code: &'static str, status: u16, format: &'static str) {
    // Every label a `&'static str`: the key's only allocation is its list of labels.
    metrics::counter!(
        ERROR_RESPONSES,
        "code" => code,
        "status" => status_label(status),
        "format" => format,
    )
    .increment(1);
}

/// The first error status [`STATUS_DIGITS`] holds.
const FIRST_STATUS: u16 = 400;

/// The digits of every error status, 400 to 599, one after another (`400401…599`).
static STATUS_DIGITS: [u8; 600] = {
    let mut digits = [0; 600];
    let mut i = 0;
    while i < 200 {
        let status = FIRST_STATUS as usize + i;
        digits[3 * i] = b'0' + (status / 100) as u8;
        digits[3 * i + 1] = b'0' + (status / 10 % 10) as u8;
        digits[3 * i + 2] = b'0' + (status % 10) as u8;
        i += 1;
    }
    digits
};

/// `status` as text, without an allocation: an error status (400 to 599, all that reach
/// here) from [`STATUS_DIGITS`], any other `"other"`.
fn status_label(status: u16) -> &'static str {
    let at = usize::from(status.wrapping_sub(FIRST_STATUS)) * 3;
    STATUS_DIGITS
        .get(at..at + 3)
        .and_then(|digits| std::str::from_utf8(digits).ok())
        .unwrap_or(OTHER)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn status_labels_are_the_statuses_digits() {
        for status in 400..=599 {
            assert_eq!(status_label(status), status.to_string());
        }
        assert_eq!(status_label(399), "other");
        assert_eq!(status_label(600), "other");
        assert_eq!(status_label(0), "other");
    }
}
