use apierror::ApiError;
#[derive(ApiError)]
enum E {
    #[status(400)]
    #[code("amount_too_small")]
    #[message("amount must be at least {min}")]
    AmountTooSmall {
        #[meta(target = "amount")]
        min: u64,
    },
}

fn main() {}
