use apierror::ApiError;
#[derive(ApiError)]
union U {
    a: u32,
    b: f32,
}

fn main() {}
