use apierror::ApiError;
#[derive(ApiError)]
enum E {
    #[status(402)]
    #[code("card_declined")]
    #[meta(stripe_type = "card_error", stripe_type = "invalid_request_error")]
    CardDeclined,
}

fn main() {}
