use apierror::ApiError;
#[derive(ApiError)]
enum E {
    #[status(402)]
    #[code("card_declined")]
    #[message("the card was declined")]
    CardDeclined {
        #[message]
        reason: Option<String>,
        #[message]
        advice: Option<String>,
    },
}

fn main() {}
