use apierror::ApiError;

#[derive(Debug, ApiError)]
enum E {
    #[status(404)]
    #[code("cart_not_found")]
    #[message("no such cart")]
    #[retry_after(5)]
    CartNotFound,
}

fn main() {}
