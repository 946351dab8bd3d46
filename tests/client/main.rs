//! The client side: received bodies parsed and decoded back to typed errors (also as
//! properties), the reqwest adapter against wiremock doubles, and the Omise client example
//! against the Transfers server.

#[macro_use]
#[path = "../support/mod.rs"]
mod support;

mod omise_client;
mod parse;
mod prop_decode;
mod prop_received;
mod reqwest_doubles;
