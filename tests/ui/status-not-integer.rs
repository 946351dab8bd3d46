use apierror::ApiError;
#[derive(ApiError)]
enum E {
    #[status("400")]
    #[code("bad")]
    #[message("bad")]
    Bad,
}

fn main() {}
