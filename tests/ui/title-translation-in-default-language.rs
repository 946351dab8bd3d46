use apierror::ApiError;

#[derive(Debug, ApiError)]
enum E {
    #[status(404)]
    #[code("cart_not_found")]
    #[message("cart {id} was not found")]
    #[title(en = "No Such Cart")]
    CartNotFound { id: u64 },
}

fn main() {}
