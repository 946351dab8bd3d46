use apierror::ApiError;
#[derive(ApiError)]
enum E {
    #[status(700)]
    #[code("")]
    #[message("{nope}")]
    First,
    #[message("fine")]
    Second,
}

fn main() {}
