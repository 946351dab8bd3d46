use apierror::ApiError;
#[derive(ApiError)]
enum E {
    #[status(400)]
    #[status(404)]
    #[code("bad")]
    #[message("bad")]
    Bad,
}

fn main() {}
