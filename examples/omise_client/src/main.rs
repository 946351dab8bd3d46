//! A typed Omise client: calls the Transfers example server over HTTP with reqwest and
//! `match`es on the typed errors it gets back (the client itself is in `lib.rs`).
//!
//! ```sh
//! cargo run -p transfers-server    # in one terminal: the server, on port 8080
//! cargo run -p omise-client        # in another: this client, against it
//! ```
//!
//! `OMISE_URL` is the server (default `http://127.0.0.1:8080`, the Transfers server's
//! default), `OMISE_SECRET_KEY` the key (default `skey_test_apierror`, the server's default).
//! The client does not start a server of its own, so that it builds only what a client uses
//! (no axum, no sqlx); the tests (`tests/client/omise_client.rs`) run it against the server
//! in-process.

use apierror::ApiError;
use apierror_catalog::omise::OmiseError;
use omise_client::{CallError, Retry, TransfersClient};

/// The Transfers server's address and key when `OMISE_URL` and `OMISE_SECRET_KEY` are not
/// set: its defaults.
const DEFAULT_URL: &str = "http://127.0.0.1:8080";
const DEFAULT_SECRET_KEY: &str = "skey_test_apierror";

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
    let key = std::env::var("OMISE_SECRET_KEY").unwrap_or_else(|_| DEFAULT_SECRET_KEY.to_owned());
    let base = std::env::var("OMISE_URL").unwrap_or_else(|_| DEFAULT_URL.to_owned());
    println!("talking to {base}");
    // Rate limits and unavailability are retried up to 3 times, waiting at most 2 s.
    let client = TransfersClient::new(base.clone(), key).with_retry(Retry {
        attempts: 3,
        max_wait: std::time::Duration::from_secs(2),
        ..Retry::default()
    });

    let transfer = match client.create(100_000).await {
        Ok(transfer) => transfer,
        Err(CallError::Transport(err)) => {
            eprintln!(
                "cannot reach the Transfers server at {base}: start it with \
                 `cargo run -p transfers-server`, or set OMISE_URL"
            );
            return Err(err.into());
        }
        Err(err) => return Err(err.into()),
    };
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
