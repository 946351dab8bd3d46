//! [actix-web](https://docs.rs/actix-web) integration (feature `actix-web`).
//!
//! - [`Error<E>`]: what a handler returns (through the [`Result`] alias); it implements
//!   `ResponseError` for any `E: ApiError + std::error::Error`, and `From<E>` so `?` works.
//! - [`render_errors`]: a middleware (for `actix_web::middleware::from_fn`) that renders
//!   every error with the request's context (instance = path, trace id from `traceparent`
//!   or fresh, language from `Accept-Language`) in the format of the [`ErrorConfig`] in the
//!   app data (negotiated problem details by default), and answers actix's own rejections
//!   (JSON, form, path and query extractor errors, unknown routes, wrong methods) with
//!   catalog errors.
//!
//! ```
//! use actix_web::middleware::from_fn;
//! use actix_web::{web, App};
//! use apierror::actix::{render_errors, ErrorConfig, Result};
//! use apierror::{ApiError, Format};
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
//! let app = App::new()
//!     .app_data(web::Data::new(ErrorConfig::fixed(Format::Problem)))
//!     .wrap(from_fn(render_errors))
//!     .route("/cart", web::get().to(cart));
//! # drop(app);
//! ```
//!
//! Rejections are recognised as error responses (4xx, 5xx) that carry no `ApiError` and
//! whose body is plain text or absent, which is how actix answers; the text of actix's
//! error becomes the [`Rejection`]'s detail.

use std::fmt;
use std::sync::{Arc, OnceLock};

use actix_web::body::{BoxBody, MessageBody};
use actix_web::dev::{ServiceRequest, ServiceResponse};
use actix_web::http::StatusCode;
use actix_web::middleware::Next;
use actix_web::{web, HttpResponse, ResponseError};

use crate::web::{self as shared, Pending, Rejection, RejectionMapper, WireError};
use crate::{ApiError, Format, Renderer, RequestContext};

/// A handler's error: any [`ApiError`] made into a response.
///
/// Server errors (5xx) are logged with their source chain; only the catalog message goes
/// on the wire. The error is shared (`Arc`) so that the middleware can render it again with
/// the request's context.
pub struct Error<E>(Arc<E>);

impl<E> Error<E> {
    /// Wraps `err`.
    pub fn new(err: E) -> Self {
        Error(Arc::new(err))
    }

    /// The wrapped error.
    pub fn inner(&self) -> &E {
        &self.0
    }
}

impl<E> From<E> for Error<E> {
    fn from(err: E) -> Self {
        Error::new(err)
    }
}

impl<E: fmt::Debug> fmt::Debug for Error<E> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_tuple("Error").field(&self.0).finish()
    }
}

impl<E: fmt::Display> fmt::Display for Error<E> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        fmt::Display::fmt(&self.0, f)
    }
}

/// A handler's result with an [`Error`] wrapping `E`.
pub type Result<T, E> = core::result::Result<T, Error<E>>;

/// Renders errors where no middleware re-renders them.
fn fallback_renderer() -> &'static Renderer {
    static RENDERER: OnceLock<Renderer> = OnceLock::new();
    RENDERER.get_or_init(Renderer::default)
}

impl<E> ResponseError for Error<E>
where
    E: ApiError + std::error::Error + Send + Sync + 'static,
{
    fn status_code(&self) -> StatusCode {
        StatusCode::from_u16(self.0.status().as_u16()).unwrap_or(StatusCode::INTERNAL_SERVER_ERROR)
    }

    fn error_response(&self) -> HttpResponse {
        shared::log_if_server_error(&*self.0);
        let renderer = fallback_renderer();
        let rendered =
            renderer.response(renderer.default_format(), &*self.0, &RequestContext::new());
        let mut response = to_actix(rendered);
        let pending: Arc<dyn WireError> = self.0.clone();
        response.extensions_mut().insert(Pending(pending));
        response
    }
}

/// The settings of [`render_errors`], put in the app data as `web::Data<ErrorConfig>`.
pub struct ErrorConfig {
    renderer: Renderer,
    fixed: Option<Format>,
    map: RejectionMapper,
}

impl Default for ErrorConfig {
    /// Problem details first, negotiated from `Accept`.
    fn default() -> Self {
        ErrorConfig::negotiated(Renderer::default())
    }
}

impl ErrorConfig {
    /// Negotiates the format from `Accept` among `renderer`'s offers, adding
    /// `Vary: accept`.
    pub fn negotiated(renderer: Renderer) -> Self {
        ErrorConfig {
            renderer,
            fixed: None,
            map: shared::default_mapper(),
        }
    }

    /// Always answers in `format`, with default options.
    pub fn fixed(format: Format) -> Self {
        ErrorConfig {
            renderer: Renderer::new(format),
            fixed: Some(format),
            map: shared::default_mapper(),
        }
    }

    /// Answers rejections with the errors `map` returns (by default
    /// [`RejectionError::from_rejection`](crate::web::RejectionError::from_rejection)).
    pub fn map_rejections<F, E>(mut self, map: F) -> Self
    where
        F: Fn(&Rejection) -> E + Send + Sync + 'static,
        E: ApiError + std::error::Error + Send + Sync + 'static,
    {
        self.map = shared::mapper(map);
        self
    }

    fn format(&self, req: &ServiceRequest) -> Format {
        if let Some(format) = self.fixed {
            return format;
        }
        self.renderer.negotiate_lines(
            req.headers()
                .get_all(actix_web::http::header::ACCEPT)
                .filter_map(|v| v.to_str().ok()),
        )
    }
}

/// The middleware: use with `actix_web::middleware::from_fn(render_errors)`.
///
/// Reads its [`ErrorConfig`] from the app data (`web::Data<ErrorConfig>`), or uses the
/// default.
pub async fn render_errors(
    req: ServiceRequest,
    next: Next<impl MessageBody + 'static>,
) -> core::result::Result<ServiceResponse<BoxBody>, actix_web::Error> {
    let config = req
        .app_data::<web::Data<ErrorConfig>>()
        .map(|d| d.clone().into_inner())
        .unwrap_or_else(|| Arc::new(ErrorConfig::default()));
    let format = config.format(&req);
    let header = |name: &str| {
        req.headers()
            .get(name)
            .and_then(|v| v.to_str().ok())
            .map(str::to_owned)
    };
    let (traceparent, language) = (header("traceparent"), header("accept-language"));
    let ctx = shared::request_context(req.path(), traceparent.as_deref(), language.as_deref());
    let res = next.call(req).await?.map_into_boxed_body();

    let pending = res.response().extensions().get::<Pending>().cloned();
    let err: Arc<dyn WireError> = match pending {
        Some(Pending(err)) => err,
        None if is_rejection(res.response()) => {
            let status = res.status().as_u16();
            let detail = res
                .response()
                .error()
                .map(|e| e.to_string())
                .unwrap_or_default();
            let rejection = Rejection::new(status, detail);
            tracing::debug!(status, detail = %rejection.detail, "framework rejection");
            let err = (config.map)(&rejection);
            shared::log_if_server_error(&*err);
            err
        }
        None => return Ok(res),
    };
    let allow = res.headers().get(actix_web::http::header::ALLOW).cloned();
    let mut response = to_actix(config.renderer.response(format, err.api(), &ctx));
    if config.fixed.is_none() {
        response.headers_mut().insert(
            actix_web::http::header::VARY,
            actix_web::http::header::HeaderValue::from_static("accept"),
        );
    }
    if let Some(allow) = allow {
        response
            .headers_mut()
            .insert(actix_web::http::header::ALLOW, allow);
    }
    Ok(res.into_response(response))
}

/// An error response with a plain-text body or none.
fn is_rejection(res: &HttpResponse) -> bool {
    let status = res.status();
    if !(status.is_client_error() || status.is_server_error()) {
        return false;
    }
    match res.headers().get(actix_web::http::header::CONTENT_TYPE) {
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

/// An actix response from an `http` 1 response (actix-web 4 has its own header types).
fn to_actix(rendered: http::Response<Vec<u8>>) -> HttpResponse {
    let status = StatusCode::from_u16(rendered.status().as_u16())
        .unwrap_or(StatusCode::INTERNAL_SERVER_ERROR);
    let mut builder = HttpResponse::build(status);
    for (name, value) in rendered.headers() {
        builder.insert_header((name.as_str(), value.as_bytes()));
    }
    builder.body(rendered.into_body())
}
