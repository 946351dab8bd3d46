//! What the `#[derive(ApiError)]` macro (at compile time) and the runtime (at run time) must
//! agree on, stated once for both: the bytes each body is made of (the derive builds whole
//! bodies from these at compile time, the runtime's generic path writes the same bodies from
//! them at run time), and the rules values must keep ([`rules`]: Oney's limits, DNS names,
//! URLs). No dependencies, so the derive pays nothing to use it.
//!
//! Not public API: `apierror` re-exports what users need (`GoogleFormat::code_name`,
//! `GoogleFormat::reason`).

#![forbid(unsafe_code)]
#![warn(missing_docs)]

pub mod google;
pub mod omise;
pub mod problem;
pub mod rules;
