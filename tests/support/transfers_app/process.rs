//! The server as a process of its own, so a test can kill it (`kill -9`) and start it again
//! on the same database, or run two on one database.
//!
//! The process is the test binary itself, running its ignored test `serve_child` (which the
//! binary that starts processes, `tests/transfers/main.rs`, defines at its root): it serves
//! the example's app, configured from the environment as the example's `main` is, so
//! `cargo test` needs no separately built binary.

use std::io::{BufRead, BufReader};
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::time::Duration;

/// Set in a server process's environment.
const CHILD: &str = "APIERROR_TRANSFERS_SERVE_CHILD";

/// Serves the app if this process was started as a server process: configured from the
/// environment (`DATABASE_URL`, `BALANCE`, …), on `127.0.0.1:0`, printing `LISTENING <addr>`
/// once it is ready and logging to standard error.
pub fn serve_if_child() {
    if std::env::var_os(CHILD).is_none() {
        return;
    }
    tracing_subscriber::fmt()
        .with_ansi(false)
        .with_writer(std::io::stderr)
        .init();
    let (config, _) = transfers_server::Config::from_env().expect("config");
    let runtime = tokio::runtime::Builder::new_multi_thread()
        .worker_threads(2)
        .enable_all()
        .build()
        .expect("runtime");
    runtime.block_on(async move {
        let router = transfers_server::app(config)
            .await
            .expect("open the database");
        let listener = tokio::net::TcpListener::bind("127.0.0.1:0")
            .await
            .expect("bind");
        println!("LISTENING {}", listener.local_addr().expect("address"));
        axum::serve(listener, router).await.expect("serve");
    });
}

/// A running server process; dropped, it is killed.
pub struct ServerProcess {
    child: Child,
    /// `http://127.0.0.1:<port>`.
    pub base: String,
    /// Its log (standard error).
    pub log: PathBuf,
}

impl ServerProcess {
    /// Starts a server on `database_url` whose new account gets `balance`, logging to `log`.
    pub fn start(database_url: &str, balance: i64, log: &Path) -> ServerProcess {
        let exe = std::env::current_exe().expect("test binary");
        let log_file = std::fs::OpenOptions::new()
            .create(true)
            .append(true)
            .open(log)
            .expect("log file");
        let mut child = Command::new(exe)
            .args(["serve_child", "--exact", "--ignored", "--nocapture"])
            .env(CHILD, "1")
            .env("DATABASE_URL", database_url)
            .env("BALANCE", balance.to_string())
            .stdin(Stdio::null())
            .stdout(Stdio::piped())
            .stderr(log_file)
            .spawn()
            .expect("start the server process");
        let stdout = child.stdout.take().expect("stdout");
        let (tx, rx) = std::sync::mpsc::channel();
        // Reads the address, then keeps draining so the child never blocks on a full pipe.
        std::thread::spawn(move || {
            for line in BufReader::new(stdout).lines().map_while(Result::ok) {
                if let Some(addr) = line.strip_prefix("LISTENING ") {
                    let _ = tx.send(addr.to_owned());
                }
            }
        });
        let addr = match rx.recv_timeout(Duration::from_secs(60)) {
            Ok(addr) => addr,
            Err(_) => {
                let _ = child.kill();
                let log = std::fs::read_to_string(log).unwrap_or_default();
                panic!("the server process did not start; its log:\n{log}");
            }
        };
        ServerProcess {
            child,
            base: format!("http://{addr}"),
            log: log.to_owned(),
        }
    }

    /// Kills it with SIGKILL (`kill -9`): no shutdown code runs.
    pub fn kill(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }

    /// Its log so far.
    pub fn log_text(&self) -> String {
        std::fs::read_to_string(&self.log).unwrap_or_default()
    }
}

impl Drop for ServerProcess {
    fn drop(&mut self) {
        self.kill();
    }
}
