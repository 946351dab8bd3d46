//! The derive in a few lines: `cargo run --example basic`.

use apierror::ApiError;

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
    InvalidCharge { min: u64, currency: &'static str },
}

fn main() {
    let errors = [
        ChargeError::UsedToken,
        ChargeError::InvalidCharge {
            min: 2000,
            currency: "thb",
        },
    ];
    for err in &errors {
        println!(
            "{} {} ({}): {}",
            err.status(),
            err.code(),
            err.title(),
            err.message()
        );
    }

    println!("\ncatalog of {}:", ChargeError::catalog().name);
    for v in ChargeError::catalog().variants {
        println!(
            "  {} {:<15} {:<15} {}",
            v.status,
            v.code,
            v.title,
            v.message.unwrap_or("(Display)")
        );
    }
}
