use apierror::ApiError;
#[derive(ApiError)]
#[api_error(oney)]
enum E {
    #[status(400)]
    #[code("ERR_02")]
    #[message("{name} is too long")]
    TooLong {
        #[field]
        name: String,
        #[field]
        path: String,
    },
}

fn main() {}
