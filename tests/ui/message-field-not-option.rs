use apierror::ApiError;
#[derive(ApiError)]
enum E {
    #[status(400)]
    #[code("bad_request")]
    #[message("bad request")]
    BadRequest {
        #[message]
        message: String,
    },
}

fn main() {}
