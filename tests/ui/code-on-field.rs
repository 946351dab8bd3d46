use apierror::ApiError;
#[derive(ApiError)]
enum E {
    #[status(400)]
    #[message("amount {amount} is too low")]
    BadAmount {
        #[code("bad_amount")]
        amount: u64,
    },
}

fn main() {}
