use apierror::ApiError;
#[derive(ApiError)]
enum E {
    #[status(400)]
    #[code("bad_amount")]
    #[message("amount {0} is too low")]
    BadAmount { amount: u64 },
}

fn main() {}
