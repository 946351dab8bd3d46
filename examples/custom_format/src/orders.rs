//! The orders API: its errors, its routes, and its OpenAPI document, all in Acme's envelope.

use std::io;

use apierror::axum::ApiErrorLayer;
use apierror::openapi::{self, Operation};
use apierror::web::RejectionError;
use apierror::{ApiError, Format, Renderer};
use axum::extract::Path;
use axum::http::header::CONTENT_TYPE;
use axum::response::IntoResponse;
use axum::routing::{get, post};
use axum::Router;

use crate::format::Acme;

/// What the orders API answers when it cannot do what was asked. `#[error]` is the text
/// logged (with the source); `#[message]` the text sent.
#[derive(Debug, thiserror::Error, ApiError)]
pub enum OrderError {
    /// No order has this id.
    #[error("order {id} was not found")]
    #[status(404)]
    #[code("order_not_found")]
    #[message("order {id} was not found")]
    NotFound { id: u64 },

    /// An item of the order is not in stock: it cannot ship.
    #[error("{sku} is out of stock")]
    #[status(409)]
    #[code("out_of_stock")]
    #[message("{sku} is out of stock")]
    OutOfStock { sku: String },

    /// The order store failed; what it said is logged, never sent.
    #[error("the order store failed")]
    #[status(500)]
    #[code("internal_error")]
    #[message("the order could not be read; retry later")]
    Internal(#[source] io::Error),
}

/// The renderer of the API: it offers Acme's envelope and nothing else, so every `Accept`
/// (problem details included) is answered with it.
pub fn renderer() -> Renderer {
    Renderer::new(Format::named("acme"))
        .with_format(Acme)
        .expect("`acme` is no built-in's name")
}

/// The API: `GET /orders/{id}`, `POST /orders/{id}/ship`, `GET /openapi.json`. Order 1
/// exists, order 2 is out of stock, order 13 is where the store fails.
pub fn app() -> Router {
    let openapi = openapi_json();
    Router::new()
        .route("/orders/{id}", get(order))
        .route("/orders/{id}/ship", post(ship))
        .route(
            "/openapi.json",
            get(move || async move { ([(CONTENT_TYPE, "application/json")], openapi) }),
        )
        // Handlers' errors and axum's own rejections (a path id that is not a number, an
        // unknown route, a wrong method) are all answered in Acme's envelope.
        .layer(ApiErrorLayer::negotiated(renderer()))
}

/// The OpenAPI document: each operation's errors in Acme's envelope, whose schema is the
/// component `AcmeError`.
pub fn openapi_json() -> String {
    let operations = [
        Operation::get("/orders/{id}", OrderError::catalog())
            .with_catalog(RejectionError::catalog()),
        Operation::post("/orders/{id}/ship", OrderError::catalog())
            .with_catalog(RejectionError::catalog()),
    ];
    let renderer = renderer();
    let format = renderer.default_format();
    let doc = openapi::document("Orders", "1.0.0", &renderer, format, &operations);
    doc.to_json().expect("an OpenAPI document serializes")
}

async fn order(Path(id): Path<u64>) -> Result<String, OrderError> {
    find(id).map(|sku| format!("order {id}: one {sku}"))
}

async fn ship(Path(id): Path<u64>) -> Result<impl IntoResponse, OrderError> {
    match find(id)? {
        "teapot-blue" => Err(OrderError::OutOfStock {
            sku: "teapot-blue".into(),
        }),
        sku => Ok(format!("order {id} shipped: one {sku}")),
    }
}

/// The item of order `id`, from a store of three.
fn find(id: u64) -> Result<&'static str, OrderError> {
    match id {
        1 => Ok("teapot-red"),
        2 => Ok("teapot-blue"),
        13 => Err(OrderError::Internal(io::Error::other(
            "orders-db.internal:5432 refused the connection (user=orders password=hunter2)",
        ))),
        _ => Err(OrderError::NotFound { id }),
    }
}
