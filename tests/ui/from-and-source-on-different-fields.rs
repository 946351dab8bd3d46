use apierror::ApiError;
#[derive(Debug, ApiError)]
enum E {
    #[status(502)]
    #[code("upstream_failed")]
    #[message("the upstream service failed")]
    Upstream {
        #[from]
        io: std::io::Error,
        #[source]
        cause: std::fmt::Error,
    },
}

fn main() {}
