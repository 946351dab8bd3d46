use apierror::ApiError;
#[derive(ApiError)]
enum E {
    #[status(500)]
    #[code("internal_error")]
    #[message("internal error: {0}")]
    Internal(#[source] std::io::Error),
}

fn main() {}
