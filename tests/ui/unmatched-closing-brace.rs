use apierror::ApiError;
#[derive(ApiError)]
enum E {
    #[status(400)]
    #[code("bad")]
    #[message("amount min} is too low")]
    Bad { min: u64 },
}

fn main() {}
