//! A small Omise client: calls the Transfers example server over HTTP and `match`es on the
//! typed errors it gets back.
//!
//! ```sh
//! cargo run --example omise_client                                   # starts its own server
//! OMISE_URL=http://127.0.0.1:8080 cargo run --example omise_client   # or talks to yours
//! ```
//!
//! `OMISE_SECRET_KEY` is the key (default `skey_test_apierror`, the server's default).

#[path = "transfers_server/app.rs"]
#[allow(dead_code)]
mod app;

use apierror::parse::{parse, ParseOptions, ReceivedBody};
use apierror::ApiError;
use apierror_catalog::omise::OmiseError;

/// What a call gave back: the transfer's JSON, or the error body read into the catalog.
enum Outcome {
    Ok(serde_json::Value),
    Err(Box<ReceivedBody>),
}

struct Client {
    base: String,
    auth: String,
    agent: ureq::Agent,
}

impl Client {
    fn new(base: String, key: &str) -> Self {
        let agent = ureq::AgentBuilder::new()
            .timeout(std::time::Duration::from_secs(5))
            .build();
        Client {
            base,
            auth: basic_auth(key),
            agent,
        }
    }

    fn call(
        &self,
        method: &str,
        path: &str,
        json: Option<&str>,
    ) -> Result<Outcome, Box<dyn std::error::Error>> {
        let request = self
            .agent
            .request(method, &format!("{}{path}", self.base))
            .set("Authorization", &self.auth)
            .set("Content-Type", "application/json");
        let response = match json {
            Some(body) => request.send_string(body),
            None => request.call(),
        };
        match response {
            Ok(res) => Ok(Outcome::Ok(serde_json::from_str(&res.into_string()?)?)),
            Err(ureq::Error::Status(status, res)) => {
                let content_type = res.header("content-type").map(str::to_owned);
                let body = res.into_string()?;
                let received = parse(
                    Some(status),
                    content_type.as_deref(),
                    body.as_bytes(),
                    None,
                    &ParseOptions::default(),
                )?;
                Ok(Outcome::Err(Box::new(received)))
            }
            Err(err) => Err(err.into()),
        }
    }
}

/// What an application does with each error: the typed variant, where the catalog knows
/// the code; unknown codes are still there to log.
fn explain(received: &ReceivedBody) -> String {
    match received.lookup::<OmiseError>().typed {
        Some(OmiseError::AuthenticationFailure) => "check the secret key".to_owned(),
        Some(OmiseError::NotFound) => "no such transfer: refresh the list".to_owned(),
        Some(OmiseError::InvalidTransfer { message }) => {
            format!(
                "transfer refused ({})",
                message.as_deref().unwrap_or("invalid transfer")
            )
        }
        Some(other) => format!("{} ({}): {}", other.code(), other.status(), other.message()),
        None => format!("unknown error {:?}: {:?}", received.code, received.message),
    }
}

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let key = std::env::var("OMISE_SECRET_KEY")
        .unwrap_or_else(|_| app::config::DEFAULT_SECRET_KEY.to_owned());
    let base = match std::env::var("OMISE_URL") {
        Ok(url) => url,
        Err(_) => start_server()?,
    };
    println!("talking to {base}");
    let client = Client::new(base.clone(), &key);
    let calls = [
        ("POST", "/transfers", Some(r#"{"amount":100000}"#)),
        ("POST", "/transfers", Some(r#"{"amount":999999999999}"#)),
        ("GET", "/transfers/trsf_test_missing", None),
        (
            "PATCH",
            "/transfers/trsf_test_missing",
            Some(r#"{"amount":5000}"#),
        ),
    ];
    for (method, path, body) in calls {
        match client.call(method, path, body)? {
            Outcome::Ok(transfer) => {
                println!("{method} {path}: {} {}", transfer["object"], transfer["id"])
            }
            Outcome::Err(received) => println!("{method} {path}: {}", explain(&received)),
        }
    }
    let stranger = Client::new(base, "skey_test_wrong");
    if let Outcome::Err(received) = stranger.call("GET", "/transfers", None)? {
        println!("GET /transfers with a wrong key: {}", explain(&received));
    }
    Ok(())
}

/// Starts the Transfers app on a loopback port, for a self-contained run, on a fresh SQLite
/// file in the temporary directory (not the server's own `transfers.db`).
fn start_server() -> Result<String, Box<dyn std::error::Error>> {
    let listener = std::net::TcpListener::bind("127.0.0.1:0")?;
    listener.set_nonblocking(true)?;
    let base = format!("http://{}", listener.local_addr()?);
    let file = std::env::temp_dir().join("apierror-omise-client.db");
    for suffix in ["", "-wal", "-shm"] {
        let _ = std::fs::remove_file(format!("{}{suffix}", file.display()));
    }
    let config = app::Config {
        database_url: format!("sqlite://{}?mode=rwc", file.display()),
        ..app::Config::default()
    };
    let runtime = tokio::runtime::Builder::new_current_thread()
        .enable_all()
        .build()?;
    let (ready, opened) = std::sync::mpsc::channel();
    std::thread::spawn(move || {
        runtime.block_on(async move {
            let router = match app::app(config).await {
                Ok(router) => router,
                Err(err) => return ready.send(Err(err.to_string())).unwrap_or(()),
            };
            if let Ok(listener) = tokio::net::TcpListener::from_std(listener) {
                let _ = ready.send(Ok(()));
                let _ = axum::serve(listener, router).await;
            }
        });
    });
    // Calls are made once the database is open.
    opened.recv()??;
    Ok(base)
}

/// `Basic base64("key:")`: the secret key as the user name, as Omise does.
fn basic_auth(key: &str) -> String {
    use base64::Engine as _;
    format!(
        "Basic {}",
        base64::engine::general_purpose::STANDARD.encode(format!("{key}:"))
    )
}
