use apierror::ApiError;

#[derive(Debug, ApiError)]
enum E {
    #[status(409)]
    #[code("cart_locked")]
    #[grpc(LOCKED)]
    #[message("the cart is being checked out")]
    CartLocked,
}

fn main() {}
