//! The derive: what `#[derive(ApiError)]` generates (statuses, codes, titles, messages,
//! metadata), that it compiles with the prelude's names shadowed, and the exact error of each
//! mistake (`tests/ui/`).

mod attributes;
mod hygiene;
mod meta;
mod thiserror;
mod ui;
