//! The wire formats, server side: each format's bodies byte for byte (Omise, RFC 9457 problem
//! and Vipps, Oney, Google), `http::Response` building, `Accept` negotiation, languages, the
//! corpus of received bodies, and properties of every format.

#[macro_use]
#[path = "../support/mod.rs"]
mod support;

mod bench_equivalence;
mod body_cache;
mod context_escape;
mod corpus;
mod detection;
mod google;
mod languages;
mod negotiate;
mod omise;
mod oney;
mod prebuilt_vs_generic;
mod problem;
mod prop_render;
mod prop_validation;
mod response;
mod retry_after;
mod user_format;
mod validation;
