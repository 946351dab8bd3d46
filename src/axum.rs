//! [axum](https://docs.rs/axum) integration (feature `axum`).
//!
//! - [`Error<E>`]: what a handler returns (through the [`Result`] alias); it implements
//!   `IntoResponse` for any `E: ApiError + std::error::Error`, and `From<E>` so `?` works.
//!   No per-type glue.
//! - [`ApiErrorLayer`]: a tower layer that gives every error the request's context
//!   (instance = path, trace id from `traceparent` or fresh, language from
//!   `Accept-Language`), picks the format (fixed or negotiated from `Accept`), and answers
//!   axum's own rejections (malformed JSON or form body, bad path or query parameters,
//!   unknown route, wrong method, body too large) with catalog errors in the same format.
//!
//! ```
//! use apierror::axum::{ApiErrorLayer, Result};
//! use apierror::{ApiError, Format};
//! use axum::{routing::get, Router};
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
//!     Err(ShopError::CartNotFound(7))?
//! }
//!
//! let app: Router = Router::new()
//!     .route("/cart", get(cart))
//!     .layer(ApiErrorLayer::fixed(Format::Problem));
//! ```
//!
//! A handler's error renders as
//! `{"type":"about:blank","title":"Not Found","status":404,"detail":"cart 7 was not found","instance":"/cart","code":"cart_not_found"}`
//! and an unknown route as the built-in [`RejectionError`](crate::web::RejectionError)
//! `not_found`. Use [`ApiErrorLayer::map_rejections`] to answer rejections from your own
//! catalog instead.
//!
//! Without the layer, an [`Error`] still renders, in the problem format and without
//! request context.
//!
//! Rejections are recognised as error responses (4xx, 5xx) that carry no `ApiError` and
//! whose body is plain text or absent, which is how axum answers; an error response a
//! handler builds with another content type (JSON, HTML, …) is left as is.

use std::convert::Infallible;
use std::future::Future;
use std::pin::Pin;
use std::sync::{Arc, OnceLock};
use std::task::{Context, Poll};

use axum::body::Body;
use axum::extract::Request;
use axum::response::{IntoResponse, Response};
use http::header::{HeaderMap, ACCEPT_LANGUAGE, ALLOW, CONTENT_LANGUAGE, CONTENT_TYPE, VARY};
use http::HeaderValue;
use tracing::Instrument;

use crate::web::{self, Pending, Rejection, RejectionMapper, WireError};
use crate::{ApiError, Format, Renderer, RequestContext};

/// Most bytes read from a rejection's body to find its text.
const MAX_REJECTION_BODY: usize = 4096;

/// A handler's error: any [`ApiError`] made into a response.
///
/// Returned through [`Result`]; `?` converts the inner error type. Server errors (5xx) are
/// logged with their `std::error::Error` source chain; only the catalog message goes on the
/// wire.
#[derive(Debug)]
pub struct Error<E>(pub E);

impl<E> From<E> for Error<E> {
    fn from(err: E) -> Self {
        Error(err)
    }
}

/// A handler's result with an [`Error`] wrapping `E`.
pub type Result<T, E> = core::result::Result<T, Error<E>>;

/// Renders errors made into responses where no [`ApiErrorLayer`] re-renders them.
fn fallback_renderer() -> &'static Renderer {
    static RENDERER: OnceLock<Renderer> = OnceLock::new();
    RENDERER.get_or_init(Renderer::default)
}

impl<E> IntoResponse for Error<E>
where
    E: ApiError + std::error::Error + Send + Sync + 'static,
{
    fn into_response(self) -> Response {
        web::log_if_server_error(&self.0);
        let renderer = fallback_renderer();
        let response =
            renderer.response(renderer.default_format(), &self.0, &RequestContext::new());
        let mut response = response.map(Body::from);
        // The layer re-renders from this with the request's context and format.
        response
            .extensions_mut()
            .insert(Pending(Arc::new(self.0) as Arc<dyn WireError>));
        response
    }
}

/// Settings shared by every request through the layer.
struct Settings {
    renderer: Renderer,
    /// `None`: negotiate from `Accept` among the renderer's offers.
    fixed: Option<Format>,
    map: RejectionMapper,
}

/// The tower [`Layer`](tower_layer::Layer) that renders errors with their request's context
/// in the chosen format, and answers axum's rejections with catalog errors.
///
/// Add it with `Router::layer` (it then also covers the fallback and 405 answers).
#[derive(Clone)]
pub struct ApiErrorLayer {
    settings: Arc<Settings>,
}

impl ApiErrorLayer {
    /// Negotiates each response's format from the request's `Accept` header among
    /// `renderer`'s offers (its default when nothing matches), adding `Vary: accept`.
    pub fn negotiated(renderer: Renderer) -> Self {
        Self::build(renderer, None)
    }

    /// Always answers in `format`, with default options.
    pub fn fixed(format: Format) -> Self {
        Self::build(Renderer::new(format), Some(format))
    }

    /// Always answers in `format`, with `renderer`'s options.
    pub fn fixed_with(renderer: Renderer, format: Format) -> Self {
        Self::build(renderer, Some(format))
    }

    fn build(renderer: Renderer, fixed: Option<Format>) -> Self {
        ApiErrorLayer {
            settings: Arc::new(Settings {
                renderer,
                fixed,
                map: web::default_mapper(),
            }),
        }
    }

    /// Answers rejections with the errors `map` returns (by default
    /// [`RejectionError::from_rejection`](crate::web::RejectionError::from_rejection)).
    pub fn map_rejections<F, E>(self, map: F) -> Self
    where
        F: Fn(&Rejection) -> E + Send + Sync + 'static,
        E: ApiError + std::error::Error + Send + Sync + 'static,
    {
        let settings = &self.settings;
        ApiErrorLayer {
            settings: Arc::new(Settings {
                renderer: settings.renderer.clone(),
                fixed: settings.fixed,
                map: web::mapper(map),
            }),
        }
    }
}

impl<S> tower_layer::Layer<S> for ApiErrorLayer {
    type Service = ApiErrorService<S>;

    fn layer(&self, inner: S) -> Self::Service {
        ApiErrorService {
            inner,
            settings: Arc::clone(&self.settings),
        }
    }
}

/// The service made by [`ApiErrorLayer`].
#[derive(Clone)]
pub struct ApiErrorService<S> {
    inner: S,
    settings: Arc<Settings>,
}

impl<S> tower_service::Service<Request> for ApiErrorService<S>
where
    S: tower_service::Service<Request, Response = Response, Error = Infallible>
        + Clone
        + Send
        + 'static,
    S::Future: Send + 'static,
{
    type Response = Response;
    type Error = Infallible;
    type Future = Pin<Box<dyn Future<Output = core::result::Result<Response, Infallible>> + Send>>;

    fn poll_ready(&mut self, cx: &mut Context<'_>) -> Poll<core::result::Result<(), Infallible>> {
        self.inner.poll_ready(cx)
    }

    fn call(&mut self, req: Request) -> Self::Future {
        let settings = Arc::clone(&self.settings);
        let format = match settings.fixed {
            Some(format) => format,
            None => settings.renderer.negotiate_headers(req.headers()),
        };
        let ctx = context_of(&req);
        let span = tracing::info_span!(
            "request",
            method = %req.method(),
            path = %req.uri().path(),
            trace_id = ctx.trace_id().unwrap_or_default(),
        );
        // The clone that was made ready is the one called; a fresh clone stays behind.
        let clone = self.inner.clone();
        let mut inner = std::mem::replace(&mut self.inner, clone);
        Box::pin(
            async move {
                let response = inner.call(req).await?;
                Ok(finish(&settings, format, &ctx, response).await)
            }
            .instrument(span),
        )
    }
}

/// The context of `req`.
fn context_of(req: &Request) -> RequestContext<'static> {
    let header = |name| {
        req.headers()
            .get(name)
            .and_then(|v: &HeaderValue| v.to_str().ok())
    };
    web::request_context(
        req.uri().path(),
        header("traceparent"),
        header(ACCEPT_LANGUAGE.as_str()),
    )
}

/// Re-renders a handler's error with the request's context, turns a rejection into a
/// catalog error, and passes any other response through.
async fn finish(
    settings: &Settings,
    format: Format,
    ctx: &RequestContext<'static>,
    response: Response,
) -> Response {
    if let Some(Pending(err)) = response.extensions().get::<Pending>().cloned() {
        let mut rendered = render(settings, format, err.api(), ctx);
        keep_headers(response.headers(), rendered.headers_mut());
        return rendered;
    }
    if !is_rejection(&response) {
        return response;
    }
    let status = response.status().as_u16();
    let allow = response.headers().get(ALLOW).cloned();
    let body = axum::body::to_bytes(response.into_body(), MAX_REJECTION_BODY)
        .await
        .unwrap_or_default();
    let rejection = Rejection::new(status, String::from_utf8_lossy(&body));
    tracing::debug!(status, detail = %rejection.detail, "framework rejection");
    let err = (settings.map)(&rejection);
    web::log_if_server_error(&*err);
    let mut rendered = render(settings, format, err.api(), ctx);
    if let Some(allow) = allow {
        rendered.headers_mut().insert(ALLOW, allow);
    }
    rendered
}

fn render(
    settings: &Settings,
    format: Format,
    err: &dyn ApiError,
    ctx: &RequestContext<'_>,
) -> Response {
    let mut response = settings.renderer.response(format, err, ctx).map(Body::from);
    if settings.fixed.is_none() {
        response
            .headers_mut()
            .insert(VARY, HeaderValue::from_static("accept"));
    }
    response
}

/// Keeps the headers a handler set beside its error (e.g. `WWW-Authenticate`), except those
/// describing the old body.
fn keep_headers(from: &HeaderMap, to: &mut HeaderMap) {
    for (name, value) in from {
        let describes_body = name == http::header::CONTENT_LENGTH || name == CONTENT_LANGUAGE;
        if !to.contains_key(name) && !describes_body {
            to.append(name, value.clone());
        }
    }
}

/// An error response with a plain-text body or none: how axum's rejections, fallback and
/// 405 answers look.
fn is_rejection(response: &Response) -> bool {
    let status = response.status();
    if !(status.is_client_error() || status.is_server_error()) {
        return false;
    }
    match response.headers().get(CONTENT_TYPE) {
        None => true,
        Some(value) => value
            .to_str()
            .map(|v| {
                v.trim_start()
                    .to_ascii_lowercase()
                    .starts_with("text/plain")
            })
            .unwrap_or(false),
    }
}
