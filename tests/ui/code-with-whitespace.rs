use apierror::ApiError;
#[derive(ApiError)]
enum E {
    #[status(400)]
    #[code("used token")]
    #[message("bad")]
    Bad,
}

fn main() {}
