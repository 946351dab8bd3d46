//! The validated extractors' types, [`Valid<X>`] and [`Garde<X>`]: one type each, which the
//! axum and actix-web adapters make extractors of their own framework's `Json<T>`,
//! `Query<T>`, `Form<T>` and `Path<T>` (see `apierror::axum::valid` and
//! `apierror::actix::valid`).
//!
//! Two names because two blanket impls (one for `validator`'s `Validate`, one for
//! `garde`'s) cannot stand on one type: a type could implement both traits.

use core::ops::{Deref, DerefMut};

/// A wrapper type and its access to the extractor inside.
macro_rules! wrapper {
    ($(#[$attr:meta])* $feature:literal, $name:ident) => {
        $(#[$attr])*
        #[cfg(feature = $feature)]
        #[derive(Debug, Clone, Copy, Default)]
        pub struct $name<X>(pub X);

        #[cfg(feature = $feature)]
        impl<X> $name<X> {
            /// The extractor inside.
            pub fn into_inner(self) -> X {
                self.0
            }
        }

        #[cfg(feature = $feature)]
        impl<X> Deref for $name<X> {
            type Target = X;

            fn deref(&self) -> &X {
                &self.0
            }
        }

        #[cfg(feature = $feature)]
        impl<X> DerefMut for $name<X> {
            fn deref_mut(&mut self) -> &mut X {
                &mut self.0
            }
        }
    };
}

wrapper! {
    /// A framework's extractor `X` (`Json<T>`, `Query<T>`, `Form<T>`, `Path<T>`) whose value is
    /// checked with `validator`'s `Validate`; a request it refuses is answered with a
    /// [`ValidationFailure`](super::ValidationFailure) listing every invalid field.
    ///
    /// `Valid(Json(order)): Valid<Json<Order>>` in an axum handler's arguments
    /// (`apierror::axum::valid`), `Valid(order): Valid<web::Json<Order>>` in actix-web's
    /// (`apierror::actix::valid`).
    "validator", Valid
}

wrapper! {
    /// A framework's extractor `X` (`Json<T>`, `Query<T>`, `Form<T>`, `Path<T>`) whose value is
    /// checked with `garde`'s `Validate` in the unit context; a request it refuses is answered
    /// with a [`ValidationFailure`](super::ValidationFailure) listing every invalid field.
    /// It is not `Valid` because two blanket impls, one for each crate's `Validate`, cannot
    /// stand on one type.
    ///
    /// `Garde(Json(order)): Garde<Json<Order>>` in an axum handler's arguments,
    /// `Garde(order): Garde<web::Json<Order>>` in actix-web's.
    "garde", Garde
}
