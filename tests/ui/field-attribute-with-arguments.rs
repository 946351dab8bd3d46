use apierror::ApiError;
#[derive(ApiError)]
enum E {
    #[status(400)]
    #[code("ERR_02")]
    #[message("{name} is too long")]
    TooLong {
        #[field("purchase.name")]
        name: String,
    },
}

fn main() {}
