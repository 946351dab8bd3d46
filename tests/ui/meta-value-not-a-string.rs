use apierror::ApiError;
#[derive(ApiError)]
enum E {
    #[status(429)]
    #[code("rate_limited")]
    #[meta(retries = 3, doc_url = concat!("https://", "example.com"))]
    RateLimited,
}

fn main() {}
