//! The framework traits a derived type implements by itself, so that a handler returns
//! `Result<T, MyError>` and `?` works.
//!
//! The derive stays feature-agnostic: it always emits one call of
//! `::apierror::__private::framework_impls!`, and this macro expands to the impls of the
//! integrations enabled in this crate's features (none without them). The impls need the
//! type to be `std::error::Error + Send + Sync + 'static`; the bound is written under a
//! `for<'__apierror>` binder, so a type without it compiles as before, without the impls,
//! instead of failing on a bound that does not hold.
//!
//! The input is `[impl generics] [the type] [where predicates, each followed by a comma]`.

/// Expands to each enabled integration's impls for a derived type; see the module docs.
#[doc(hidden)]
#[macro_export]
macro_rules! __framework_impls {
    ([$($generics:tt)*] [$($ty:tt)*] [$($predicates:tt)*]) => {
        $crate::__axum_impls! { [$($generics)*] [$($ty)*] [$($predicates)*] }
        $crate::__actix_impls! { [$($generics)*] [$($ty)*] [$($predicates)*] }
    };
}

/// Without the `axum` feature: nothing.
#[doc(hidden)]
#[macro_export]
macro_rules! __axum_impls {
    ($($tokens:tt)*) => {};
}

/// Without the `actix-web` feature: nothing.
#[doc(hidden)]
#[macro_export]
macro_rules! __actix_impls {
    ($($tokens:tt)*) => {};
}
