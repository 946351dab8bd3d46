//! The Omise Transfers API, served with apierror's axum integration.
//!
//! ```text
//! cargo run --features axum --example transfers_server
//! ```
//!
//! Environment: `PORT` (default 8080), `OMISE_SECRET_KEY` (default `skey_test_apierror`),
//! `BALANCE` in satang (default 100000000), `RUST_LOG`-style level in `LOG_LEVEL`
//! (default `info`).

mod app;

use std::net::SocketAddr;

use app::{Config, DEFAULT_BALANCE, DEFAULT_SECRET_KEY};

#[tokio::main]
async fn main() -> std::io::Result<()> {
    let level = std::env::var("LOG_LEVEL")
        .ok()
        .and_then(|l| l.parse().ok())
        .unwrap_or(tracing::Level::INFO);
    tracing_subscriber::fmt().with_max_level(level).init();

    let port = match std::env::var("PORT") {
        Ok(port) => port.parse::<u16>().map_err(|e| invalid_env("PORT", e))?,
        Err(_) => 8080,
    };
    let balance = match std::env::var("BALANCE") {
        Ok(balance) => balance
            .parse::<i64>()
            .map_err(|e| invalid_env("BALANCE", e))?,
        Err(_) => DEFAULT_BALANCE,
    };
    let secret_key =
        std::env::var("OMISE_SECRET_KEY").unwrap_or_else(|_| DEFAULT_SECRET_KEY.to_owned());
    let config = Config {
        secret_key,
        balance,
    };

    let addr = SocketAddr::from(([127, 0, 0, 1], port));
    let listener = tokio::net::TcpListener::bind(addr).await?;
    tracing::info!(
        address = %listener.local_addr()?,
        secret_key = %config.secret_key,
        balance = config.balance,
        "transfers server listening (test mode)"
    );
    axum::serve(listener, app::app(config))
        .with_graceful_shutdown(shutdown())
        .await?;
    tracing::info!("transfers server stopped");
    Ok(())
}

fn invalid_env(name: &str, err: impl std::fmt::Display) -> std::io::Error {
    std::io::Error::new(std::io::ErrorKind::InvalidInput, format!("{name}: {err}"))
}

/// Resolves on Ctrl-C, letting requests in flight finish.
async fn shutdown() {
    if let Err(err) = tokio::signal::ctrl_c().await {
        tracing::error!(error = %err, "cannot listen for Ctrl-C; shutting down");
    }
    tracing::info!("Ctrl-C received, shutting down");
}
