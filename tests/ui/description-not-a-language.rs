use apierror::ApiError;
#[derive(ApiError)]
enum E {
    #[status(400)]
    #[code("bad")]
    #[message("bad")]
    #[description(japanese = "悪い")]
    Bad,
}

fn main() {}
