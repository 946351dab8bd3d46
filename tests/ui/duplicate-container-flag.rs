use apierror::ApiError;
#[derive(ApiError)]
#[api_error(status = 400, oney, oney)]
enum E {
    #[code("ERR_02")]
    #[message("Field is too long")]
    TooLong,
}

fn main() {}
