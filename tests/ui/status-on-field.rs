use apierror::ApiError;
#[derive(ApiError)]
enum E {
    #[code("bad_amount")]
    #[message("amount {amount} is too low")]
    BadAmount {
        #[status(400)]
        amount: u64,
    },
}

fn main() {}
