//! What a test's code logs through `tracing`, captured as text: a subscriber for the
//! current thread that writes every line (and each span's fields when it closes) into a
//! buffer the test reads.

use std::io::Write;
use std::sync::{Arc, Mutex};

use tracing::subscriber::DefaultGuard;
use tracing_subscriber::fmt::format::FmtSpan;

/// The captured text, shared with the subscriber's writer.
#[derive(Clone, Default)]
pub struct Logs(Arc<Mutex<Vec<u8>>>);

impl Logs {
    /// Everything logged so far.
    pub fn text(&self) -> String {
        String::from_utf8_lossy(&self.0.lock().unwrap()).into_owned()
    }
}

impl Write for Logs {
    fn write(&mut self, bytes: &[u8]) -> std::io::Result<usize> {
        self.0.lock().unwrap().write(bytes)
    }

    fn flush(&mut self) -> std::io::Result<()> {
        Ok(())
    }
}

/// Captures this thread's logs until the guard is dropped: plain text, no time, a line
/// for each span's close with its fields (`request{method=GET path=/ trace_id=…}`).
pub fn capture() -> (DefaultGuard, Logs) {
    let logs = Logs::default();
    let writer = logs.clone();
    let subscriber = tracing_subscriber::fmt()
        .with_ansi(false)
        .without_time()
        .with_span_events(FmtSpan::CLOSE)
        .with_writer(move || writer.clone())
        .finish();
    (tracing::subscriber::set_default(subscriber), logs)
}

/// The `trace_id` field of the first `request` span in `logs`.
pub fn span_trace_id(logs: &str) -> Option<&str> {
    let fields = logs.split("request{").nth(1)?;
    let fields = &fields[..fields.find('}')?];
    fields
        .split(' ')
        .find_map(|field| field.strip_prefix("trace_id="))
}
