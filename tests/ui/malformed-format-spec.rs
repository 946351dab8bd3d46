use apierror::ApiError;
#[derive(ApiError)]
enum E {
    #[status(400)]
    #[code("bad_amount")]
    #[message("amount {amount:.2f} is too low")]
    BadAmount { amount: f64 },
}

fn main() {}
