use apierror::ApiError;
#[derive(ApiError)]
enum E {
    #[status(404)]
    #[code("not_found")]
    #[message("{0} {2} not found")]
    NotFound(String, String),
}

fn main() {}
