use apierror::ApiError;

#[derive(Debug, ApiError)]
enum E {
    #[status(503)]
    #[code("store_down")]
    #[message("the store is unavailable")]
    #[message(ja = "ストアが利用できません: {0}")]
    StoreDown(#[source] std::io::Error),
}

fn main() {}
