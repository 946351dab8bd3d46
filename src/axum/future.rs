//! The layer's response future: the handler's future polled in place (no box on the way
//! to a success), then the verdict on its response.

use std::cell::Cell;
use std::convert::Infallible;
use std::future::Future;
use std::pin::Pin;
use std::task::{ready, Context, Poll};

use axum::response::Response;
use tracing::Span;

use super::Call;

thread_local! {
    /// How many layers are polling their handler's future on this thread right now.
    static POLLING: Cell<u32> = const { Cell::new(0) };
}

/// Whether an [`ApiErrorService`](super::ApiErrorService) is polling the current handler on
/// this thread, and so will render its error again with the request's context: the
/// handler's own rendering can be skipped. A handler polled elsewhere (a spawned task) sees
/// `false` and renders as without a layer, which is always correct.
pub(super) fn under_layer() -> bool {
    POLLING.with(|p| p.get() > 0)
}

/// Counts one polling layer while alive (also when the handler panics).
struct Polling;

impl Polling {
    fn start() -> Self {
        POLLING.with(|p| p.set(p.get() + 1));
        Polling
    }
}

impl Drop for Polling {
    fn drop(&mut self) {
        POLLING.with(|p| p.set(p.get() - 1));
    }
}

/// Reading a rejection's body: boxed, as only rejections take this path.
pub(super) type Answer = Pin<Box<dyn Future<Output = Response> + Send>>;

pin_project_lite::pin_project! {
    /// The future of [`ApiErrorService`](super::ApiErrorService)'s responses.
    pub struct ResponseFuture<F> {
        #[pin]
        inner: F,
        call: Option<Call>,
        answer: Option<Answer>,
        span: Span,
    }
}

impl<F> ResponseFuture<F> {
    pub(super) fn new(inner: F, call: Call, span: Span) -> Self {
        ResponseFuture {
            inner,
            call: Some(call),
            answer: None,
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
        let _entered = this.span.enter();
        if let Some(answer) = this.answer {
            return answer.as_mut().poll(cx).map(Ok);
        }
        let polled = {
            let _polling = Polling::start();
            this.inner.poll(cx)
        };
        let response = ready!(polled)?;
        let call = this
            .call
            .take()
            .expect("ResponseFuture polled after completion");
        match call.finish(response) {
            Ok(response) => Poll::Ready(Ok(response)),
            Err(answer) => this.answer.insert(answer).as_mut().poll(cx).map(Ok),
        }
    }
}
