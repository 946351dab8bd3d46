//! Oney's HTTP return codes against the table, transcribed here.

use apierror::ApiError;
use apierror_catalog::oney_http::HttpError;

/// (status, status name, meaning), in the table's order; 504 has no meaning in the table,
/// so its message is the crate's own.
const TABLE: &[(u16, &str, &str)] = &[
    (400, "Bad Request", "Mandatory parameter is missing."),
    (401, "Unauthorized", "Unauthorized request."),
    (403, "Forbidden", "Invalid API KEY or API quota exceeded."),
    (404, "Not Found", "The API does not exist, unknown command."),
    (
        408,
        "Request Time-out",
        "Execution period of the service is too long.",
    ),
    (409, "Conflict", "The external reference must be unique."),
    (429, "Too Many Requests", "Rate limit is reached."),
    (499, "Client Closed Request", "Your time out is too short."),
    (
        500,
        "Internal Server Error",
        "Failed to process the request.",
    ),
    (503, "Service Unavailable", "Service is not available."),
    (504, "Gateway Timeout", "The gateway timed out."),
];

#[test]
fn catalog_matches_the_table_in_order() {
    let catalog = HttpError::catalog();
    assert_eq!(catalog.variants.len(), 11);
    assert_eq!(catalog.variants.len(), TABLE.len());
    for (meta, &(status, title, message)) in catalog.variants.iter().zip(TABLE) {
        assert_eq!(meta.status, status);
        assert_eq!(meta.code, status.to_string());
        assert_eq!(meta.title, title, "{status}");
        assert_eq!(meta.message, Some(message), "{status}");
        assert_eq!(meta.status_code().as_u16(), status);
    }
}

#[test]
fn lookup_by_status() {
    let status = http::StatusCode::from_u16(499).unwrap();
    let meta = HttpError::catalog().find(status.as_str()).unwrap();
    assert_eq!(meta.name, "ClientClosedRequest");
    assert!(meta.description.contains("10 seconds"));
    assert_eq!(
        HttpError::GatewayTimeout.to_string(),
        "The gateway timed out."
    );
    assert_eq!(
        HttpError::TooManyRequests.status(),
        http::StatusCode::TOO_MANY_REQUESTS
    );
}
