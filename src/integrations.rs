//! The framework traits a derived type implements by itself, so that a handler returns
//! `Result<T, MyError>` and `?` works.
//!
//! The derive stays feature-agnostic: it always emits one call of
//! `::apierror::__private::framework_impls!`, and this macro expands to the impls of the
//! integrations enabled in this crate's features (none without them).
//!
//! The impls' bounds (`std::error::Error + Send + Sync + 'static` for axum,
//! `std::error::Error + 'static` for actix-web) are written under a `for<'__x>` binder.
//! A bound on a concrete type without one is checked where the impl is written, so a type
//! without `Display` would fail to compile; under the binder the bound is not trivial, it
//! is checked where the impl is used, so such a type compiles as before and only lacks the
//! trait (`tests/derive/attributes.rs` and the doctests derive such types with all features).
//!
//! The input is `[impl generics] [the type] [where predicates, each followed by a comma]`.
//! Generated code reaches the frameworks and the adapters' glue through
//! `$crate::__private::{axum, actix}` (the modules below), never through the user's
//! dependencies.

/// What an integration's impls macro is without its feature: nothing.
#[doc(hidden)]
#[macro_export]
macro_rules! __no_impls {
    ($($tokens:tt)*) => {};
}

// Without its feature an integration's impls macro is `__no_impls`: the aliases stand at
// the crate root (in `lib.rs`), where `$crate::__…_impls!` looks for them.

/// Expands to each enabled integration's impls for a derived type; see the module docs.
#[doc(hidden)]
#[macro_export]
macro_rules! __framework_impls {
    ([$($generics:tt)*] [$($ty:tt)*] [$($predicates:tt)*]) => {
        $crate::__axum_impls! { [$($generics)*] [$($ty)*] [$($predicates)*] }
        $crate::__actix_impls! { [$($generics)*] [$($ty)*] [$($predicates)*] }
        $crate::__tonic_impls! { [$($generics)*] [$($ty)*] [$($predicates)*] }
    };
}

/// One framework trait's impl for a derived type: the type's generics and predicates, and
/// the trait's own bounds under the `for<'__x>` binder (see the module docs).
#[doc(hidden)]
#[macro_export]
macro_rules! __framework_impl {
    (
        [$($generics:tt)*] [$($ty:tt)*] [$($predicates:tt)*]
        $trait:path where [$($bounds:tt)*] { $($items:tt)* }
    ) => {
        #[automatically_derived]
        impl $($generics)* $trait for $($ty)*
        where
            $($predicates)*
            for<'__x> Self: $($bounds)*,
        {
            $($items)*
        }
    };
}

/// With the `axum` feature: `IntoResponse`, through the same path as `axum::Error<E>`.
#[cfg(feature = "axum")]
#[doc(hidden)]
#[macro_export]
macro_rules! __axum_impls {
    ($generics:tt $ty:tt $predicates:tt) => {
        $crate::__framework_impl! {
            $generics $ty $predicates
            $crate::__private::axum::IntoResponse where [
                ::std::error::Error + ::core::marker::Send + ::core::marker::Sync + 'static
            ] {
                fn into_response(self) -> $crate::__private::axum::Response {
                    $crate::__private::axum::respond(self)
                }
            }
        }
    };
}

/// With the `actix-web` feature: `ResponseError`, through the same path as
/// `actix::Error<E>`.
#[cfg(feature = "actix-web")]
#[doc(hidden)]
#[macro_export]
macro_rules! __actix_impls {
    ($generics:tt $ty:tt $predicates:tt) => {
        $crate::__framework_impl! {
            $generics $ty $predicates
            $crate::__private::actix::ResponseError where [::std::error::Error + 'static] {
                fn status_code(&self) -> $crate::__private::actix::StatusCode {
                    $crate::__private::actix::status(self)
                }

                fn error_response(&self) -> $crate::__private::actix::HttpResponse {
                    $crate::__private::actix::respond(self)
                }
            }
        }
    };
}

/// With the `tonic` feature: `From<E> for tonic::Status`, so a gRPC handler's `?` turns a
/// derived error into its status (see [`crate::tonic`]). It needs nothing of the type but
/// its `ApiError` impl, so no bound is added.
#[cfg(feature = "tonic")]
#[doc(hidden)]
#[macro_export]
macro_rules! __tonic_impls {
    ([$($generics:tt)*] [$($ty:tt)*] [$($predicates:tt)*]) => {
        #[automatically_derived]
        impl $($generics)* ::core::convert::From<$($ty)*> for $crate::__private::tonic::Status
        where
            $($predicates)*
        {
            fn from(err: $($ty)*) -> Self {
                $crate::tonic::status(&err)
            }
        }
    };
}

/// What the derive's `IntoResponse` impls name.
#[cfg(feature = "axum")]
pub mod axum {
    pub use ::axum::response::{IntoResponse, Response};

    use crate::ApiError;

    /// `IntoResponse::into_response`, as for `apierror::axum::Error<E>`.
    pub fn respond<E>(err: E) -> Response
    where
        E: ApiError + std::error::Error + Send + Sync + 'static,
    {
        crate::axum::respond(err)
    }
}

/// What the derive's `ResponseError` impls name.
#[cfg(feature = "actix-web")]
pub mod actix {
    pub use ::actix_web::http::StatusCode;
    pub use ::actix_web::{HttpResponse, ResponseError};

    use crate::ApiError;

    /// `ResponseError::status_code`.
    pub fn status(err: &dyn ApiError) -> StatusCode {
        crate::actix::status(err)
    }

    /// `ResponseError::error_response` of a type `T` that is itself the `ResponseError`.
    pub fn respond<T>(err: &T) -> HttpResponse
    where
        T: ApiError + ResponseError + std::error::Error + 'static,
    {
        crate::actix::respond(err, err, crate::actix::find::<T>)
    }
}
