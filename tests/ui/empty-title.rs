use apierror::ApiError;
#[derive(ApiError)]
enum E {
    #[status(400)]
    #[code("used_token")]
    #[message("token was already used")]
    #[title(" ")]
    UsedToken,
}

fn main() {}
