use apierror::ApiError;

#[derive(Debug, ApiError)]
#[api_error(domain = "https://shop.example.com/")]
enum E {
    #[status(404)]
    #[code("cart_not_found")]
    #[message("cart not found")]
    CartNotFound,
}

fn main() {}
