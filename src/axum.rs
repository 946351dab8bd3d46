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
use std::sync::{Arc, OnceLock};
use std::task::{Context, Poll};

use axum::body::Body;
use axum::extract::Request;
use axum::response::{IntoResponse, Response};
use http::header::ACCEPT;
use http::{HeaderMap, HeaderValue, Uri};

use crate::web::context::{self, Headers, ACCEPT_LANGUAGE, TRACEPARENT};
use crate::web::policy::{self, Verdict};
use crate::web::settings::Settings;
use crate::web::wire::{self, Pending, WireError};
use crate::web::Rejection;
use crate::{ApiError, Format, Renderer, RequestContext};

mod future;

/// A handler's error for an `E` of another crate (a derived type of your own is an
/// `IntoResponse` by itself): server errors (5xx) are logged with their source chain;
/// only the catalog message goes on the wire.
#[derive(Debug)]
pub struct Error<E>(pub E);

impl<E> From<E> for Error<E> {
    fn from(err: E) -> Self {
        Error(err)
    }
}

/// A handler's result with an [`Error`] wrapping `E`.
pub type Result<T, E> = core::result::Result<T, Error<E>>;

impl<E> IntoResponse for Error<E>
where
    E: ApiError + std::error::Error + Send + Sync + 'static,
{
    fn into_response(self) -> Response {
        respond(self.0)
    }
}

/// An error made into a response: rendered without context in the default format (so it
/// answers where no layer is), and kept in the extensions for the layer to render again.
pub(crate) fn respond<E>(err: E) -> Response
where
    E: ApiError + std::error::Error + Send + Sync + 'static,
{
    static FALLBACK: OnceLock<Renderer> = OnceLock::new();
    wire::log_if_server_error(&err, &err);
    let mut response = if future::under_layer() {
        // The layer polling this handler renders the error again anyway: no body twice.
        let mut response = Response::new(Body::empty());
        *response.status_mut() = err.status();
        response
    } else {
        let renderer = FALLBACK.get_or_init(Renderer::default);
        let rendered = renderer.response(renderer.default_format(), &err, &RequestContext::new());
        rendered.map(Body::from)
    };
    let err: Arc<dyn WireError> = Arc::new(err);
    response.extensions_mut().insert(Pending(err));
    response
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
        let mut call = Call::new(&self.settings, &req);
        let span = tracing::info_span!(
            "request",
            method = %req.method(),
            path = %req.uri().path(),
            trace_id = tracing::field::Empty,
        );
        // The trace id is read (or made) only when someone listens, or for an error.
        if !span.is_disabled() {
            span.record("trace_id", call.context().trace_id().unwrap_or_default());
        }
        future::ResponseFuture::new(self.inner.call(req), call, span)
    }
}

/// What the layer keeps of a request while its handler runs: clones of the values the
/// context and format are read from (reference counts, no copies, as a server reads them),
/// turned into a context and a format only when an error must be rendered: a success pays
/// for neither negotiation nor a trace id.
struct Call {
    settings: Arc<Settings>,
    path: Uri,
    traceparent: Option<HeaderValue>,
    language: Option<HeaderValue>,
    /// The first `Accept` line, and any others (rare: no allocation for one line).
    accept: Option<HeaderValue>,
    more_accept: Vec<HeaderValue>,
    ctx: Option<RequestContext<'static>>,
}

impl Call {
    fn new(settings: &Arc<Settings>, req: &Request) -> Self {
        let headers = req.headers();
        let mut accept = headers.get_all(ACCEPT).iter();
        let negotiates = settings.negotiates();
        Call {
            settings: Arc::clone(settings),
            path: req.uri().clone(),
            traceparent: headers.get(TRACEPARENT).cloned(),
            language: headers.get(ACCEPT_LANGUAGE).cloned(),
            accept: accept.next().filter(|_| negotiates).cloned(),
            more_accept: accept.filter(|_| negotiates).cloned().collect(),
            ctx: None,
        }
    }

    /// The request's context, read once.
    fn context(&mut self) -> &RequestContext<'static> {
        let ctx = match self.ctx.take() {
            Some(ctx) => ctx,
            None => context::read(self.path.path(), &*self),
        };
        self.ctx.insert(ctx)
    }

    /// The response to send for `response`, or `Err` with the answer to a rejection, which
    /// reads its body first.
    fn finish(mut self, response: Response) -> core::result::Result<Response, future::Answer> {
        let pending = response.extensions().get::<Pending>();
        let content_type = response.headers().get(http::header::CONTENT_TYPE);
        let status = response.status().as_u16();
        match policy::judge(
            pending.is_some(),
            status,
            content_type.map(|v| v.as_bytes()),
        ) {
            Verdict::Pass => Ok(response),
            Verdict::Rerender => {
                let err = Arc::clone(&pending.expect("judged by its presence").0);
                Ok(self.render(Verdict::Rerender, err.api(), response.headers()))
            }
            Verdict::Reject => {
                let rejected = Rejected {
                    call: self,
                    response,
                };
                Err(Box::pin(rejected.answer()))
            }
        }
    }

    fn render(&mut self, verdict: Verdict, err: &dyn ApiError, old: &HeaderMap) -> Response {
        let settings = Arc::clone(&self.settings);
        let format = settings.format(&*self);
        let mut response = settings.render(format, err, self.context()).map(Body::from);
        let new = response.headers_mut();
        for name in old.keys() {
            if policy::keeps(verdict, name.as_str()) && !new.contains_key(name) {
                for value in old.get_all(name) {
                    new.append(name, value.clone());
                }
            }
        }
        response
    }
}

/// A rejection on its way to a catalog error: its text is in its body.
struct Rejected {
    call: Call,
    response: Response,
}

/// Most bytes read from a rejection's body to find its text.
const MAX_REJECTION_BODY: usize = 4096;

impl Rejected {
    async fn answer(self) -> Response {
        let Rejected { mut call, response } = self;
        let (parts, body) = response.into_parts();
        let body = axum::body::to_bytes(body, MAX_REJECTION_BODY)
            .await
            .unwrap_or_default();
        let rejection = Rejection::new(parts.status.as_u16(), String::from_utf8_lossy(&body));
        let err = call.settings.map(&rejection);
        call.render(Verdict::Reject, err.api(), &parts.headers)
    }
}

impl Headers for Call {
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

impl Headers for HeaderMap {
    fn first(&self, name: &str) -> Option<&[u8]> {
        self.get(name).map(HeaderValue::as_bytes)
    }

    fn all<'h>(&'h self, name: &str) -> impl Iterator<Item = &'h [u8]> {
        self.get_all(name).iter().map(HeaderValue::as_bytes)
    }
}
