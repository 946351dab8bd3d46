use apierror::ApiError;
#[derive(ApiError)]
enum E {
    #[status(400)]
    #[code("used_token")]
    #[message("token was already used")]
    UsedToken,
    #[status(400)]
    #[code("used_token")]
    #[message("token was used again")]
    UsedAgain,
}

fn main() {}
