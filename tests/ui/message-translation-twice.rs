use apierror::ApiError;

#[derive(Debug, ApiError)]
enum E {
    #[status(404)]
    #[code("cart_not_found")]
    #[message("cart {id} was not found")]
    #[message(ja = "カート {id} が見つかりません")]
    #[message(ja = "カートがありません")]
    CartNotFound { id: u64 },
}

fn main() {}
