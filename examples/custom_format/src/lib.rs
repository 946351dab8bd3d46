//! A company's own error envelope with apierror: Acme answers every error as
//! `{"error":{"code":…,"message":…,"request_id":…}}`.
//!
//! - [`format`]: the envelope as a [`WireFormat`](apierror::format::WireFormat), in about 40
//!   lines: written, recognised, read back, described in OpenAPI.

pub mod format;
