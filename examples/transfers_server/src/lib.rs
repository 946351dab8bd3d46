//! The Transfers API of Omise on a database: routes, handlers and the error layer. A library
//! beside the binary (`src/main.rs`) so that the Omise client example and the end-to-end
//! tests (`tests/transfers/`) start the same app.

mod auth;
pub mod config;
pub mod errors;
mod params;
mod reference;
pub mod store;
pub mod time;

use apierror::axum::ApiErrorLayer;
use apierror::web::Rejection;
use apierror::{ApiError, Format, Renderer};
use apierror_catalog::omise::OmiseError;
use axum::extract::{Path, Query, State};
use axum::response::{IntoResponse, Response};
use axum::routing::{get, post};
use axum::{Json, Router};
use http::header::{HeaderMap, HeaderValue, CONTENT_TYPE};
use serde::{Deserialize, Serialize};

pub use config::Config;
use errors::{AppError, ServerError};
use params::Params;
use store::idempotency::{Keyed, MAX_KEY_LEN};
use store::{NewTransfer, OpenError, Store, Transfer};

/// A handler's result: a value, or an error of the Omise catalog or the server's own.
type Result<T> = std::result::Result<T, AppError>;

/// The account's active recipient.
pub const DEFAULT_RECIPIENT: &str = "recp_test_default";

/// The Transfers API: Omise error bodies by default, RFC 9457 problems when the request
/// accepts `application/problem+json`; framework rejections answered as Omise would.
///
/// Opens the database first (applying its migrations); fails if it cannot be reached.
pub async fn app(config: Config) -> std::result::Result<Router, OpenError> {
    let store = Store::open(
        &config.database_url,
        config.balance,
        DEFAULT_RECIPIENT,
        config.idempotency_ttl.as_secs() as i64,
    )
    .await?;
    let renderer = Renderer::new(Format::Omise).with_offers(&[Format::Omise, Format::Problem]);
    Ok(Router::new()
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
        // Added after the key check: the API's description and its errors' reference are
        // public.
        .route("/openapi.json", get(openapi))
        .route("/errors", get(reference::errors))
        .layer(ApiErrorLayer::negotiated(renderer).map_rejections(omise_rejection)))
}

/// The API's OpenAPI 3.1 document: every operation with the errors it answers with (the
/// Omise catalog and the server's own database errors), one named example per error,
/// generated from the catalogs.
async fn openapi() -> Json<utoipa::openapi::OpenApi> {
    use apierror::openapi::{document, Operation};
    use http::Method;

    let operation = |method: Method, path: &'static str| {
        Operation::new(method, path, OmiseError::catalog()).with_catalog(ServerError::catalog())
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

/// The `Idempotency-Key` of a request, if any: a Structured Field string (`"…"`) as the
/// IETF draft writes it, or the bare token most payment APIs take.
fn idempotency_key(headers: &HeaderMap) -> std::result::Result<Option<String>, OmiseError> {
    let bad = || OmiseError::BadRequest {
        message: Some(
            format!("Idempotency-Key must be one value of 1 to {MAX_KEY_LEN} visible characters")
                .into(),
        ),
    };
    let mut values = headers.get_all("idempotency-key").iter();
    let Some(value) = values.next() else {
        return Ok(None);
    };
    if values.next().is_some() {
        return Err(bad());
    }
    let text = value.to_str().map_err(|_| bad())?.trim();
    let key = text
        .strip_prefix('"')
        .and_then(|t| t.strip_suffix('"'))
        .unwrap_or(text);
    let visible = key.bytes().all(|b| b.is_ascii_graphic() || b == b' ');
    if key.is_empty() || key.len() > MAX_KEY_LEN || !visible {
        return Err(bad());
    }
    Ok(Some(key.to_owned()))
}

async fn create(
    State(store): State<Store>,
    headers: HeaderMap,
    params: Params,
) -> Result<Response> {
    let key = idempotency_key(&headers)?;
    let new = NewTransfer {
        amount: params.amount()?,
        recipient: params.recipient()?,
        fail_fast: params.fail_fast()?.unwrap_or(false),
        metadata: params.metadata()?.unwrap_or_default(),
    };
    // The parameters as JSON with sorted members: the same parameters in any order compare
    // equal; a value of another type (the string "100" of a form for the number 100) does not.
    let keyed = key.map(|key| Keyed {
        key,
        request: serde_json::Value::Object(params.0).to_string(),
    });
    let created = store.create(new, keyed).await?;
    let mut response = ([(CONTENT_TYPE, "application/json")], created.body).into_response();
    if created.replayed {
        response
            .headers_mut()
            .insert("idempotent-replayed", HeaderValue::from_static("true"));
    }
    Ok(response)
}

async fn retrieve(State(store): State<Store>, Path(id): Path<String>) -> Result<Json<Transfer>> {
    Ok(Json(store.get(&id).await?))
}

async fn update(
    State(store): State<Store>,
    Path(id): Path<String>,
    params: Params,
) -> Result<Json<Transfer>> {
    let amount = params.amount()?;
    let metadata = params.metadata()?;
    Ok(Json(store.update(&id, amount, metadata).await?))
}

async fn destroy(State(store): State<Store>, Path(id): Path<String>) -> Result<Json<Transfer>> {
    Ok(Json(store.delete(&id).await?))
}

async fn mark_as_sent(
    State(store): State<Store>,
    Path(id): Path<String>,
) -> Result<Json<Transfer>> {
    Ok(Json(store.mark_as_sent(&id).await?))
}

async fn mark_as_paid(
    State(store): State<Store>,
    Path(id): Path<String>,
) -> Result<Json<Transfer>> {
    Ok(Json(store.mark_as_paid(&id).await?))
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
    total: i64,
    location: &'static str,
    order: Order,
    from: String,
    to: String,
}

/// Most records a list returns, whatever `limit` asks.
const MAX_LIMIT: u32 = 100;

async fn list(State(store): State<Store>, Query(query): Query<ListQuery>) -> Result<Json<List>> {
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
    let newest_first = matches!(order, Order::ReverseChronological);
    let (data, total) = store.list((from, to), limit, offset, newest_first).await?;
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
