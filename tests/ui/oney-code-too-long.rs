use apierror::ApiError;
#[derive(ApiError)]
#[api_error(oney, status = 400)]
enum E {
    #[code("ERR_TOO_LONG_CODE")]
    #[message("Field is mandatory")]
    Missing,
}

fn main() {}
