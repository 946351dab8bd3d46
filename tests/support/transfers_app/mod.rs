//! The Transfers example app (the library of `examples/transfers_server`), started on a
//! loopback port for the end-to-end tests, each app on its own SQLite file; and the helpers of
//! the database tests: a client, loads, PostgreSQL clusters, server processes.

pub mod client;
pub mod load;
pub mod pg;
pub mod process;

use std::net::SocketAddr;
use std::path::PathBuf;
use std::sync::atomic::{AtomicUsize, Ordering};

/// `Basic base64("skey_test_apierror:")`: the default secret key as the user name.
pub const AUTH: &str = "Basic c2tleV90ZXN0X2FwaWVycm9yOg==";

/// A fresh directory for one test's database, under Cargo's temporary directory for
/// integration tests (`target/tmp`), named after this process so parallel test binaries never
/// share one. Directories left by earlier runs of this binary are removed on first use.
pub fn fresh_dir(name: &str) -> PathBuf {
    static NEXT: AtomicUsize = AtomicUsize::new(0);
    static SWEEP: std::sync::Once = std::sync::Once::new();
    let binary = std::env::current_exe()
        .ok()
        .and_then(|p| p.file_stem().map(|s| s.to_string_lossy().into_owned()))
        .unwrap_or_else(|| "test".to_owned());
    let root = PathBuf::from(env!("CARGO_TARGET_TMPDIR")).join("transfers");
    let pid = std::process::id();
    SWEEP.call_once(|| sweep(&root, &binary, pid));
    let n = NEXT.fetch_add(1, Ordering::Relaxed);
    let dir = root
        .join(format!("{binary}-{pid}"))
        .join(format!("{name}-{n}"));
    std::fs::create_dir_all(&dir).expect("create test database directory");
    dir
}

/// Removes `<binary>-<pid>` directories of processes that are gone.
fn sweep(root: &std::path::Path, binary: &str, me: u32) {
    let Ok(entries) = std::fs::read_dir(root) else {
        return;
    };
    for entry in entries.flatten() {
        let name = entry.file_name().to_string_lossy().into_owned();
        let Some(pid) = name
            .strip_prefix(binary)
            .and_then(|rest| rest.strip_prefix('-'))
            .and_then(|pid| pid.parse::<u32>().ok())
        else {
            continue;
        };
        if pid != me && !PathBuf::from(format!("/proc/{pid}")).exists() {
            let _ = std::fs::remove_dir_all(entry.path());
        }
    }
}

/// The SQLite URL of a fresh database file.
pub fn fresh_sqlite_url(name: &str) -> String {
    let file = fresh_dir(name).join("transfers.db");
    format!("sqlite://{}?mode=rwc", file.display())
}

/// Starts a fresh app with `balance` on `127.0.0.1:0` and its own SQLite file, served by a
/// runtime of `worker_threads` threads (0: a current-thread runtime); returns its address.
pub fn start_app(balance: i64, worker_threads: usize) -> SocketAddr {
    let config = transfers_server::Config {
        balance,
        database_url: fresh_sqlite_url("app"),
        ..transfers_server::Config::default()
    };
    start_app_with(config, worker_threads)
}

/// Starts the app with `config` as [`start_app`] does.
pub fn start_app_with(config: transfers_server::Config, worker_threads: usize) -> SocketAddr {
    let listener = std::net::TcpListener::bind("127.0.0.1:0").expect("bind loopback");
    listener.set_nonblocking(true).expect("nonblocking");
    let addr = listener.local_addr().expect("local addr");
    let (ready_tx, ready_rx) = std::sync::mpsc::channel();
    std::thread::spawn(move || {
        let mut builder = if worker_threads == 0 {
            tokio::runtime::Builder::new_current_thread()
        } else {
            let mut builder = tokio::runtime::Builder::new_multi_thread();
            builder.worker_threads(worker_threads);
            builder
        };
        let runtime = builder.enable_all().build().expect("runtime");
        runtime.block_on(async move {
            let router = transfers_server::app(config)
                .await
                .expect("open the database");
            let listener = tokio::net::TcpListener::from_std(listener).expect("listener");
            ready_tx.send(()).expect("ready");
            axum::serve(listener, router).await.expect("serve");
        });
    });
    // Requests are answered only once the database is open: wait for it.
    ready_rx.recv().expect("the app failed to start");
    addr
}
