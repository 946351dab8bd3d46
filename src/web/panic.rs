//! Panics of a handler, answered like any other failure: caught where the integration polls
//! the handler, logged with the request's span, and answered with a 500 catalog error whose
//! text is the catalog's, never the panic's.
//!
//! What the log line holds: the panic's message, from its payload (`panic!("…")` carries a
//! `&str` or a `String`; any other payload is logged as `Box<dyn Any>`, as std prints it),
//! and its location (`src/orders.rs:42:9`) only where [`log_panic_locations`] was called:
//! a payload carries no location, only a panic hook sees it, and a hook is the whole
//! process's, so none is installed unless the application asks. Without it, std's default
//! hook still prints the location on standard error.

use std::any::Any;
use std::cell::RefCell;
use std::future::Future;
use std::panic::{self, AssertUnwindSafe};
use std::pin::Pin;
use std::sync::Once;
use std::task::{Context, Poll};

use crate::ApiError;

/// What a panic unwinds with.
pub(crate) type Payload = Box<dyn Any + Send>;

/// Polls `future` once, catching a panic of its poll.
///
/// `AssertUnwindSafe`: after a panic the future is never polled again, only dropped, so no
/// state it left half-changed is read back by it; the response says nothing of that state.
pub(crate) fn poll<F: Future>(
    future: Pin<&mut F>,
    cx: &mut Context<'_>,
) -> Result<Poll<F::Output>, Payload> {
    panic::catch_unwind(AssertUnwindSafe(|| future.poll(cx)))
}

/// `future`'s output, or the payload of a panic of any of its polls. (The axum layer calls
/// [`poll`] in its own future instead, beside what else it does at each poll.)
#[cfg(feature = "actix-web")]
pub(crate) async fn catching<F: Future>(future: F) -> Result<F::Output, Payload> {
    let mut future = std::pin::pin!(future);
    std::future::poll_fn(|cx| match poll(future.as_mut(), cx) {
        Ok(Poll::Ready(output)) => Poll::Ready(Ok(output)),
        Ok(Poll::Pending) => Poll::Pending,
        Err(payload) => Poll::Ready(Err(payload)),
    })
    .await
}

/// The panic's message, as std's hook prints it.
fn message(payload: &(dyn Any + Send)) -> &str {
    if let Some(text) = payload.downcast_ref::<&'static str>() {
        text
    } else if let Some(text) = payload.downcast_ref::<String>() {
        text
    } else {
        "Box<dyn Any>"
    }
}

/// Logs a handler's panic at error level, in the current span (the request's), with the
/// catalog error that answers it: one line, the only place the panic's text goes.
pub(crate) fn log(payload: &(dyn Any + Send), answer: &dyn ApiError) {
    let message = message(payload);
    let location = LAST
        .with(RefCell::take)
        .and_then(|last| last.location_of(message));
    tracing::error!(
        status = answer.status().as_u16(),
        code = answer.code(),
        panic = message,
        location = location.as_deref(),
        "handler panicked"
    );
}

/// The last panic the hook of [`log_panic_locations`] saw on a thread.
struct Seen {
    message: String,
    location: String,
}

impl Seen {
    /// The location, if this is the panic with `message`: a panic unwinds on the thread it
    /// was raised on, so the caught one is the last the hook saw there, unless another hook
    /// replaced it since; then what is kept is an older panic's, which the message tells.
    fn location_of(self, message: &str) -> Option<String> {
        (self.message == message).then_some(self.location)
    }
}

thread_local! {
    /// Kept by the hook for the log line of the catch that follows, and taken by it.
    static LAST: RefCell<Option<Seen>> = const { RefCell::new(None) };
}

/// Has the integrations log each handler panic's location (`file:line:column`) beside its
/// message: installs a panic hook that keeps the location for them, then calls the hook
/// that was in place before (std's prints the panic on standard error, as without this).
///
/// A panic hook is the whole process's, so the integrations install none by themselves;
/// call this once at start-up (later calls do nothing). A hook set after this one replaces
/// it, and the locations are then no longer logged.
///
/// ```
/// apierror::web::log_panic_locations();
/// ```
pub fn log_panic_locations() {
    static INSTALL: Once = Once::new();
    INSTALL.call_once(|| {
        let previous = panic::take_hook();
        panic::set_hook(Box::new(move |info| {
            if let Some(location) = info.location() {
                let seen = Seen {
                    message: message(info.payload()).to_owned(),
                    location: location.to_string(),
                };
                // `try_with`: a panic while the thread's locals are torn down keeps nothing.
                let _ = LAST.try_with(|last| last.replace(Some(seen)));
            }
            previous(info);
        }));
    });
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn messages_of_payloads() {
        let text: Payload = Box::new("boom");
        assert_eq!(message(&*text), "boom");
        let formatted: Payload = Box::new(format!("order {} failed", 7));
        assert_eq!(message(&*formatted), "order 7 failed");
        let other: Payload = Box::new(7_u8);
        assert_eq!(message(&*other), "Box<dyn Any>");
    }
}
