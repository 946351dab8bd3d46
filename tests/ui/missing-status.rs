use apierror::ApiError;
#[derive(ApiError)]
enum E {
    #[code("bad")]
    #[message("bad")]
    Bad,
}

fn main() {}
