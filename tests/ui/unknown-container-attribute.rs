use apierror::ApiError;
#[derive(ApiError)]
#[api_error(status = 400, renam_all = "snake_case")]
enum E {
    #[code("bad")]
    #[message("bad")]
    Bad,
}

fn main() {}
