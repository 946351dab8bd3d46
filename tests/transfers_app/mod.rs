//! The Transfers example app, started on a loopback port for the end-to-end tests.

#[path = "../../examples/transfers_server/app.rs"]
#[allow(dead_code)]
pub mod app;

use std::net::SocketAddr;

/// `Basic base64("skey_test_apierror:")`: the default secret key as the user name.
pub const AUTH: &str = "Basic c2tleV90ZXN0X2FwaWVycm9yOg==";

/// Starts a fresh app with `balance` on `127.0.0.1:0`, served by a runtime of
/// `worker_threads` threads (0: a current-thread runtime); returns its address.
pub fn start_app(balance: i64, worker_threads: usize) -> SocketAddr {
    let listener = std::net::TcpListener::bind("127.0.0.1:0").expect("bind loopback");
    listener.set_nonblocking(true).expect("nonblocking");
    let addr = listener.local_addr().expect("local addr");
    let config = app::Config {
        balance,
        ..app::Config::default()
    };
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
            let listener = tokio::net::TcpListener::from_std(listener).expect("listener");
            axum::serve(listener, app::app(config))
                .await
                .expect("serve");
        });
    });
    addr
}
