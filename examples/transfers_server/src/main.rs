//! The Omise Transfers API, served with apierror's axum integration, on a database.
//!
//! ```text
//! cargo run -p transfers-server                        # SQLite, ./transfers.db
//! cargo run -p transfers-server --features postgres     # DATABASE_URL=postgres://… too
//! ```
//!
//! Environment: `PORT` (default 8080), `OMISE_SECRET_KEY` (default `skey_test_apierror`),
//! `BALANCE` in satang for a new database (default 100000000), `DATABASE_URL` (default
//! `sqlite://transfers.db?mode=rwc`, a file in the working directory; `postgres://…` for
//! several processes on one database, with the feature `postgres`), `IDEMPOTENCY_TTL` in
//! seconds (default 86400), `RUST_LOG`-style level in `LOG_LEVEL` (default `info`).

use std::net::SocketAddr;

use transfers_server::Config;

#[tokio::main]
async fn main() -> Result<(), Box<dyn std::error::Error>> {
    let level = std::env::var("LOG_LEVEL")
        .ok()
        .and_then(|l| l.parse().ok())
        .unwrap_or(tracing::Level::INFO);
    tracing_subscriber::fmt().with_max_level(level).init();

    let (config, port) = Config::from_env()?;
    let router = transfers_server::app(config.clone())
        .await
        .inspect_err(|err| {
            // The Debug form carries the driver's error, the cause an operator needs.
            tracing::error!(reason = %err, error = ?err, "cannot open the database");
        })?;
    let addr = SocketAddr::from(([127, 0, 0, 1], port));
    let listener = tokio::net::TcpListener::bind(addr).await?;
    tracing::info!(
        address = %listener.local_addr()?,
        database = %config.database_for_log(),
        secret_key = %config.secret_key,
        "transfers server listening (test mode)"
    );
    axum::serve(listener, router)
        .with_graceful_shutdown(shutdown())
        .await?;
    tracing::info!("transfers server stopped");
    Ok(())
}

/// Resolves on Ctrl-C, letting requests in flight finish.
async fn shutdown() {
    if let Err(err) = tokio::signal::ctrl_c().await {
        tracing::error!(error = %err, "cannot listen for Ctrl-C; shutting down");
    }
    tracing::info!("Ctrl-C received, shutting down");
}
