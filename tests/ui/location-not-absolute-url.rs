use apierror::ApiError;
#[derive(ApiError)]
#[api_error(location = "www.omise.co/api-errors")]
enum E {
    #[status(400)]
    #[code("used_token")]
    #[message("token was already used")]
    UsedToken,
}

fn main() {}
