use apierror::ApiError;
#[derive(ApiError)]
enum E {
    #[status]
    #[code("used_token")]
    #[message("token was already used")]
    UsedToken,
}

fn main() {}
