//! The same Omise errors from actix-web: a tiny read-only transfers endpoint.
//!
//! ```text
//! cargo run -p actix-transfers   # PORT, default 8081
//! ```

use actix_web::HttpServer;

#[actix_web::main]
async fn main() -> std::io::Result<()> {
    tracing_subscriber::fmt().init();
    let port = std::env::var("PORT")
        .ok()
        .and_then(|p| p.parse::<u16>().ok())
        .unwrap_or(8081);
    tracing::info!(port, "actix server listening on 127.0.0.1");
    // actix-web stops gracefully on Ctrl-C by itself.
    HttpServer::new(actix_transfers::app)
        .bind(("127.0.0.1", port))?
        .run()
        .await
}
