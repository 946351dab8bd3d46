use apierror::ApiError;
#[derive(ApiError)]
#[api_error(status = 400, rename_all = "snake_case")]
#[message("token was already used")]
struct UsedToken;

fn main() {}
