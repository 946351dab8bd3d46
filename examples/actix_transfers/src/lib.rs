//! The same Omise errors from actix-web: a tiny read-only transfers endpoint. A library
//! beside the binary (`src/main.rs`) so that the end-to-end tests (`tests/web/actix.rs`)
//! serve the same app.

use actix_web::middleware::from_fn;
use actix_web::{web, App};
use apierror::actix::{render_errors, ErrorConfig, Result};
use apierror::web::Rejection;
use apierror::{Format, Renderer};
use apierror_catalog::omise::OmiseError;
use serde::{Deserialize, Serialize};

/// The one transfer this server knows.
const KNOWN: &str = "trsf_test_1";

#[derive(Serialize)]
struct Transfer {
    object: &'static str,
    id: String,
    amount: i64,
}

#[derive(Deserialize)]
struct CreateParams {
    amount: i64,
}

#[derive(Deserialize)]
struct ListQuery {
    limit: Option<u32>,
}

async fn retrieve(id: web::Path<String>) -> Result<web::Json<Transfer>, OmiseError> {
    if *id != KNOWN {
        Err(OmiseError::NotFound)?;
    }
    Ok(web::Json(Transfer {
        object: "transfer",
        id: id.into_inner(),
        amount: 100_000,
    }))
}

async fn create(params: web::Json<CreateParams>) -> Result<web::Json<Transfer>, OmiseError> {
    if params.amount <= 0 {
        Err(OmiseError::InvalidTransfer {
            message: Some("amount must be greater than 0".into()),
        })?;
    }
    Ok(web::Json(Transfer {
        object: "transfer",
        id: KNOWN.to_owned(),
        amount: params.amount,
    }))
}

async fn list(query: web::Query<ListQuery>) -> web::Json<serde_json::Value> {
    let limit = query.limit.unwrap_or(20).min(100);
    web::Json(
        serde_json::json!({"object": "list", "data": [], "limit": limit, "offset": 0, "total": 0}),
    )
}

/// Omise's answer to a request actix refused.
fn omise_rejection(rejection: &Rejection) -> OmiseError {
    match rejection.status {
        404 | 405 => OmiseError::NotFound,
        500..=599 => OmiseError::InternalError,
        _ => OmiseError::BadRequest {
            message: rejection.detail().map(|d| d.to_owned().into()),
        },
    }
}

/// The app's routes and error handling, for `main` and the end-to-end tests.
pub fn configure(cfg: &mut web::ServiceConfig) {
    let renderer = Renderer::new(Format::Omise).with_offers(&[Format::Omise, Format::Problem]);
    cfg.app_data(web::Data::new(
        ErrorConfig::negotiated(renderer).map_rejections(omise_rejection),
    ))
    .service(
        web::resource("/transfers")
            .route(web::get().to(list))
            .route(web::post().to(create)),
    )
    .service(web::resource("/transfers/{id}").route(web::get().to(retrieve)));
}

/// The app, wrapped in the error middleware.
pub fn app() -> App<
    impl actix_web::dev::ServiceFactory<
        actix_web::dev::ServiceRequest,
        Config = (),
        Response = actix_web::dev::ServiceResponse<actix_web::body::BoxBody>,
        Error = actix_web::Error,
        InitError = (),
    >,
> {
    App::new().configure(configure).wrap(from_fn(render_errors))
}
