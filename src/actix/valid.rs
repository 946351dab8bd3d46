//! Validated extractors: [`Valid<X>`] (feature `validator`) and [`Garde<X>`] (feature
//! `garde`), for `X` one of actix-web's `web::Json<T>`, `web::Query<T>`, `web::Form<T>` and
//! `web::Path<T>`.
//!
//! The extractor reads `X` as actix-web does, then validates the value; a request it refuses
//! is answered with a [`ValidationFailure`](crate::validation::ValidationFailure) listing every invalid field, the same way as a
//! handler's derived error: under [`render_errors`](super::render_errors) with the
//! request's context, in the negotiated format and under the
//! [`ErrorConfig::validation_summary`](super::ErrorConfig::validation_summary); without the
//! middleware, in the problem format, still a 422. The error is an `actix_web::Error`
//! holding the failure (`err.as_error::<ValidationFailure>()`).
//!
//! - A value that does not deserialize (a member of the wrong type, a missing member,
//!   malformed JSON, a path parameter that does not parse) is a failure too, with one
//!   violation naming the field (`items[0].qty`, `invalid_type`, "has the wrong type,
//!   expected u32"); the request's own text is never quoted back.
//! - What is not about the value keeps actix-web's own error, which the middleware answers
//!   as it answers every rejection: a body of the wrong media type (415), one over the
//!   limit (413). `Json` and `Form` read the body through actix-web's own extractors, so a
//!   `JsonConfig` or `FormConfig` in the app data sets their limits and accepted media
//!   types as usual (an error handler of `JsonConfig` sees what is not a data error of the
//!   value: media type, size, malformed JSON). `QueryConfig` and `PathConfig` error
//!   handlers are not called: every error of theirs is about the value.
//!
//! ```
//! use actix_web::{web, App};
//! use apierror::actix::Valid;
//! use validator::Validate;
//!
//! #[derive(serde::Deserialize, Validate)]
//! struct NewCart {
//!     #[validate(length(min = 3))]
//!     owner: String,
//! }
//!
//! async fn create(Valid(cart): Valid<web::Json<NewCart>>) -> String {
//!     cart.into_inner().owner
//! }
//!
//! let app = App::new().route("/carts", web::post().to(create));
//! # drop(app);
//! ```
//!
//! ## Why two names
//!
//! A type may implement both `validator::Validate` and `garde::Validate`, so one wrapper
//! cannot have an impl for each (the two blanket impls would overlap, and Rust has no way
//! to say "one or the other"). Each validator has its own wrapper instead: `Valid` for
//! `validator`, `Garde` for `garde` (whose `Validate` must have the unit `Context`).

use std::future::{ready, Future, Ready};
use std::pin::Pin;

use actix_router::PathDeserializer;
use actix_web::dev::Payload;
use actix_web::error::{ErrorNotFound, JsonPayloadError};
use actix_web::{web, FromRequest, HttpRequest};
use serde::de::DeserializeOwned;
use serde_json::value::RawValue;

use crate::validation::extract;
#[cfg(feature = "garde")]
pub use crate::validation::Garde;
#[cfg(feature = "validator")]
pub use crate::validation::Valid;
use crate::FieldPath;

/// What an extractor reading a body returns.
type Reading<V> = Pin<Box<dyn Future<Output = Result<V, actix_web::Error>>>>;

/// `T` from a JSON body, read by actix-web's `Json` (its `JsonConfig`: limit, media types)
/// as raw JSON, then deserialized with the path of the field an error is about.
fn json<T: DeserializeOwned>(req: &HttpRequest, payload: &mut Payload) -> Reading<T> {
    let raw = web::Json::<Box<RawValue>>::from_request(req, payload);
    Box::pin(async move {
        let raw = raw
            .await
            .map_err(|err| match err.as_error::<JsonPayloadError>() {
                // The body is not JSON at all: about the body as a whole.
                Some(JsonPayloadError::Deserialize(syntax)) => {
                    extract::failure_at(FieldPath::new(), syntax).into()
                }
                _ => err,
            })?;
        Ok(extract::json(raw.get().as_bytes())?)
    })
}

/// `T` from an `application/x-www-form-urlencoded` body, read by actix-web's `Form` (its
/// `FormConfig`: limit) as pairs, then deserialized with the path of the field an error is
/// about.
fn form<T: DeserializeOwned>(req: &HttpRequest, payload: &mut Payload) -> Reading<T> {
    let pairs = web::Form::<Vec<(String, String)>>::from_request(req, payload);
    Box::pin(async move {
        let web::Form(pairs) = pairs.await?;
        let body = form_urlencoded::Serializer::new(String::new())
            .extend_pairs(&pairs)
            .finish();
        Ok(extract::urlencoded(body.as_bytes())?)
    })
}

/// `T` from the query string.
fn query<T: DeserializeOwned>(req: &HttpRequest) -> Result<T, actix_web::Error> {
    Ok(extract::urlencoded(req.query_string().as_bytes())?)
}

/// `T` from the path parameters, with actix-web's own deserializer: a parameter that does
/// not parse is a violation at its name; a route whose parameters do not fit the type keeps
/// actix-web's answer (a 404, as its `Path` gives for every error).
fn path<T: DeserializeOwned>(req: &HttpRequest) -> Result<T, actix_web::Error> {
    match serde_path_to_error::deserialize(PathDeserializer::new(req.match_info())) {
        Ok(value) => Ok(value),
        Err(err) => {
            let message = err.inner().to_string();
            if message.starts_with("wrong number of parameters")
                || message.starts_with("unsupported type")
            {
                return Err(ErrorNotFound(err.into_inner()));
            }
            let path = extract::field_path(err.path());
            Err(extract::failure_at(path, &message).into())
        }
    }
}

/// The four extractor impls of a wrapper type (`crate::validation::Valid`, `Garde`).
macro_rules! validated {
    (
        $feature:literal, $name:ident, [$($bound:tt)+], $check:path
    ) => {
        #[cfg(feature = $feature)]
        impl<T> FromRequest for $name<web::Json<T>>
        where
            T: DeserializeOwned + $($bound)+ + 'static,
        {
            type Error = actix_web::Error;
            type Future = Reading<Self>;

            fn from_request(req: &HttpRequest, payload: &mut Payload) -> Self::Future {
                let value = json::<T>(req, payload);
                Box::pin(async move {
                    let value = value.await?;
                    $check(&value)?;
                    Ok($name(web::Json(value)))
                })
            }
        }

        #[cfg(feature = $feature)]
        impl<T> FromRequest for $name<web::Form<T>>
        where
            T: DeserializeOwned + $($bound)+ + 'static,
        {
            type Error = actix_web::Error;
            type Future = Reading<Self>;

            fn from_request(req: &HttpRequest, payload: &mut Payload) -> Self::Future {
                let value = form::<T>(req, payload);
                Box::pin(async move {
                    let value = value.await?;
                    $check(&value)?;
                    Ok($name(web::Form(value)))
                })
            }
        }

        #[cfg(feature = $feature)]
        impl<T> FromRequest for $name<web::Query<T>>
        where
            T: DeserializeOwned + $($bound)+,
        {
            type Error = actix_web::Error;
            type Future = Ready<Result<Self, actix_web::Error>>;

            fn from_request(req: &HttpRequest, _: &mut Payload) -> Self::Future {
                ready(query::<T>(req).and_then(|value| {
                    $check(&value)?;
                    Ok($name(web::Query(value)))
                }))
            }
        }

        #[cfg(feature = $feature)]
        impl<T> FromRequest for $name<web::Path<T>>
        where
            T: DeserializeOwned + $($bound)+,
        {
            type Error = actix_web::Error;
            type Future = Ready<Result<Self, actix_web::Error>>;

            fn from_request(req: &HttpRequest, _: &mut Payload) -> Self::Future {
                ready(path::<T>(req).and_then(|value| {
                    $check(&value)?;
                    Ok($name(web::Path::from(value)))
                }))
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
