//! The layer's response future: the handler's future polled in place (no box on the way
//! to a success), then the verdict on its response and, for an error, its answer; a panic
//! of a poll is caught there and answered too.

use std::cell::Cell;
use std::convert::Infallible;
use std::future::Future;
use std::mem::ManuallyDrop;
use std::pin::Pin;
use std::sync::{Arc, OnceLock};
use std::task::{ready, Context, Poll};

use axum::body::Body;
use axum::response::Response;
use http::header::{HeaderValue, CONTENT_LENGTH, CONTENT_TYPE};
use tracing::Span;

use super::content_length::content_length;
use crate::web::error_context::Answered;
use crate::web::kept_request::Held;
use crate::web::observe;
use crate::web::panic::{self, Payload};
use crate::web::pending_error::Pending;
use crate::web::policy::{self, Verdict};
use crate::web::request_headers::FreshTraceId;
use crate::web::settings::Settings;
use crate::web::Rejection;
use crate::{ApiError, Renderer};

/// What the layer polling a handler lends it on this thread while it polls: the layer's
/// settings and the trace id made for the request, for a handler's
/// [`ErrorContext`](super::ErrorContext). Moved in before each poll and back after (two
/// pointers each way), so that a success pays for no copy, count or allocation.
pub(super) struct Lent {
    /// The polling layer's settings; `None` where no layer polls the handler.
    pub(super) settings: Option<Arc<Settings>>,
    /// The trace id made for the request, where one was (by its log span, or by a handler's
    /// `ErrorContext`, which leaves the one it makes here).
    pub(super) fresh: Option<Box<FreshTraceId>>,
}

impl Lent {
    /// Nothing lent.
    const NONE: Lent = Lent {
        settings: None,
        fresh: None,
    };
}

thread_local! {
    /// What the innermost layer polling on this thread lends its handler; nothing between
    /// polls. Never dropped (a value without drop glue is a thread-local without a
    /// destructor to register, which costs each access a check): what is lent is always
    /// taken back, by the guard of the poll that lent it.
    static LENT: Cell<ManuallyDrop<Lent>> = const { Cell::new(ManuallyDrop::new(Lent::NONE)) };
}

/// Whether an [`ApiErrorService`](super::ApiErrorService) is polling the current handler on
/// this thread, and so will render its error again with the request's context: the
/// handler's own rendering can be skipped. A handler polled elsewhere (a spawned task) sees
/// `false` and renders as without a layer, which is always correct.
pub(super) fn under_layer() -> bool {
    with_lent(|lent| lent.settings.is_some())
}

/// `f` of what the polling layer lends (nothing, outside a layer's poll), which it may
/// change (making the trace id); put back after.
pub(super) fn with_lent<R>(f: impl FnOnce(&mut Lent) -> R) -> R {
    LENT.with(|cell| {
        let mut lent = ManuallyDrop::into_inner(cell.replace(ManuallyDrop::new(Lent::NONE)));
        let result = f(&mut lent);
        cell.set(ManuallyDrop::new(lent));
        result
    })
}

/// The body of a handler's error response that the layer will replace: empty, and of no
/// stated size. (`Body::empty()` states 0, and axum's route then adds `Content-Length: 0`:
/// a header map allocated only to be dropped with the placeholder.) A zero-sized body is
/// boxed without an allocation.
pub(super) struct Placeholder;

impl http_body::Body for Placeholder {
    type Data = axum::body::Bytes;
    type Error = Infallible;

    fn poll_frame(
        self: Pin<&mut Self>,
        _: &mut Context<'_>,
    ) -> Poll<Option<Result<http_body::Frame<Self::Data>, Self::Error>>> {
        Poll::Ready(None)
    }

    fn is_end_stream(&self) -> bool {
        true
    }
}

/// Lends what a [`Call`] lends its handler while alive (also when the handler panics),
/// then takes it back, with the trace id the handler may have made.
struct Polling<'c> {
    call: &'c mut Call,
    /// What an outer layer lent, put back after.
    outer: ManuallyDrop<Lent>,
}

impl<'c> Polling<'c> {
    #[inline]
    fn start(call: &'c mut Call) -> Self {
        let lent = Lent {
            settings: call.settings.take(),
            fresh: call.held.fresh_mut().take(),
        };
        let outer = LENT.replace(ManuallyDrop::new(lent));
        Polling { call, outer }
    }
}

impl Drop for Polling<'_> {
    #[inline]
    fn drop(&mut self) {
        // `outer` is left with nothing, which has nothing to drop.
        let outer = std::mem::replace(&mut *self.outer, Lent::NONE);
        let lent = ManuallyDrop::into_inner(LENT.replace(ManuallyDrop::new(outer)));
        // The call's places were emptied when the poll started: what they hold now (none)
        // needs no drop, nor the check for one.
        std::mem::forget(std::mem::replace(&mut self.call.settings, lent.settings));
        std::mem::forget(std::mem::replace(self.call.held.fresh_mut(), lent.fresh));
    }
}

/// Reading a rejection's body: boxed, as only rejections take this path.
pub(super) type Answer = Pin<Box<dyn Future<Output = Response> + Send>>;

pin_project_lite::pin_project! {
    /// The future of [`ApiErrorService`](super::ApiErrorService)'s responses.
    ///
    /// What an error's answer needs ([`Call`], a few hundred bytes, see [`Held`]) travels
    /// inline beside the handler's future: moving it with the future once or twice costs
    /// less than an allocation and its free on every request (`benches/server.rs`,
    /// instruction counts). Only a rejection, whose answer reads a body, takes it away.
    pub struct ResponseFuture<F> {
        #[pin]
        inner: F,
        call: Call,
        // A rejection's answer, while its body is being read.
        answering: Option<Answer>,
        // None where no tracing subscriber was ever set: nothing to enter or drop.
        span: Option<Span>,
    }
}

impl<F> ResponseFuture<F> {
    pub(super) fn new(inner: F, call: Call, span: Option<Span>) -> Self {
        ResponseFuture {
            inner,
            call,
            answering: None,
            span,
        }
    }
}

impl<F> Future for ResponseFuture<F>
where
    F: Future<Output = Result<Response, Infallible>>,
{
    type Output = Result<Response, Infallible>;

    fn poll(self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<Self::Output> {
        let this = self.project();
        let _entered = this.span.as_ref().map(Span::enter);
        if let Some(answer) = this.answering {
            return answer.as_mut().poll(cx).map(Ok);
        }
        let polled = {
            let _polling = Polling::start(this.call);
            panic::poll(this.inner, cx)
        };
        let response = match polled {
            Ok(polled) => ready!(polled)?,
            // The handler future is not polled again: it is dropped with this one.
            Err(payload) => return Poll::Ready(Ok(this.call.panicked(payload))),
        };
        match this.call.finish(response) {
            Ok(response) => Poll::Ready(Ok(response)),
            Err(mut answer) => {
                let polled = answer.as_mut().poll(cx).map(Ok);
                if polled.is_pending() {
                    *this.answering = Some(answer);
                }
                polled
            }
        }
    }
}

/// A request on its way through the handler: what an error's answer needs of it.
pub(super) struct Call {
    /// Lent to the handler while it is polled (see [`Lent`]), `Some` at any other time.
    settings: Option<Arc<Settings>>,
    pub(super) held: Held,
}

/// The settings of a call, `Some` but while its handler is polled (when the call is not
/// read): a `None` would answer with the default settings rather than fail.
fn settings_of(settings: &Option<Arc<Settings>>) -> &Arc<Settings> {
    settings.as_ref().unwrap_or_else(|| default_settings())
}

/// The settings of a handler under no layer: the default renderer, in its default format,
/// as a handler's error renders without a layer.
pub(super) fn default_settings() -> &'static Arc<Settings> {
    static DEFAULT: OnceLock<Arc<Settings>> = OnceLock::new();
    DEFAULT.get_or_init(|| {
        let renderer = Renderer::default();
        let format = renderer.default_format();
        Arc::new(Settings::fixed(renderer, format))
    })
}

/// Most bytes read from a rejection's body to find its text.
const MAX_REJECTION_BODY: usize = 4096;

impl Call {
    pub(super) fn new(settings: Arc<Settings>, held: Held) -> Self {
        Call {
            settings: Some(settings),
            held,
        }
    }

    /// The response to send for `response`, or `Err` with the answer to a rejection, which
    /// reads its body first.
    pub(super) fn finish(
        &mut self,
        mut response: Response,
    ) -> core::result::Result<Response, Answer> {
        let carries_error = response.extensions().get::<Pending>().is_some();
        let status = response.status().as_u16();
        let content_type = || {
            response
                .headers()
                .get(CONTENT_TYPE)
                .map(HeaderValue::as_bytes)
        };
        match policy::judge(carries_error, status, content_type) {
            Verdict::Pass if (400..=599).contains(&status) => {
                // An `ErrorContext`'s answer was counted where the handler made it.
                if response.extensions().get::<Answered>().is_none() {
                    observe::passed(status);
                }
                Ok(response)
            }
            // An `ErrorContext`'s answer in a format of plain text is no rejection.
            Verdict::Reject if response.extensions().get::<Answered>().is_some() => Ok(response),
            Verdict::Pass => Ok(response),
            Verdict::Rerender => match response.extensions_mut().remove::<Pending>() {
                Some(Pending(err)) => Ok(self.answer(Verdict::Rerender, err.api(), response)),
                None => Ok(response),
            },
            Verdict::Reject => Err(Box::pin(self.take().reject(response))),
        }
    }

    /// The answer to a handler's panic: the settings' error for panics, the panic logged (in
    /// the current span, the request's) and never written.
    pub(super) fn panicked(&mut self, payload: Payload) -> Response {
        let settings = Arc::clone(settings_of(&self.settings));
        let err = settings.panic_error();
        panic::log(&*payload, err);
        // No response came back: nothing of one to keep, which `Reject` keeps least of.
        let none = Response::new(Body::empty());
        self.answer(Verdict::Reject, err, none)
    }

    /// This call's values, for a rejection's answer to own while it reads the body; what
    /// is left is never read (a future polled after its end may panic).
    fn take(&mut self) -> Call {
        let held = std::mem::replace(&mut self.held, Held::empty());
        Call::new(Arc::clone(settings_of(&self.settings)), held)
    }

    async fn reject(mut self, response: Response) -> Response {
        let (parts, body) = response.into_parts();
        let body = axum::body::to_bytes(body, MAX_REJECTION_BODY)
            .await
            .unwrap_or_default();
        let rejection = Rejection::new(parts.status.as_u16(), String::from_utf8_lossy(&body));
        let err = settings_of(&self.settings).map(&rejection);
        self.answer(
            Verdict::Reject,
            err.api(),
            Response::from_parts(parts, Body::empty()),
        )
    }

    fn answer(&mut self, verdict: Verdict, err: &dyn ApiError, old: Response) -> Response {
        let (old, _) = old.into_parts();
        let settings = settings_of(&self.settings);
        let mut answer = self.held.answer(settings, verdict, err, &old.headers);
        // Said here, as axum's routes say it: around the whole router, no route is left to.
        let length = content_length(answer.body().len());
        answer.headers_mut().insert(CONTENT_LENGTH, length);
        // The body and its headers are new; what the handler attached for other layers stays.
        *answer.extensions_mut() = old.extensions;
        answer.map(Body::from)
    }
}
