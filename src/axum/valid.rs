//! Validated extractors: [`Valid<X>`] (feature `validator`) and [`Garde<X>`] (feature
//! `garde`), for `X` one of axum's `Json<T>`, `Query<T>`, `Form<T>` and `Path<T>`.
//!
//! The extractor reads `X` as axum does, then validates the value; a request it refuses is
//! answered with a [`ValidationFailure`] listing every invalid field, the same way as a
//! handler's derived error: under [`ApiErrorLayer`](super::ApiErrorLayer) with the request's
//! context, in the negotiated format and under the layer's
//! [`validation_summary`](super::ApiErrorLayer::validation_summary); without the layer, in
//! the problem format, still a 422.
//!
//! - A value that does not deserialize (a member of the wrong type, a missing member,
//!   malformed JSON, a path parameter that does not parse) is a failure too, with one
//!   violation naming the field (`items[0].qty`, `invalid_type`, "has the wrong type,
//!   expected u32"); the request's own text is never quoted back.
//! - What is not about the value keeps axum's own rejection ([`ValidationRejection::Framework`]),
//!   which the layer answers as it answers every rejection: a body of the wrong media type
//!   (415), one over the body limit (413), a route whose parameters do not fit the type
//!   (500).
//!
//! ```
//! use apierror::axum::{ApiErrorLayer, Valid};
//! use apierror::Format;
//! use axum::{routing::post, Json, Router};
//! use validator::Validate;
//!
//! #[derive(serde::Deserialize, Validate)]
//! struct NewCart {
//!     #[validate(length(min = 3))]
//!     owner: String,
//! }
//!
//! async fn create(Valid(Json(cart)): Valid<Json<NewCart>>) -> String {
//!     cart.owner
//! }
//!
//! let app: Router = Router::new()
//!     .route("/carts", post(create))
//!     .layer(ApiErrorLayer::fixed(Format::Problem));
//!
//! # tokio::runtime::Runtime::new().unwrap().block_on(async {
//! use tower::ServiceExt;
//! let req = http::Request::post("/carts")
//!     .header("content-type", "application/json")
//!     .body(axum::body::Body::from(r#"{"owner":"al"}"#))
//!     .unwrap();
//! let res = app.oneshot(req).await.unwrap();
//! assert_eq!(res.status(), 422);
//! # });
//! ```
//!
//! ## Why two names
//!
//! A type may implement both `validator::Validate` and `garde::Validate`, so one wrapper
//! cannot have an impl for each (the two blanket impls would overlap, and Rust has no way
//! to say "one or the other"). Each validator has its own wrapper instead: `Valid` for
//! `validator`, `Garde` for `garde` (whose `Validate` must have the unit `Context`).

use std::convert::Infallible;

use axum::body::Bytes;
use axum::extract::rejection::{
    JsonRejection, MissingJsonContentType, PathRejection, RawFormRejection,
};
use axum::extract::{FromRequest, FromRequestParts, Path, Query, RawForm, Request};
use axum::response::{IntoResponse, Response};
use axum::Form;
use axum::Json;
use http::request::Parts;
use http::HeaderMap;
use serde::de::DeserializeOwned;

#[cfg(feature = "garde")]
pub use crate::validation::Garde;
#[cfg(feature = "validator")]
pub use crate::validation::Valid;
use crate::validation::{extract, serde_error, ValidationFailure};
use crate::FieldPath;

/// Why a validated extractor refused a request.
#[derive(Debug)]
pub enum ValidationRejection<R> {
    /// The value did not deserialize, or did not validate: every invalid field.
    Invalid(ValidationFailure),
    /// axum's own rejection of what is not about the value (media type, body size, …).
    Framework(R),
}

impl<R> From<ValidationFailure> for ValidationRejection<R> {
    fn from(failure: ValidationFailure) -> Self {
        ValidationRejection::Invalid(failure)
    }
}

/// The failure as a handler's error answers (rendered again by the layer), the framework's
/// rejection as axum answers it (mapped by the layer).
impl<R: IntoResponse> IntoResponse for ValidationRejection<R> {
    fn into_response(self) -> Response {
        match self {
            ValidationRejection::Invalid(failure) => failure.into_response(),
            ValidationRejection::Framework(rejection) => rejection.into_response(),
        }
    }
}

/// `T` from a JSON request: axum's media type check and body limit, then the value.
async fn json<T, S>(req: Request, state: &S) -> Result<T, ValidationRejection<JsonRejection>>
where
    T: DeserializeOwned,
    S: Send + Sync,
{
    if !is_json(req.headers()) {
        let rejection = JsonRejection::from(MissingJsonContentType::default());
        return Err(ValidationRejection::Framework(rejection));
    }
    let body = Bytes::from_request(req, state)
        .await
        .map_err(|r| ValidationRejection::Framework(JsonRejection::from(r)))?;
    Ok(extract::json(&body)?)
}

/// Whether the request says its body is JSON, as axum's `Json` asks: `application/json` or
/// `application/<anything>+json`, with any parameters.
fn is_json(headers: &HeaderMap) -> bool {
    let Some(value) = headers.get(http::header::CONTENT_TYPE) else {
        return false;
    };
    let Ok(value) = value.to_str() else {
        return false;
    };
    let essence = value.split(';').next().unwrap_or_default().trim();
    let Some((kind, subtype)) = essence.split_once('/') else {
        return false;
    };
    let suffix = subtype
        .len()
        .checked_sub(5)
        .and_then(|at| subtype.get(at..));
    kind.eq_ignore_ascii_case("application")
        && (subtype.eq_ignore_ascii_case("json")
            || suffix.is_some_and(|suffix| suffix.eq_ignore_ascii_case("+json")))
}

/// `T` from a form: the query of a `GET` or `HEAD`, else an
/// `application/x-www-form-urlencoded` body, as axum's `Form` reads them.
async fn form<T, S>(req: Request, state: &S) -> Result<T, ValidationRejection<RawFormRejection>>
where
    T: DeserializeOwned,
    S: Send + Sync,
{
    let RawForm(body) = RawForm::from_request(req, state)
        .await
        .map_err(ValidationRejection::Framework)?;
    Ok(extract::urlencoded(&body)?)
}

/// `T` from the query string (none reads as empty).
fn query<T: DeserializeOwned>(parts: &Parts) -> Result<T, ValidationRejection<Infallible>> {
    let query = parts.uri.query().unwrap_or_default();
    Ok(extract::urlencoded(query.as_bytes())?)
}

/// `T` from the path parameters, by axum's `Path`: what it says about a parameter becomes
/// a violation at that parameter's name (or its index, for a tuple); a route whose
/// parameters do not fit the type, or a missing route, keeps axum's rejection.
async fn path<T, S>(parts: &mut Parts, state: &S) -> Result<T, ValidationRejection<PathRejection>>
where
    T: DeserializeOwned + Send,
    S: Send + Sync,
{
    use axum::extract::path::ErrorKind;
    let rejection = match Path::<T>::from_request_parts(parts, state).await {
        Ok(Path(value)) => return Ok(value),
        Err(rejection) => rejection,
    };
    let PathRejection::FailedToDeserializePathParams(failed) = &rejection else {
        return Err(ValidationRejection::Framework(rejection));
    };
    let violation = match failed.kind() {
        ErrorKind::ParseErrorAtKey {
            key, expected_type, ..
        } => serde_error::unparsable(FieldPath::new().key(key.clone()), expected_type),
        ErrorKind::ParseErrorAtIndex {
            index,
            expected_type,
            ..
        } => serde_error::unparsable(FieldPath::new().index(*index), expected_type),
        ErrorKind::ParseError { expected_type, .. } => {
            serde_error::unparsable(FieldPath::new(), expected_type)
        }
        ErrorKind::InvalidUtf8InPathParam { key } => serde_error::violation(
            FieldPath::new().key(key.clone()),
            "invalid value: not UTF-8",
        ),
        ErrorKind::DeserializeError { key, message, .. } => {
            serde_error::violation(FieldPath::new().key(key.clone()), message)
        }
        ErrorKind::Message(message) => serde_error::violation(FieldPath::new(), message),
        // The route's parameters do not fit the type: the server's mistake (500).
        _ => return Err(ValidationRejection::Framework(rejection)),
    };
    Err(ValidationFailure::new([violation]).into())
}

/// The four extractor impls of a wrapper type (`crate::validation::Valid`, `Garde`).
macro_rules! validated {
    (
        $feature:literal, $name:ident, [$($bound:tt)+], $check:path
    ) => {
        #[cfg(feature = $feature)]
        impl<T, S> FromRequest<S> for $name<Json<T>>
        where
            T: DeserializeOwned + $($bound)+,
            S: Send + Sync,
        {
            type Rejection = ValidationRejection<JsonRejection>;

            async fn from_request(req: Request, state: &S) -> Result<Self, Self::Rejection> {
                let value: T = json(req, state).await?;
                $check(&value)?;
                Ok($name(Json(value)))
            }
        }

        #[cfg(feature = $feature)]
        impl<T, S> FromRequest<S> for $name<Form<T>>
        where
            T: DeserializeOwned + $($bound)+,
            S: Send + Sync,
        {
            type Rejection = ValidationRejection<RawFormRejection>;

            async fn from_request(req: Request, state: &S) -> Result<Self, Self::Rejection> {
                let value: T = form(req, state).await?;
                $check(&value)?;
                Ok($name(Form(value)))
            }
        }

        #[cfg(feature = $feature)]
        impl<T, S> FromRequestParts<S> for $name<Query<T>>
        where
            T: DeserializeOwned + $($bound)+,
            S: Send + Sync,
        {
            type Rejection = ValidationRejection<Infallible>;

            async fn from_request_parts(parts: &mut Parts, _: &S) -> Result<Self, Self::Rejection> {
                let value: T = query(parts)?;
                $check(&value)?;
                Ok($name(Query(value)))
            }
        }

        #[cfg(feature = $feature)]
        impl<T, S> FromRequestParts<S> for $name<Path<T>>
        where
            T: DeserializeOwned + Send + $($bound)+,
            S: Send + Sync,
        {
            type Rejection = ValidationRejection<PathRejection>;

            async fn from_request_parts(parts: &mut Parts, state: &S) -> Result<Self, Self::Rejection> {
                let value: T = path(parts, state).await?;
                $check(&value)?;
                Ok($name(Path(value)))
            }
        }
    };
}

validated! {
    "validator", Valid, [::validator::Validate], extract::validator
}

validated! {
    "garde", Garde, [::garde::Validate<Context = ()>], extract::garde
}
