use apierror::ApiError;

#[derive(Debug, ApiError)]
#[retry_after("5s")]
enum E {
    #[status(503)]
    #[code("maintenance")]
    #[message("down for maintenance")]
    Maintenance,

    #[status(429)]
    #[code("rate_limited")]
    #[message("slow down")]
    #[retry_after(-1)]
    RateLimited,
}

fn main() {}
