use apierror::ApiError;
#[derive(ApiError)]
enum E {
    #[status(400)]
    #[code("")]
    #[message("bad")]
    Bad,
}

fn main() {}
