//! [`ErrorContext`]: the request's error context in a handler, for the error responses it
//! builds itself; and what [`render_errors`](super::render_errors) lends a handler for it.

use std::cell::Cell;
use std::convert::Infallible;
use std::fmt;
use std::future::{ready, Future, Ready};

use actix_web::dev::Payload;
use actix_web::http::header::ACCEPT;
use actix_web::{web, FromRequest, HttpRequest, HttpResponse};

use super::ErrorConfig;
use crate::web::error_context::{Answered, Core, SettingsSource};
use crate::web::request_headers::{self, FreshTraceId, Headers, ACCEPT_LANGUAGE};
use crate::web::settings::Settings;
use crate::{ApiError, Format, Renderer, RequestContext};

/// What the middleware lends the handler it polls on this thread: that it is there, and
/// the trace id made for the request, where one was.
#[derive(Clone, Copy, Default)]
struct Lent {
    under: bool,
    fresh: Option<FreshTraceId>,
}

thread_local! {
    /// What the innermost `render_errors` polling on this thread lends its handler.
    static LENT: Cell<Lent> = const {
        Cell::new(Lent {
            under: false,
            fresh: None,
        })
    };
}

/// `future`'s output, with `fresh` (the trace id made for the request, where one was) lent
/// to the handler during each poll: an [`ErrorContext`] names it, or makes it here, so that
/// the middleware's answers name the same.
pub(super) async fn scoped<F: Future>(fresh: &mut Option<FreshTraceId>, future: F) -> F::Output {
    let mut future = std::pin::pin!(future);
    std::future::poll_fn(|cx| {
        let _lending = Lending::start(fresh);
        future.as_mut().poll(cx)
    })
    .await
}

/// Lends a trace id while alive (also when the handler panics), then takes it back.
struct Lending<'f> {
    fresh: &'f mut Option<FreshTraceId>,
    /// What an outer middleware lent, put back after.
    outer: Lent,
}

impl<'f> Lending<'f> {
    fn start(fresh: &'f mut Option<FreshTraceId>) -> Self {
        let lent = Lent {
            under: true,
            fresh: fresh.take(),
        };
        let outer = LENT.replace(lent);
        Lending { fresh, outer }
    }
}

impl Drop for Lending<'_> {
    fn drop(&mut self) {
        *self.fresh = LENT.replace(self.outer).fresh;
    }
}

/// The request's error context, as [`render_errors`](super::render_errors) writes it in an
/// error body for this request: its instance (the path), its trace id (the `traceparent`
/// it brought, or the same fresh one the middleware's answers and log span name), its
/// language preferences; and answers rendered with them in the [`ErrorConfig`]'s format
/// (fixed, or negotiated from the request's `Accept`), for the responses a handler builds
/// itself (several errors in one body, a body to change before it is sent).
///
/// An extractor that never fails. It reads the [`ErrorConfig`] in the app data (the
/// default one where there is none); outside the middleware it makes a trace id of its own
/// where the request brought none.
///
/// ```
/// use actix_web::middleware::from_fn;
/// use actix_web::test::{call_service, init_service, read_body, TestRequest};
/// use actix_web::{web, App, HttpResponse};
/// use apierror::actix::{render_errors, ErrorConfig, ErrorContext};
/// use apierror::{ApiError, Format};
///
/// #[derive(Debug, thiserror::Error, ApiError)]
/// enum CartError {
///     #[error("item {0} is out of stock")]
///     #[status(409)]
///     #[code("out_of_stock")]
///     OutOfStock(u32),
/// }
///
/// async fn checkout(ctx: ErrorContext) -> HttpResponse {
///     let (a, b) = (CartError::OutOfStock(1), CartError::OutOfStock(2));
///     ctx.respond_all(&[&a, &b])
/// }
///
/// # actix_web::rt::System::new().block_on(async {
/// let app = App::new()
///     .app_data(web::Data::new(ErrorConfig::fixed(Format::Problem)))
///     .wrap(from_fn(render_errors))
///     .route("/checkout", web::post().to(checkout));
/// let app = init_service(app).await;
/// let req = TestRequest::post()
///     .uri("/checkout")
///     .insert_header(("traceparent", "00-813b63975adcaaeef2b0ec7c103c40e3-706492e906541d31-01"))
///     .to_request();
/// let res = call_service(&app, req).await;
/// assert_eq!(res.status(), 409);
/// assert_eq!(
///     read_body(res).await,
///     r#"{"type":"about:blank","title":"Conflict","status":409,"detail":"item 1 is out of stock","instance":"/checkout","code":"out_of_stock","errors":[{"code":"out_of_stock","detail":"item 1 is out of stock"},{"code":"out_of_stock","detail":"item 2 is out of stock"}],"traceId":"00-813b63975adcaaeef2b0ec7c103c40e3-706492e906541d31-01"}"#
/// );
/// # });
/// ```
#[derive(Clone)]
pub struct ErrorContext {
    core: Core<Source>,
}

/// Where an [`ErrorContext`] finds its settings: the app data's, or the default ones.
#[derive(Clone)]
enum Source {
    Config(web::Data<ErrorConfig>),
    Default,
}

impl SettingsSource for Source {
    fn settings(&self) -> &Settings {
        match self {
            Source::Config(config) => super::settings(Some(config)),
            Source::Default => super::settings(None),
        }
    }
}

impl ErrorContext {
    fn read(req: &HttpRequest) -> Self {
        let source = match req.app_data::<web::Data<ErrorConfig>>() {
            Some(config) => Source::Config(config.clone()),
            None => Source::Default,
        };
        let headers = req.headers();
        let fresh;
        let trace_id = match request_headers::given_trace_id(headers) {
            Some(given) => given,
            None => {
                // The middleware's own, made here if the request has none yet: the
                // middleware takes it back when the poll ends, and its answers name it.
                fresh = LENT.with(|cell| {
                    let mut lent = cell.get();
                    let fresh = *lent.fresh.get_or_insert_with(FreshTraceId::new);
                    if lent.under {
                        cell.set(lent);
                    }
                    fresh
                });
                fresh.as_str()
            }
        };
        let language = headers.first(ACCEPT_LANGUAGE);
        let accept = headers.get_all(ACCEPT).map(|v| v.as_bytes());
        let core = Core::new(source, req.path(), trace_id, language, accept);
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

    /// The format an error of this request is answered in: the fixed one, or the one
    /// negotiated from the request's `Accept`.
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

    /// `err` answered as the middleware answers a handler's error of this request: the
    /// same status, headers and body bytes.
    pub fn respond(&self, err: &dyn ApiError) -> HttpResponse {
        answered(self.core.respond(err))
    }

    /// Several errors answered in one body, the first the most important: its status is
    /// the response's (see [`Renderer::response_all`]). One error is answered as
    /// [`ErrorContext::respond`] answers it.
    pub fn respond_all(&self, errors: &[&dyn ApiError]) -> HttpResponse {
        answered(self.core.respond_all(errors))
    }
}

/// `rendered` as actix's response, marked for the middleware to pass it on as it is.
fn answered(rendered: http::Response<Vec<u8>>) -> HttpResponse {
    let mut response = super::to_actix(rendered);
    response.extensions_mut().insert(Answered);
    response
}

impl FromRequest for ErrorContext {
    type Error = Infallible;
    type Future = Ready<Result<Self, Infallible>>;

    fn from_request(req: &HttpRequest, _: &mut Payload) -> Self::Future {
        // Called in the poll of the handler's future, where the middleware lends its trace id.
        ready(Ok(ErrorContext::read(req)))
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

/// Whether `response` is an [`ErrorContext`]'s answer, already counted.
pub(super) fn is_answered(response: &HttpResponse) -> bool {
    response.extensions().get::<Answered>().is_some()
}
