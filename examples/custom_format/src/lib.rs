//! A company's own error envelope with apierror: Acme answers every error as
//! `{"error":{"code":…,"message":…,"request_id":…}}`.
//!
//! - [`mod@format`]: the envelope as a [`WireFormat`](apierror::format::WireFormat), in about 40
//!   lines: written, recognised, read back, described in OpenAPI.
//! - [`orders`]: an axum API whose errors, and axum's own rejections, are all answered in
//!   it (problem details are not offered), with its OpenAPI document at `/openapi.json`.
//! - [`client`]: a reqwest client reading an error back as the typed
//!   [`OrderError`](orders::OrderError).

pub mod client;
pub mod format;
pub mod orders;

/// Serves [`orders::app`] on `listener` until the process ends.
pub async fn serve(listener: tokio::net::TcpListener) -> std::io::Result<()> {
    axum::serve(listener, orders::app()).await
}
