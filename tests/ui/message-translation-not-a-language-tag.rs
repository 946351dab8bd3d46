use apierror::ApiError;

#[derive(Debug, ApiError)]
enum E {
    #[status(404)]
    #[code("cart_not_found")]
    #[message("cart {id} was not found")]
    #[message(j4 = "カート {id} が見つかりません")]
    CartNotFound { id: u64 },
}

fn main() {}
