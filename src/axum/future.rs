//! The layer's response future: the handler's future polled in place (no box on the way
//! to a success), then the verdict on its response.

use std::convert::Infallible;
use std::future::Future;
use std::pin::Pin;
use std::task::{ready, Context, Poll};

use axum::response::Response;
use tracing::Span;

use super::Call;

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
        let response = ready!(this.inner.poll(cx))?;
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
