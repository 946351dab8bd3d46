use apierror::ApiError;

#[derive(Debug, thiserror::Error, ApiError)]
enum E {
    #[error("cart {} was not found", .id)]
    #[status(404)]
    #[code("cart_not_found")]
    #[message(ja = "カート {id} が見つかりません")]
    CartNotFound { id: u64 },
}

fn main() {}
