//! The web integrations: axum and actix-web (handlers, layers, rejections, the actix-web
//! example over loopback), gRPC through tonic, and OpenAPI descriptions.

#[macro_use]
#[path = "../support/mod.rs"]
mod support;

mod actix;
mod axum;
mod error_context;
mod openapi;
mod own_framework_impls;
mod rejections;
mod tonic;
mod validation;
