//! What an error response is sent as, whatever its format: the status (always an error
//! status), the first error of a list, and the error an empty list stands for.

use core::fmt;

use http::StatusCode;

use crate::model::api_error::ApiError;
use crate::model::catalog::{Catalog, TemplatePiece, VariantMeta};
use crate::model::message::MessageSink;

/// The HTTP status sent for `err`: its own status when it is an error status (400..=599),
/// otherwise 500, so an error body never goes out with a success status. Problem bodies
/// write the same number, keeping `status` equal to the HTTP status.
pub(crate) fn wire_status(err: &dyn ApiError) -> StatusCode {
    let status = err.status();
    if status.is_client_error() || status.is_server_error() {
        status
    } else {
        StatusCode::INTERNAL_SERVER_ERROR
    }
}

/// Rendered when a caller passes an empty list of errors: an error response must still be
/// a valid body.
pub(crate) struct NoErrors;

static NO_ERRORS: VariantMeta = VariantMeta {
    name: "NoErrors",
    status: 500,
    code: "internal_error",
    title: "Internal Server Error",
    message: Some("Internal Server Error"),
    description: "Rendered when an empty list of errors is passed to a wire format.",
    translations: &[],
    field: None,
    fields: &[],
    pieces: &[TemplatePiece::Literal("Internal Server Error")],
    location: None,
    language: "en",
    localized: &[],
    domain: None,
    grpc: None,
    meta: &[],
    // No value of it is ever received: it is never rebuilt.
    rebuildable: false,
    retry_after: None,
};

impl ApiError for NoErrors {
    fn catalog() -> &'static Catalog {
        static CATALOG: Catalog = Catalog {
            name: "NoErrors",
            variants: core::slice::from_ref(&NO_ERRORS),
        };
        &CATALOG
    }

    fn meta(&self) -> &'static VariantMeta {
        &NO_ERRORS
    }

    fn write_message(&self, out: &mut dyn MessageSink) -> fmt::Result {
        out.literal("Internal Server Error", "Internal Server Error")
    }
}

/// The first error of a list, or [`NoErrors`] when the list is empty.
pub(crate) fn primary<'e>(errors: &[&'e dyn ApiError]) -> &'e dyn ApiError {
    match errors.first() {
        Some(first) => *first,
        None => &NoErrors,
    }
}
