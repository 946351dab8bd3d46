//! [axum](https://docs.rs/axum) integration (feature `axum`).
//!
//! - Every `#[derive(ApiError)]` type that is `std::error::Error + Send + Sync + 'static`
//!   implements `IntoResponse`: a handler returns `Result<T, MyError>` and `?` works.
//!   [`Error<E>`] (through the [`Result`] alias) does the same for a type of another crate.
//! - [`ApiErrorLayer`]: a tower layer that gives every error the request's context
//!   (instance = path, trace id from `traceparent` or fresh, language from
//!   `Accept-Language`), picks the format (fixed or negotiated from `Accept`), and answers
//!   axum's own rejections (malformed JSON or form body, bad path or query parameters,
//!   unknown route, wrong method, body too large) with catalog errors in the same format.
//!   With a `tracing` subscriber, each request runs in a `request` span with its method,
//!   path and trace id (the one an error's body names).
//! - A handler that panics is answered too: a 500 catalog error in the request's format
//!   ([`ApiErrorLayer::answer_panics_with`]), the panic's message in the log, never on the
//!   wire; the server goes on serving. Caught where the layer polls the service's future,
//!   which is where a `Router` runs handlers, extractors and route layers; a service of
//!   your own directly under the layer that panics in `Service::call` itself is not.
//!
//! ```
//! use apierror::axum::ApiErrorLayer;
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
//! catalog instead. Without the layer, an error still renders, in the problem format and
//! without request context.
//!
//! Rejections are recognised as error responses (4xx, 5xx) that carry no `ApiError` and
//! whose body is plain text or absent, which is how axum answers; an error response a
//! handler builds with another content type (JSON, HTML, …) is left as is.

use std::convert::Infallible;
use std::sync::Arc;
use std::task::{Context, Poll};

use axum::body::Body;
use axum::extract::Request;
use axum::response::{IntoResponse, Response};

use crate::web::kept_request::Held;
use crate::web::pending_error::{self, Pending};
use crate::web::settings::Settings;
use crate::web::span;
use crate::web::Rejection;
use crate::{ApiError, Format, Renderer};

mod content_length;
mod context;
mod future;
#[cfg(any(feature = "validator", feature = "garde"))]
pub mod valid;

pub use crate::web::error::{Error, Result};
pub use context::ErrorContext;
#[cfg(feature = "garde")]
pub use valid::Garde;
#[cfg(feature = "validator")]
pub use valid::Valid;
#[cfg(any(feature = "validator", feature = "garde"))]
pub use valid::ValidationRejection;

impl<E> IntoResponse for Error<E>
where
    E: ApiError + std::error::Error + Send + Sync + 'static,
{
    fn into_response(self) -> Response {
        respond(self.0)
    }
}

/// An error made into a response, kept in its extensions for the layer to render with the
/// request's context. Where no layer polls the handler, it is also rendered now, without
/// context, so that it answers all the same.
pub(crate) fn respond<E>(err: E) -> Response
where
    E: ApiError + std::error::Error + Send + Sync + 'static,
{
    pending_error::log_if_server_error(&err, &err);
    let mut response = if future::under_layer() {
        // The layer renders it anyway: no body twice.
        let mut response = Response::new(Body::new(future::Placeholder));
        *response.status_mut() = err.status();
        response
    } else {
        pending_error::without_context(&err).map(Body::from)
    };
    response.extensions_mut().insert(Pending(Arc::new(err)));
    response
}

/// The tower [`Layer`](tower_layer::Layer) that renders errors with their request's context
/// in the chosen format, and answers axum's rejections with catalog errors.
///
/// Add it with `Router::layer` (it then also covers the fallback and 405 answers), or
/// around the whole router, which spares axum's boxing of every route:
///
/// ```no_run
/// use apierror::axum::ApiErrorLayer;
/// use apierror::Format;
/// use axum::{routing::get, Router, ServiceExt};
/// use tower::Layer;
///
/// # async fn serve() -> std::io::Result<()> {
/// let router: Router = Router::new().route("/", get(|| async { "ok" }));
/// let app = ApiErrorLayer::fixed(Format::Problem).layer(router);
/// let listener = tokio::net::TcpListener::bind("127.0.0.1:3000").await?;
/// axum::serve(listener, app.into_make_service()).await
/// # }
/// ```
#[derive(Clone)]
pub struct ApiErrorLayer {
    settings: Arc<Settings>,
}

impl ApiErrorLayer {
    /// Negotiates each response's format from the request's `Accept` header among
    /// `renderer`'s offers (its default when nothing matches), adding `Vary: accept`.
    pub fn negotiated(renderer: Renderer) -> Self {
        Self::new(Settings::negotiated(renderer))
    }

    /// Always answers in `format`, with default options.
    pub fn fixed(format: Format) -> Self {
        Self::new(Settings::fixed(Renderer::new(format), format))
    }

    /// Always answers in `format`, with `renderer`'s options.
    pub fn fixed_with(renderer: Renderer, format: Format) -> Self {
        Self::new(Settings::fixed(renderer, format))
    }

    fn new(settings: Settings) -> Self {
        let settings = Arc::new(settings);
        ApiErrorLayer { settings }
    }

    /// Answers rejections with the errors `map` returns (by default
    /// [`RejectionError::from_rejection`](crate::web::RejectionError::from_rejection)).
    pub fn map_rejections<F, E>(self, map: F) -> Self
    where
        F: Fn(&Rejection) -> E + Send + Sync + 'static,
        E: ApiError + std::error::Error + Send + Sync + 'static,
    {
        Self::new((*self.settings).clone().map_rejections(map))
    }

    /// Answers a handler's panic with `err` (by default the built-in
    /// [`RejectionError::InternalError`](crate::web::RejectionError::InternalError), a 500
    /// `internal_error`), in the request's format and with its context.
    ///
    /// The panic's message goes to the log, in the request's span, never to the wire (see
    /// [`log_panic_locations`](crate::web::log_panic_locations) for its location):
    ///
    /// ```
    /// use apierror::axum::ApiErrorLayer;
    /// use apierror::{ApiError, Format};
    /// use axum::{routing::get, Router};
    ///
    /// #[derive(Debug, thiserror::Error, ApiError)]
    /// enum ShopError {
    ///     #[error("the shop could not answer")]
    ///     #[status(500)]
    ///     #[code("shop_failure")]
    ///     #[message("the shop could not answer, try again later")]
    ///     Failure,
    /// }
    ///
    /// async fn checkout() -> &'static str {
    ///     panic!("the basket went missing")
    /// }
    ///
    /// let app: Router = Router::new()
    ///     .route("/checkout", get(checkout))
    ///     .layer(ApiErrorLayer::fixed(Format::Omise).answer_panics_with(ShopError::Failure));
    ///
    /// # tokio::runtime::Runtime::new().unwrap().block_on(async {
    /// use tower::ServiceExt;
    /// let req = http::Request::get("/checkout").body(axum::body::Body::empty()).unwrap();
    /// let res = app.oneshot(req).await.unwrap();
    /// assert_eq!(res.status(), 500);
    /// let body = axum::body::to_bytes(res.into_body(), 1024).await.unwrap();
    /// assert_eq!(
    ///     body,
    ///     r#"{"object":"error","location":"https://www.omise.co/api-errors#shop-failure","code":"shop_failure","message":"the shop could not answer, try again later"}"#
    /// );
    /// # });
    /// ```
    pub fn answer_panics_with<E>(self, err: E) -> Self
    where
        E: ApiError + std::error::Error + Send + Sync + 'static,
    {
        Self::new((*self.settings).clone().answer_panics_with(err))
    }
}

impl ApiErrorLayer {
    /// Answers every validation failure (an error that carries violations: a
    /// [`ValidationFailure`](crate::validation::ValidationFailure), from a handler or from
    /// the validated extractors) under `summary`, an error of your own catalog: its status,
    /// code, title and message, with the same violations listed.
    ///
    /// By default a failure is answered under its own summary:
    /// [`InvalidFields`](crate::validation::InvalidFields), 422 `validation_failed`, "the
    /// request has invalid fields", unless it was made with another
    /// ([`ValidationFailure::with_summary`](crate::validation::ValidationFailure::with_summary)).
    /// Without the layer a failure answers under its own summary too.
    ///
    /// ```
    /// use apierror::axum::ApiErrorLayer;
    /// use apierror::validation::ValidationFailure;
    /// use apierror::{ApiError, FieldPath, FieldViolation, Format, Rule};
    /// use axum::{routing::post, Router};
    ///
    /// #[derive(Debug, thiserror::Error, ApiError)]
    /// enum ShopError {
    ///     #[error("the order is not valid")]
    ///     #[status(400)]
    ///     #[code("invalid_order")]
    ///     InvalidOrder,
    /// }
    ///
    /// async fn order() -> Result<&'static str, ValidationFailure> {
    ///     let email = FieldPath::new().key("email");
    ///     Err(ValidationFailure::new([FieldViolation::new(email, "email", Rule::Email)]))
    /// }
    ///
    /// let app: Router = Router::new().route("/orders", post(order)).layer(
    ///     ApiErrorLayer::fixed(Format::Omise).validation_summary(ShopError::InvalidOrder),
    /// );
    ///
    /// # tokio::runtime::Runtime::new().unwrap().block_on(async {
    /// use tower::ServiceExt;
    /// let req = http::Request::post("/orders").body(axum::body::Body::empty()).unwrap();
    /// let res = app.oneshot(req).await.unwrap();
    /// assert_eq!(res.status(), 400);
    /// # });
    /// ```
    pub fn validation_summary<E>(self, summary: E) -> Self
    where
        E: ApiError + Send + Sync + 'static,
    {
        Self::new((*self.settings).clone().validation_summary(summary))
    }
}

impl<S> tower_layer::Layer<S> for ApiErrorLayer {
    type Service = ApiErrorService<S>;

    fn layer(&self, inner: S) -> Self::Service {
        let settings = Arc::clone(&self.settings);
        ApiErrorService { inner, settings }
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
    S: tower_service::Service<Request, Response = Response, Error = Infallible>,
{
    type Response = Response;
    type Error = Infallible;
    type Future = future::ResponseFuture<S::Future>;

    fn poll_ready(&mut self, cx: &mut Context<'_>) -> Poll<core::result::Result<(), Infallible>> {
        self.inner.poll_ready(cx)
    }

    fn call(&mut self, req: Request) -> Self::Future {
        let mut call = future::Call::new(Arc::clone(&self.settings), Held::empty());
        call.held.keep(&req, &self.settings);
        let span = span::request(req.method().as_str(), req.uri().path());
        span::record_trace_id(span.as_ref(), || call.held.trace_id());
        // Panics are caught where the future is polled, where axum's router runs every
        // handler, extractor and route layer; catching one of `call` too (where a bare
        // `service_fn` under the layer runs) moved the whole handler future through
        // `catch_unwind`'s result: 55 more instructions a success (`benches/server.rs`).
        future::ResponseFuture::new(self.inner.call(req), call, span)
    }
}
