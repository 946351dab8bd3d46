//! [`ErrorContext`]: the request's error context in a handler, for the error responses it
//! builds itself.

use std::convert::Infallible;
use std::fmt;
use std::sync::Arc;

use axum::body::Body;
use axum::extract::{FromRequestParts, OriginalUri};
use axum::response::Response;
use http::request::Parts;

use super::future::{self, Lent};
use crate::web::error_context::{Core, SettingsSource};
use crate::web::request_headers::{self, FreshTraceId, Headers, ACCEPT_LANGUAGE};
use crate::web::settings::Settings;
use crate::{ApiError, Format, Renderer, RequestContext};

/// The request's error context, as [`ApiErrorLayer`](super::ApiErrorLayer) writes it in an
/// error body for this request: its instance (the path), its trace id (the `traceparent`
/// it brought, or the same fresh one the layer's answers and log span name), its language
/// preferences; and answers rendered with them in the layer's negotiated format, for the
/// responses a handler builds itself (several errors in one body, a body to change before
/// it is sent).
///
/// An extractor that never fails. Under the layer it reads the layer's settings; without
/// one (or in a task the handler spawned) it renders with the default renderer, in its
/// default format, and makes a trace id of its own where the request brought none.
///
/// ```
/// use apierror::axum::{ApiErrorLayer, ErrorContext};
/// use apierror::{ApiError, Format};
/// use axum::response::Response;
/// use axum::{routing::post, Router};
///
/// #[derive(Debug, thiserror::Error, ApiError)]
/// enum CartError {
///     #[error("item {0} is out of stock")]
///     #[status(409)]
///     #[code("out_of_stock")]
///     OutOfStock(u32),
/// }
///
/// async fn checkout(ctx: ErrorContext) -> Response {
///     let (a, b) = (CartError::OutOfStock(1), CartError::OutOfStock(2));
///     ctx.respond_all(&[&a, &b])
/// }
///
/// let app: Router = Router::new()
///     .route("/checkout", post(checkout))
///     .layer(ApiErrorLayer::fixed(Format::Problem));
///
/// # tokio::runtime::Runtime::new().unwrap().block_on(async {
/// use tower::ServiceExt;
/// let req = http::Request::post("/checkout")
///     .header("traceparent", "00-813b63975adcaaeef2b0ec7c103c40e3-706492e906541d31-01")
///     .body(axum::body::Body::empty())
///     .unwrap();
/// let res = app.oneshot(req).await.unwrap();
/// assert_eq!(res.status(), 409);
/// let body = axum::body::to_bytes(res.into_body(), 1024).await.unwrap();
/// assert_eq!(
///     body,
///     r#"{"type":"about:blank","title":"Conflict","status":409,"detail":"item 1 is out of stock","instance":"/checkout","code":"out_of_stock","errors":[{"code":"out_of_stock","detail":"item 1 is out of stock"},{"code":"out_of_stock","detail":"item 2 is out of stock"}],"traceId":"00-813b63975adcaaeef2b0ec7c103c40e3-706492e906541d31-01"}"#
/// );
/// # });
/// ```
///
/// The instance is the request's path as the outermost router received it (axum's
/// `OriginalUri`), which is what a layer added to the whole router sees; a layer added to a
/// nested router sees the path without the nesting prefix, and names that.
#[derive(Clone)]
pub struct ErrorContext {
    core: Core<Arc<Settings>>,
}

impl SettingsSource for Arc<Settings> {
    fn settings(&self) -> &Settings {
        self
    }
}

impl ErrorContext {
    /// The context of the request whose parts are `parts`, under the layer that lends
    /// `lent` (if any).
    fn read(parts: &Parts, lent: &mut Lent) -> Self {
        let headers = &parts.headers;
        let settings = match &lent.settings {
            Some(settings) => Arc::clone(settings),
            None => Arc::clone(future::default_settings()),
        };
        let fresh;
        let trace_id = match request_headers::given_trace_id(headers) {
            Some(given) => given,
            // The layer's own, made here if the request has none yet: the layer takes it
            // back when the poll ends, and its answers name it.
            None if lent.settings.is_some() => lent
                .fresh
                .get_or_insert_with(|| Box::new(FreshTraceId::new()))
                .as_str(),
            None => {
                fresh = FreshTraceId::new();
                fresh.as_str()
            }
        };
        let path = match parts.extensions.get::<OriginalUri>() {
            Some(OriginalUri(uri)) => uri.path(),
            None => parts.uri.path(),
        };
        let core = Core::new(
            settings,
            path,
            trace_id,
            headers.first(ACCEPT_LANGUAGE),
            headers.all("accept"),
        );
        ErrorContext { core }
    }

    /// The trace id an error body of this request names: its valid `traceparent`, or the
    /// fresh one made for it.
    pub fn trace_id(&self) -> &str {
        self.core.trace_id()
    }

    /// The instance an error body of this request names: its path.
    pub fn instance(&self) -> &str {
        self.core.instance()
    }

    /// The request's `Accept-Language`, where it has one that is visible ASCII.
    pub fn accept_language(&self) -> Option<&str> {
        self.core.accept_language()
    }

    /// The format an error of this request is answered in: the layer's fixed one, or the
    /// one negotiated from the request's `Accept`.
    pub fn format(&self) -> Format {
        self.core.format()
    }

    /// The renderer errors of this request are answered with.
    pub fn renderer(&self) -> &Renderer {
        self.core.renderer()
    }

    /// The context an error body of this request is written with (for
    /// [`Renderer::render`] and the like).
    pub fn request_context(&self) -> RequestContext<'_> {
        self.core.request_context()
    }

    /// `err` answered as the layer answers a handler's error of this request: the same
    /// status, headers and body bytes.
    pub fn respond(&self, err: &dyn ApiError) -> Response {
        self.core.respond(err).map(Body::from)
    }

    /// Several errors answered in one body, the first the most important: its status is
    /// the response's (see [`Renderer::response_all`]). One error is answered as
    /// [`ErrorContext::respond`] answers it.
    pub fn respond_all(&self, errors: &[&dyn ApiError]) -> Response {
        self.core.respond_all(errors).map(Body::from)
    }
}

impl<S: Send + Sync> FromRequestParts<S> for ErrorContext {
    type Rejection = Infallible;

    async fn from_request_parts(parts: &mut Parts, _: &S) -> Result<Self, Self::Rejection> {
        // Read in the poll of the handler's future, where the layer lends what it has.
        Ok(future::with_lent(|lent| ErrorContext::read(parts, lent)))
    }
}

impl fmt::Debug for ErrorContext {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("ErrorContext")
            .field("instance", &self.instance())
            .field("trace_id", &self.trace_id())
            .field("accept_language", &self.accept_language())
            .field("format", &self.format())
            .finish()
    }
}
