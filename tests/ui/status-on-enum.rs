use apierror::ApiError;
#[derive(ApiError)]
#[status(400)]
enum E {
    #[code("bad")]
    #[message("bad")]
    Bad,
}

fn main() {}
