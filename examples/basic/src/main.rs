//! One declaration, every wire format: `cargo run -p basic`.

use apierror::{ApiError, Format, Renderer, RequestContext};

#[derive(Debug, ApiError)]
#[api_error(location = "https://www.omise.co/api-errors")]
enum ChargeError {
    /// An attempt was made to re-use a token. Tokens are single use only.
    #[status(400)]
    #[code("used_token")]
    #[message("token was already used")]
    UsedToken,

    /// The amount is below the minimum.
    #[status(400)]
    #[code("invalid_charge")]
    #[message("amount must be at least {min} {currency}")]
    #[field("amount")]
    InvalidCharge { min: u64, currency: &'static str },
}

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let err = ChargeError::InvalidCharge {
        min: 2000,
        currency: "thb",
    };
    println!(
        "{} {} ({}): {}\n",
        err.status(),
        err.code(),
        err.title(),
        err.message()
    );

    // The request context is passed in explicitly; values that could break a header or a
    // body (CR, LF, control characters) are refused with a typed error.
    let ctx = RequestContext::new()
        .with_instance("/charges")?
        .with_trace_id("00-813b63975adcaaeef2b0ec7c103c40e3-706492e906541d31-01")?;
    // Every built-in offered, Omise the default (a server offers only what it chooses).
    let renderer = Renderer::all_built_in(Format::Omise);
    for format in Format::BUILT_IN {
        let response = renderer.response(format, &err, &ctx);
        println!(
            "{format}: {} {:?}",
            response.status(),
            response.headers()["content-type"]
        );
        println!("{}\n", String::from_utf8_lossy(response.body()));
    }

    // The format a client asks for, with a server-chosen default.
    let asked = renderer.negotiate("application/problem+json;q=0.9, text/html");
    println!("Accept: application/problem+json;q=0.9, text/html -> {asked}");

    println!("\ncatalog of {}:", ChargeError::catalog().name);
    for v in ChargeError::catalog().variants {
        println!(
            "  {} {:<15} {:<15} {}",
            v.status,
            v.code,
            v.title,
            v.message.unwrap_or("")
        );
    }
    let _ = ChargeError::UsedToken;
    Ok(())
}
