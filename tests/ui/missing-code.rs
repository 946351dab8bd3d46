use apierror::ApiError;
#[derive(ApiError)]
enum E {
    #[status(400)]
    #[message("bad")]
    Bad,
}

fn main() {}
