//! A typed Omise client: calls the Transfers example server over HTTP with reqwest and
//! `match`es on the typed errors it gets back (the client itself is in `lib.rs`).
//!
//! ```sh
//! cargo run -p omise-client                                   # starts its own server
//! OMISE_URL=http://127.0.0.1:8080 cargo run -p omise-client   # or talks to yours
//! ```
//!
//! `OMISE_SECRET_KEY` is the key (default `skey_test_apierror`, the server's default).

use apierror::ApiError;
use apierror_catalog::omise::OmiseError;
use omise_client::{CallError, Retry, TransfersClient};
use transfers_server as app;

/// What an application does with each error: the typed variant, where the catalog knows
/// the code; anything else is still there to log.
fn explain(err: &CallError) -> String {
    match err.typed() {
        Some(OmiseError::AuthenticationFailure) => "check the secret key".to_owned(),
        Some(OmiseError::NotFound) => "no such transfer: refresh the list".to_owned(),
        Some(OmiseError::InvalidTransfer { message }) => format!(
            "transfer refused ({})",
            message.as_deref().unwrap_or("invalid transfer")
        ),
        Some(other) => format!("{} ({}): {}", other.code(), other.status(), other.message()),
        None => format!("unexpected failure: {err}"),
    }
}

#[tokio::main(flavor = "current_thread")]
async fn main() -> Result<(), Box<dyn std::error::Error>> {
    let key = std::env::var("OMISE_SECRET_KEY")
        .unwrap_or_else(|_| app::config::DEFAULT_SECRET_KEY.to_owned());
    let base = match std::env::var("OMISE_URL") {
        Ok(url) => url,
        Err(_) => start_server().await?,
    };
    println!("talking to {base}");
    // Rate limits and unavailability are retried up to 3 times, waiting at most 2 s.
    let client = TransfersClient::new(base.clone(), key).with_retry(Retry {
        attempts: 3,
        max_wait: std::time::Duration::from_secs(2),
        ..Retry::default()
    });

    let transfer = client.create(100_000).await?;
    println!("created {} of {} satang", transfer.id, transfer.amount);
    let transfer = client.update(&transfer.id, 50_000).await?;
    println!("updated {} to {} satang", transfer.id, transfer.amount);
    let found = client.retrieve(&transfer.id).await?;
    println!("retrieved {} (net {})", found.id, found.net);
    println!("{} transfers in the list", client.list().await?.total);
    let gone = client.destroy(&transfer.id).await?;
    println!("destroyed {}: deleted = {}", gone.id, gone.deleted);

    if let Err(err) = client.create(999_999_999_999).await {
        println!("create 999999999999: {}", explain(&err));
    }
    if let Err(err) = client.retrieve("trsf_test_missing").await {
        println!("retrieve trsf_test_missing: {}", explain(&err));
    }
    let stranger = TransfersClient::new(base, "skey_test_wrong");
    if let Err(err) = stranger.list().await {
        println!("list with a wrong key: {}", explain(&err));
    }
    Ok(())
}

/// Starts the Transfers app on a loopback port, for a self-contained run, on a fresh SQLite
/// file in the temporary directory (not the server's own `transfers.db`).
async fn start_server() -> Result<String, Box<dyn std::error::Error>> {
    let file = std::env::temp_dir().join("apierror-omise-client.db");
    for suffix in ["", "-wal", "-shm"] {
        let _ = std::fs::remove_file(format!("{}{suffix}", file.display()));
    }
    let config = app::Config {
        database_url: format!("sqlite://{}?mode=rwc", file.display()),
        ..app::Config::default()
    };
    let router = app::app(config).await?;
    let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await?;
    let base = format!("http://{}", listener.local_addr()?);
    tokio::spawn(async move {
        let _ = axum::serve(listener, router).await;
    });
    Ok(base)
}
