use apierror::ApiError;
#[derive(ApiError)]
enum E {
    #[status(402)]
    #[code("card_declined")]
    #[meta("stripe_type" = "card_error", stripe::doc_url = "https://stripe.com/docs")]
    CardDeclined,
}

fn main() {}
