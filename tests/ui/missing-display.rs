use apierror::ApiError;
#[derive(ApiError)]
enum E {
    #[status(400)]
    #[code("bad_request")]
    BadRequest,
}

fn main() {}
