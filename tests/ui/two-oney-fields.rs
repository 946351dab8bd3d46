use apierror::ApiError;
#[derive(ApiError)]
enum E {
    #[status(400)]
    #[code("ERR_07")]
    #[field("purchase.amount")]
    #[message("Field {name} is mandatory")]
    Missing {
        #[field]
        name: String,
    },
}

fn main() {}
