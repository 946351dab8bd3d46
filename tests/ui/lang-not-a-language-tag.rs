use apierror::ApiError;

#[derive(Debug, ApiError)]
#[api_error(lang = "english!")]
enum E {
    #[status(400)]
    #[code("a")]
    #[message("a")]
    A,
}

fn main() {}
