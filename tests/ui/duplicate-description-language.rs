use apierror::ApiError;
#[derive(ApiError)]
enum E {
    #[status(400)]
    #[code("used_token")]
    #[message("token was already used")]
    #[description(ja = "トークンは使用済みです", ja = "使用済みのトークン")]
    UsedToken,
}

fn main() {}
