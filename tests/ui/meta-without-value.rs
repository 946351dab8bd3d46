use apierror::ApiError;
#[derive(ApiError)]
enum E {
    #[status(402)]
    #[code("card_declined")]
    #[meta(stripe_type)]
    CardDeclined,

    #[status(400)]
    #[code("used_token")]
    #[meta = "card_error"]
    UsedToken,
}

fn main() {}
