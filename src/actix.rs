//! [actix-web](https://docs.rs/actix-web) integration (feature `actix-web`).
//!
//! - Every `#[derive(ApiError)]` type that is `std::error::Error + 'static` implements
//!   `ResponseError`: a handler returns `Result<T, MyError>` and `?` works. [`Error<E>`]
//!   (through the [`Result`] alias) does the same for a type of another crate.
//! - [`render_errors`]: a middleware (for `actix_web::middleware::from_fn`) that renders
//!   every error with the request's context (instance = path, trace id from `traceparent`
//!   or fresh, language from `Accept-Language`) in the format of the [`ErrorConfig`] in the
//!   app data (negotiated problem details by default), and answers actix's own rejections
//!   (JSON, form, path and query extractor errors, unknown routes, wrong methods) with
//!   catalog errors. With a `tracing` subscriber, each request runs in a `request` span
//!   with its method, path and trace id (the one an error's body names).
//! - A handler that panics is answered too: a 500 catalog error in the request's format
//!   ([`ErrorConfig::answer_panics_with`]), the panic's message in the log, never on the
//!   wire; the server goes on serving. (Without the middleware, actix-web closes the
//!   connection without an answer.) The answer reaches actix-web as an `Err` whose response
//!   it sends unchanged, since the panic took the request a `ServiceResponse` needs; a
//!   middleware outside `render_errors` sees that error.
//!
//! ```
//! use actix_web::middleware::from_fn;
//! use actix_web::{web, App};
//! use apierror::actix::{render_errors, ErrorConfig};
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

use std::error::Error as StdError;
use std::sync::OnceLock;

use actix_web::body::{BoxBody, MessageBody};
use actix_web::dev::{ServiceRequest, ServiceResponse};
use actix_web::error::InternalError;
use actix_web::http::header::{HeaderMap, HeaderValue, CONTENT_TYPE};
use actix_web::http::StatusCode;
use actix_web::middleware::Next;
use actix_web::{web, HttpResponse, ResponseError};
use tracing::Instrument;

use crate::web::answer::Exchange;
use crate::web::observe;
use crate::web::panic::{self, Payload};
use crate::web::policy::{self, Verdict};
use crate::web::request_headers::{self, FreshTraceId, Headers};
use crate::web::settings::Settings;
use crate::web::span;
use crate::web::{pending_error, Rejection};
use crate::{ApiError, Format, Renderer};

pub use crate::web::error::{Error, Result};
pub use context::ErrorContext;

mod context;
mod request_values;
#[cfg(any(feature = "validator", feature = "garde"))]
pub mod valid;

use request_values::Kept;
#[cfg(feature = "garde")]
pub use valid::Garde;
#[cfg(feature = "validator")]
pub use valid::Valid;

impl<E> ResponseError for Error<E>
where
    E: ApiError + StdError + 'static,
{
    fn status_code(&self) -> StatusCode {
        status(&self.0)
    }

    fn error_response(&self) -> HttpResponse {
        respond(&self.0, &self.0, |e| {
            e.as_error::<Self>().map(|w| &w.0 as &dyn ApiError)
        })
    }
}

/// Finds a handler's error in the `actix_web::Error` its response holds: a downcast to the
/// concrete type, monomorphised where that type is known.
pub(crate) type Find = fn(&actix_web::Error) -> Option<&dyn ApiError>;

/// The mark in a response's extensions that it holds a handler's error.
#[derive(Clone, Copy)]
struct Handled(Find);

/// [`Find`] for a type that is itself the `ResponseError`.
pub(crate) fn find<T: ResponseError + ApiError + 'static>(
    err: &actix_web::Error,
) -> Option<&dyn ApiError> {
    err.as_error::<T>().map(|t| t as &dyn ApiError)
}

/// The status of `err` as actix's type.
pub(crate) fn status(err: &dyn ApiError) -> StatusCode {
    status_of(err.status().as_u16())
}

fn status_of(code: u16) -> StatusCode {
    StatusCode::from_u16(code).unwrap_or(StatusCode::INTERNAL_SERVER_ERROR)
}

/// `err`'s response: rendered without context in the default format, so it answers where
/// no middleware is, and marked with how the middleware finds the error again.
pub(crate) fn respond(
    err: &dyn ApiError,
    std: &(dyn StdError + 'static),
    find: Find,
) -> HttpResponse {
    pending_error::log_if_server_error(err, std);
    let mut response = to_actix(pending_error::without_context(err));
    response.extensions_mut().insert(Handled(find));
    response
}

/// The settings of [`render_errors`], put in the app data as `web::Data<ErrorConfig>`.
#[derive(Clone)]
pub struct ErrorConfig(Settings);

impl Default for ErrorConfig {
    /// Problem details, the only format offered ([`Renderer::default`]).
    fn default() -> Self {
        ErrorConfig::negotiated(Renderer::default())
    }
}

impl ErrorConfig {
    /// Negotiates the format from `Accept` among `renderer`'s offers, adding
    /// `Vary: accept`.
    pub fn negotiated(renderer: Renderer) -> Self {
        ErrorConfig(Settings::negotiated(renderer))
    }

    /// Always answers in `format`, with default options.
    pub fn fixed(format: Format) -> Self {
        ErrorConfig(Settings::fixed(Renderer::new(format), format))
    }

    /// Answers rejections with the errors `map` returns (by default
    /// [`RejectionError::from_rejection`](crate::web::RejectionError::from_rejection)).
    pub fn map_rejections<F, E>(self, map: F) -> Self
    where
        F: Fn(&Rejection) -> E + Send + Sync + 'static,
        E: ApiError + StdError + Send + Sync + 'static,
    {
        ErrorConfig(self.0.map_rejections(map))
    }

    /// Answers a handler's panic with `err` (by default the built-in
    /// [`RejectionError::InternalError`](crate::web::RejectionError::InternalError), a 500
    /// `internal_error`), in the request's format and with its context.
    ///
    /// The panic's message goes to the log, in the request's span, never to the wire (see
    /// [`log_panic_locations`](crate::web::log_panic_locations) for its location):
    ///
    /// ```
    /// use actix_web::middleware::from_fn;
    /// use actix_web::test::{init_service, try_call_service, TestRequest};
    /// use actix_web::{web, App, ResponseError};
    /// use apierror::actix::{render_errors, ErrorConfig};
    /// use apierror::{ApiError, Format};
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
    /// # actix_web::rt::System::new().block_on(async {
    /// let config = ErrorConfig::fixed(Format::Omise).answer_panics_with(ShopError::Failure);
    /// let app = App::new()
    ///     .app_data(web::Data::new(config))
    ///     .wrap(from_fn(render_errors))
    ///     .route("/checkout", web::get().to(checkout));
    /// let app = init_service(app).await;
    /// let req = TestRequest::get().uri("/checkout").to_request();
    /// // An error carrying the answer (see `render_errors`), which actix-web sends as it is.
    /// let res = try_call_service(&app, req).await.unwrap_err().error_response();
    /// assert_eq!(res.status(), 500);
    /// assert_eq!(
    ///     actix_web::body::to_bytes(res.into_body()).await.unwrap(),
    ///     r#"{"object":"error","location":"https://www.omise.co/api-errors#shop-failure","code":"shop_failure","message":"the shop could not answer, try again later"}"#
    /// );
    /// # });
    /// ```
    pub fn answer_panics_with<E>(self, err: E) -> Self
    where
        E: ApiError + StdError + Send + Sync + 'static,
    {
        ErrorConfig(self.0.answer_panics_with(err))
    }
}

impl ErrorConfig {
    /// Answers every validation failure (an error that carries violations: a
    /// [`ValidationFailure`](crate::validation::ValidationFailure), from a handler or from
    /// the validated extractors) under `summary`, an error of your own catalog: its status,
    /// code, title and message, with the same violations listed.
    ///
    /// By default a failure is answered under its own summary:
    /// [`InvalidFields`](crate::validation::InvalidFields), 422 `validation_failed`, "the
    /// request has invalid fields", unless it was made with another
    /// ([`ValidationFailure::with_summary`](crate::validation::ValidationFailure::with_summary)).
    /// Without the middleware a failure answers under its own summary too.
    ///
    /// ```
    /// use actix_web::middleware::from_fn;
    /// use actix_web::test::{call_service, init_service, TestRequest};
    /// use actix_web::{web, App};
    /// use apierror::actix::{render_errors, ErrorConfig};
    /// use apierror::validation::ValidationFailure;
    /// use apierror::{ApiError, FieldPath, FieldViolation, Format, Rule};
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
    /// # actix_web::rt::System::new().block_on(async {
    /// let config = ErrorConfig::fixed(Format::Omise).validation_summary(ShopError::InvalidOrder);
    /// let app = App::new()
    ///     .app_data(web::Data::new(config))
    ///     .wrap(from_fn(render_errors))
    ///     .route("/orders", web::post().to(order));
    /// let app = init_service(app).await;
    /// let res = call_service(&app, TestRequest::post().uri("/orders").to_request()).await;
    /// assert_eq!(res.status(), 400);
    /// # });
    /// ```
    pub fn validation_summary<E>(self, summary: E) -> Self
    where
        E: ApiError + Send + Sync + 'static,
    {
        ErrorConfig(self.0.validation_summary(summary))
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
    // A trace id made for the span is the one an error's body names.
    let mut fresh = None;
    let span = span::request(req.method().as_str(), req.path());
    span::record_trace_id(span.as_ref(), || {
        request_headers::trace_id(req.headers(), &mut fresh).map_or("", |id| id.as_str())
    });
    let answer = answer(req, next, fresh);
    match span {
        Some(span) => answer.instrument(span).await,
        None => answer.await,
    }
}

/// [`render_errors`] within the request's span.
async fn answer(
    req: ServiceRequest,
    next: Next<impl MessageBody + 'static>,
    mut fresh: Option<FreshTraceId>,
) -> core::result::Result<ServiceResponse<BoxBody>, actix_web::Error> {
    let kept = Kept::new(&req);
    let res = match panic::catching(context::scoped(&mut fresh, next.call(req))).await {
        Ok(res) => res?.map_into_boxed_body(),
        Err(payload) => return Err(panicked(&kept, &payload, &mut fresh)),
    };
    let (request, response) = (res.request(), res.response());
    let found = response
        .extensions()
        .get::<Handled>()
        .and_then(|handled| response.error().and_then(handled.0));
    let content_type = || {
        response
            .headers()
            .get(CONTENT_TYPE)
            .map(HeaderValue::as_bytes)
    };
    let status = res.status().as_u16();
    let verdict = policy::judge(found.is_some(), status, content_type);
    let settings = settings(request.app_data::<web::Data<ErrorConfig>>());
    let mapped;
    let err = match (verdict, found) {
        (Verdict::Rerender, Some(err)) => err,
        (Verdict::Reject, _) => {
            let detail = response.error().map(|e| e.to_string()).unwrap_or_default();
            mapped = settings.map(&Rejection::new(status, detail));
            mapped.api()
        }
        _ => {
            if (400..=599).contains(&status) && !context::is_answered(response) {
                observe::passed(status);
            }
            return Ok(res);
        }
    };
    let exchange = Exchange {
        path: request.path(),
        headers: request.headers(),
        fresh: &mut fresh,
        old: res
            .headers()
            .iter()
            .map(|(n, v)| (n.as_str(), v.as_bytes())),
    };
    let rendered = to_actix(settings.answer(verdict, err, exchange));
    Ok(res.into_response(rendered))
}

/// The settings in the app data, or the default ones.
fn settings(config: Option<&web::Data<ErrorConfig>>) -> &Settings {
    static DEFAULT: OnceLock<ErrorConfig> = OnceLock::new();
    match config {
        Some(config) => &config.0,
        None => &DEFAULT.get_or_init(ErrorConfig::default).0,
    }
}

/// The answer to a handler's panic, from what was kept of its request: the settings' error
/// for panics, the panic logged (in the request's span) and never written.
///
/// An error, not a response: a `ServiceResponse` needs the request, which the panic took
/// away. actix-web sends the response the error carries, unchanged. The settings are the
/// ones in the app data where the middleware runs (a resource's or scope's own, which the
/// router adds to the request, are not reached before it).
fn panicked(kept: &Kept, payload: &Payload, fresh: &mut Option<FreshTraceId>) -> actix_web::Error {
    let settings = settings(kept.config.as_ref());
    let err = settings.panic_error();
    panic::log(&**payload, err);
    let exchange = Exchange {
        path: kept.path(),
        headers: kept,
        fresh,
        old: std::iter::empty(),
    };
    // No response came back: nothing of one to keep, which `Reject` keeps least of.
    let rendered = to_actix(settings.answer(Verdict::Reject, err, exchange));
    InternalError::from_response("the handler panicked", rendered).into()
}

impl Headers for HeaderMap {
    fn first(&self, name: &str) -> Option<&[u8]> {
        self.get(name).map(HeaderValue::as_bytes)
    }

    fn all<'h>(&'h self, name: &str) -> impl Iterator<Item = &'h [u8]> {
        self.get_all(name).map(HeaderValue::as_bytes)
    }
}

/// An actix response from an `http` 1 response (actix-web 4 has its own header types).
fn to_actix(rendered: http::Response<Vec<u8>>) -> HttpResponse {
    let mut builder = HttpResponse::build(status_of(rendered.status().as_u16()));
    for (name, value) in rendered.headers() {
        builder.insert_header((name.as_str(), value.as_bytes()));
    }
    builder.body(rendered.into_body())
}
