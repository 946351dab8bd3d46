use apierror::ApiError;
#[derive(ApiError)]
enum E {
    #[status(200)]
    #[code("ok")]
    #[message("fine")]
    Fine,
}

fn main() {}
