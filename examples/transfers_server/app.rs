//! The Transfers API of Omise on an in-memory store: routes, handlers and the error layer.
//! Shared by the example's `main` and by the end-to-end tests.

#[path = "auth.rs"]
mod auth;
#[path = "params.rs"]
mod params;
#[path = "store.rs"]
pub mod store;
#[path = "time.rs"]
pub mod time;

use std::sync::{Arc, Mutex, MutexGuard};

use apierror::axum::{ApiErrorLayer, Result};
use apierror::web::Rejection;
use apierror::{ApiError, Format, Renderer};
use apierror_catalog::omise::OmiseError;
use axum::extract::{Path, Query, State};
use axum::routing::{get, post};
use axum::{Json, Router};
use serde::{Deserialize, Serialize};

use params::Params;
use store::{Store, Transfer};

/// The secret key accepted when `OMISE_SECRET_KEY` is not set.
pub const DEFAULT_SECRET_KEY: &str = "skey_test_apierror";
/// The starting balance when `BALANCE` is not set, in satang (1,000,000.00 THB).
pub const DEFAULT_BALANCE: i64 = 100_000_000;
/// The account's active recipient.
pub const DEFAULT_RECIPIENT: &str = "recp_test_default";

/// What the server is started with.
#[derive(Debug, Clone)]
pub struct Config {
    /// The secret key clients authenticate with.
    pub secret_key: String,
    /// The starting transferable balance, in satang.
    pub balance: i64,
}

impl Default for Config {
    fn default() -> Self {
        Config {
            secret_key: DEFAULT_SECRET_KEY.to_owned(),
            balance: DEFAULT_BALANCE,
        }
    }
}

type Shared = Arc<Mutex<Store>>;

/// The store, even if a handler panicked while holding it (its data stays consistent:
/// every change is made after all checks).
fn lock(store: &Shared) -> MutexGuard<'_, Store> {
    store
        .lock()
        .unwrap_or_else(|poisoned| poisoned.into_inner())
}

/// The Transfers API: Omise error bodies by default, RFC 9457 problems when the request
/// accepts `application/problem+json`; framework rejections answered as Omise would.
pub fn app(config: Config) -> Router {
    let store: Shared = Arc::new(Mutex::new(Store::new(
        config.balance,
        DEFAULT_RECIPIENT.to_owned(),
    )));
    let renderer = Renderer::new(Format::Omise).with_offers(&[Format::Omise, Format::Problem]);
    Router::new()
        .route("/transfers", post(create).get(list))
        .route(
            "/transfers/{id}",
            get(retrieve).patch(update).delete(destroy),
        )
        .route("/transfers/{id}/mark_as_sent", post(mark_as_sent))
        .route("/transfers/{id}/mark_as_paid", post(mark_as_paid))
        .with_state(store)
        .layer(axum::middleware::from_fn_with_state(
            auth::Credentials::new(&config.secret_key),
            auth::require_key,
        ))
        // Added after the key check: the API's description is public.
        .route("/openapi.json", get(openapi))
        .layer(ApiErrorLayer::negotiated(renderer).map_rejections(omise_rejection))
}

/// The API's OpenAPI 3.1 document: every operation with the Omise errors it answers with,
/// one named example per error, generated from the catalog.
async fn openapi() -> Json<utoipa::openapi::OpenApi> {
    use apierror::openapi::{document, Operation};
    use http::Method;

    let errors = OmiseError::catalog();
    let operation = |method: Method, path: &'static str| Operation {
        method,
        path,
        catalog: errors,
    };
    let operations = [
        operation(Method::POST, "/transfers"),
        operation(Method::GET, "/transfers"),
        operation(Method::GET, "/transfers/{id}"),
        operation(Method::PATCH, "/transfers/{id}"),
        operation(Method::DELETE, "/transfers/{id}"),
        operation(Method::POST, "/transfers/{id}/mark_as_sent"),
        operation(Method::POST, "/transfers/{id}/mark_as_paid"),
    ];
    let renderer = Renderer::new(Format::Omise);
    Json(document(
        "Omise Transfers (apierror example)",
        "1.0.0",
        &renderer,
        Format::Omise,
        &operations,
    ))
}

/// Omise's answer to a request the framework refused: `not_found` for unknown routes and
/// methods (Omise has no 405 code), `bad_request` with the reason for unreadable input.
fn omise_rejection(rejection: &Rejection) -> OmiseError {
    match rejection.status {
        404 | 405 => OmiseError::NotFound,
        401 => OmiseError::AuthenticationFailure,
        500..=599 => OmiseError::InternalError,
        _ => OmiseError::BadRequest {
            message: rejection.detail().map(|d| d.to_owned().into()),
        },
    }
}

async fn create(State(store): State<Shared>, params: Params) -> Result<Json<Transfer>, OmiseError> {
    let amount = params.amount()?;
    let recipient = params.recipient()?;
    let fail_fast = params.fail_fast()?.unwrap_or(false);
    let metadata = params.metadata()?.unwrap_or_default();
    let mut store = lock(&store);
    Ok(Json(
        store
            .create(amount, recipient, fail_fast, metadata)?
            .clone(),
    ))
}

async fn retrieve(
    State(store): State<Shared>,
    Path(id): Path<String>,
) -> Result<Json<Transfer>, OmiseError> {
    Ok(Json(lock(&store).get(&id)?.clone()))
}

async fn update(
    State(store): State<Shared>,
    Path(id): Path<String>,
    params: Params,
) -> Result<Json<Transfer>, OmiseError> {
    let amount = params.amount()?;
    let metadata = params.metadata()?;
    Ok(Json(lock(&store).update(&id, amount, metadata)?.clone()))
}

async fn destroy(
    State(store): State<Shared>,
    Path(id): Path<String>,
) -> Result<Json<Transfer>, OmiseError> {
    Ok(Json(lock(&store).delete(&id)?.clone()))
}

async fn mark_as_sent(
    State(store): State<Shared>,
    Path(id): Path<String>,
) -> Result<Json<Transfer>, OmiseError> {
    Ok(Json(lock(&store).mark_as_sent(&id)?.clone()))
}

async fn mark_as_paid(
    State(store): State<Shared>,
    Path(id): Path<String>,
) -> Result<Json<Transfer>, OmiseError> {
    Ok(Json(lock(&store).mark_as_paid(&id)?.clone()))
}

/// The order of a list.
#[derive(Debug, Clone, Copy, Default, Deserialize, Serialize)]
#[serde(rename_all = "snake_case")]
enum Order {
    #[default]
    Chronological,
    ReverseChronological,
}

/// The parameters of `GET /transfers`; a value of the wrong type is refused by axum's
/// `Query` and answered as `bad_request`.
#[derive(Debug, Deserialize)]
struct ListQuery {
    from: Option<String>,
    to: Option<String>,
    limit: Option<u32>,
    offset: Option<u32>,
    order: Option<Order>,
}

/// An Omise list object.
#[derive(Debug, Serialize)]
struct List {
    object: &'static str,
    data: Vec<Transfer>,
    limit: u32,
    offset: u32,
    total: usize,
    location: &'static str,
    order: Order,
    from: String,
    to: String,
}

/// Most records a list returns, whatever `limit` asks.
const MAX_LIMIT: u32 = 100;

async fn list(
    State(store): State<Shared>,
    Query(query): Query<ListQuery>,
) -> Result<Json<List>, OmiseError> {
    let bad = |what: &'static str| OmiseError::BadRequest {
        message: Some(format!("{what} must be a UTC time like 2024-01-31T23:59:59Z").into()),
    };
    let from = match query.from.as_deref() {
        Some(text) => time::parse(text).ok_or_else(|| bad("from"))?,
        None => 0,
    };
    let to = match query.to.as_deref() {
        Some(text) => time::parse(text).ok_or_else(|| bad("to"))?,
        None => time::now(),
    };
    let limit = query.limit.unwrap_or(20).min(MAX_LIMIT);
    let offset = query.offset.unwrap_or(0);
    let order = query.order.unwrap_or_default();
    let store = lock(&store);
    let mut matching: Vec<&Transfer> = store
        .all()
        .iter()
        .filter(|t| (from..=to).contains(&t.created))
        .collect();
    if let Order::ReverseChronological = order {
        matching.reverse();
    }
    let total = matching.len();
    let data = matching
        .into_iter()
        .skip(offset as usize)
        .take(limit as usize)
        .cloned()
        .collect();
    Ok(Json(List {
        object: "list",
        data,
        limit,
        offset,
        total,
        location: "/transfers",
        order,
        from: time::format(from),
        to: time::format(to),
    }))
}
