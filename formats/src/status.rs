//! The HTTP status an error is sent with.

use apierror_runtime::ApiError;
use http::StatusCode;

/// `err`'s status where it is an error status (400..=599), else 500: what the runtime
/// sends for a body's first error ([`Body::status`](apierror_runtime::format::Body::status)),
/// applied to each error of a list.
pub(crate) fn wire_status(err: &dyn ApiError) -> StatusCode {
    let status = err.status();
    match status.is_client_error() || status.is_server_error() {
        true => status,
        false => StatusCode::INTERNAL_SERVER_ERROR,
    }
}
