use apierror::ApiError;
#[derive(ApiError)]
enum E {
    #[status(400)]
    #[code("invalid_charge")]
    #[message("amount must be at least {minimum} {currency}")]
    InvalidCharge { min: u64, currency: String },
}

fn main() {}
