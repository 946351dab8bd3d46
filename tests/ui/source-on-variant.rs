use apierror::ApiError;
#[derive(ApiError)]
enum E {
    #[status(500)]
    #[code("internal_error")]
    #[message("internal error")]
    #[source]
    Internal(std::io::Error),
}

fn main() {}
