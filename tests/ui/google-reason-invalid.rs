use apierror::ApiError;

#[derive(Debug, ApiError)]
#[api_error(google)]
enum E {
    #[status(400)]
    #[code("6080")]
    #[message("cannot capture before reservation")]
    CannotCapture,
}

fn main() {}
