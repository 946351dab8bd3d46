use apierror::ApiError;
#[derive(ApiError)]
#[meta(doc_url = "https://example.com/errors")]
#[meta(doc_url = "https://example.com/other")]
enum E {
    #[status(402)]
    #[code("card_declined")]
    #[meta(target = "card")]
    #[meta(target = "amount")]
    CardDeclined,
}

fn main() {}
