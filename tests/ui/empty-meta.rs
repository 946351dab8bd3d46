use apierror::ApiError;
#[derive(ApiError)]
enum E {
    #[status(402)]
    #[code("card_declined")]
    #[meta()]
    CardDeclined,
}

fn main() {}
