use apierror::ApiError;
#[derive(ApiError)]
#[api_error(status = 400, rename_all = "snakecase")]
enum E {
    #[message("bad")]
    Bad,
}

fn main() {}
