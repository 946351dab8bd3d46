//! `cargo run -p custom-format`: starts the orders API on 127.0.0.1 (port `PORT`, else any
//! free one), asks it for an order that does not exist, prints the typed error and exits.
//! With `--serve` it keeps serving, for curl:
//!
//! ```text
//! PORT=3000 cargo run -p custom-format -- --serve
//! curl -i localhost:3000/orders/7
//! ```

use custom_format::client::OrdersClient;
use custom_format::orders::OrderError;

#[tokio::main]
async fn main() -> Result<(), Box<dyn std::error::Error>> {
    let port: u16 = std::env::var("PORT").map_or(Ok(0), |p| p.parse())?;
    let listener = tokio::net::TcpListener::bind(("127.0.0.1", port)).await?;
    let base = format!("http://{}", listener.local_addr()?);
    if std::env::args().any(|arg| arg == "--serve") {
        println!("orders API on {base} (try {base}/orders/7 and {base}/openapi.json)");
        return Ok(custom_format::serve(listener).await?);
    }
    tokio::spawn(custom_format::serve(listener));

    let client = OrdersClient::new(&base);
    println!("GET {base}/orders/7");
    match client.order(7).await {
        Ok(order) => println!("found: {order}"),
        Err(failure) => match failure.typed() {
            Some(OrderError::NotFound { id }) => {
                println!("typed error: OrderError::NotFound {{ id: {id} }}");
                println!(
                    "request id:  {}",
                    failure.api().and_then(|f| f.trace_id()).unwrap_or("none")
                );
            }
            Some(other) => println!("another order error: {other}"),
            None => println!("not an order error: {failure}"),
        },
    }
    Ok(())
}
