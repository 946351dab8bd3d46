//! The Transfers example server (`examples/transfers_server`) end to end: its API over real
//! HTTP, hostile requests, `Idempotency-Key`, a load of concurrent clients, database faults,
//! durability across restarts and `kill -9`, several server processes on one database.
//!
//! The PostgreSQL tests start throwaway clusters with `scripts/postgres.sh`; where PostgreSQL
//! is missing they are skipped, unless `CI` or `APIERROR_REQUIRE_POSTGRES` is set.
#![cfg(feature = "axum")]

#[path = "../support/mod.rs"]
mod support;

mod durability;
mod faults;
mod hostile;
mod idempotency;
mod load;
mod processes;
mod server;

/// The server process that the tests of `durability`, `faults` and `processes` start: this
/// binary, asked to run only this test (see `support::transfers_app::process`).
#[test]
#[ignore = "the server process that the other tests start"]
fn serve_child() {
    support::transfers_app::process::serve_if_child();
}
