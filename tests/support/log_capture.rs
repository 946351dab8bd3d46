//! What a test's code logs through `tracing`, captured as text: one global subscriber for
//! the test binary that writes every line (and each span's fields when it closes) into a
//! buffer the test reads.
//!
//! Global, not per thread: `tracing` caches whether a call site is enabled, and a test on
//! another thread without a subscriber could cache "never" for a span this one expects.

use std::io::Write;
use std::sync::{Arc, Mutex, OnceLock};

use tracing_subscriber::fmt::format::FmtSpan;

/// The captured text, shared with the subscriber's writer.
#[derive(Clone, Default)]
pub struct Logs(Arc<Mutex<Vec<u8>>>);

impl Logs {
    /// Everything logged since the last [`Logs::take`].
    pub fn take(&self) -> String {
        let bytes = std::mem::take(&mut *self.0.lock().unwrap());
        String::from_utf8_lossy(&bytes).into_owned()
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

/// The binary's logs, captured from the first call on: plain text, no time, a line for
/// each span's close with its fields (`request{method=GET path=/ trace_id=…}`).
pub fn capture() -> Logs {
    static LOGS: OnceLock<Logs> = OnceLock::new();
    LOGS.get_or_init(|| {
        let logs = Logs::default();
        let writer = logs.clone();
        let subscriber = tracing_subscriber::fmt()
            .with_ansi(false)
            .without_time()
            .with_span_events(FmtSpan::CLOSE)
            .with_writer(move || writer.clone())
            .finish();
        tracing::subscriber::set_global_default(subscriber).expect("the only subscriber");
        logs
    })
    .clone()
}

/// The `trace_id` field of the first `request` span in `logs`.
pub fn span_trace_id(logs: &str) -> Option<&str> {
    let fields = logs.split("request{").nth(1)?;
    let fields = &fields[..fields.find('}')?];
    fields
        .split(' ')
        .find_map(|field| field.strip_prefix("trace_id="))
}
