//! Oney's HTTP return codes: the statuses every Oney endpoint may answer with, as one enum.
//!
//! Each variant's code is its status number as a string (`"400"`, `"499"`, …), so a client
//! can look up the table's row for a response's status with
//! `HttpError::catalog().find(status.as_str())`; the title is the table's status name and the
//! message its meaning. The enum is declared `oney`, so its codes also fit an Oney
//! `error_code`.
//!
//! - 499 "Client Closed Request" is not a standard HTTP status; `http::StatusCode` still
//!   carries it.
//! - The table gives 504 "Gateway Timeout" no meaning; its message ("The gateway timed
//!   out.") is this crate's own.
//! - The 400 row's example ("Header X-Oney-Authorization is missing.") and the 499 row's
//!   note (Oney's time-out is 10 seconds) are in the descriptions.
//!
//! ```
//! use apierror::ApiError;
//! use apierror_catalog::oney_http::HttpError;
//!
//! let err = HttpError::ClientClosedRequest;
//! assert_eq!(err.status().as_u16(), 499);
//! assert_eq!(err.code(), "499");
//! assert_eq!(err.title(), "Client Closed Request");
//! assert_eq!(err.message().to_string(), "Your time out is too short.");
//!
//! let row = HttpError::catalog().find(http::StatusCode::CONFLICT.as_str()).unwrap();
//! assert_eq!(row.message, Some("The external reference must be unique."));
//! ```

use apierror::ApiError;

/// One of Oney's HTTP return codes. Its `Display` is the meaning.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, ApiError)]
#[api_error(oney)]
#[non_exhaustive]
pub enum HttpError {
    /// A mandatory parameter is missing. For example: Header X-Oney-Authorization is missing.
    #[status(400)]
    #[code("400")]
    #[title("Bad Request")]
    #[message("Mandatory parameter is missing.")]
    BadRequest,

    /// The request is not authorized.
    #[status(401)]
    #[code("401")]
    #[title("Unauthorized")]
    #[message("Unauthorized request.")]
    Unauthorized,

    /// The API key is invalid, or the API quota is exceeded.
    #[status(403)]
    #[code("403")]
    #[title("Forbidden")]
    #[message("Invalid API KEY or API quota exceeded.")]
    Forbidden,

    /// The API does not exist: unknown command.
    #[status(404)]
    #[code("404")]
    #[title("Not Found")]
    #[message("The API does not exist, unknown command.")]
    NotFound,

    /// The service took too long to execute.
    #[status(408)]
    #[code("408")]
    #[title("Request Time-out")]
    #[message("Execution period of the service is too long.")]
    RequestTimeout,

    /// The external reference must be unique.
    #[status(409)]
    #[code("409")]
    #[title("Conflict")]
    #[message("The external reference must be unique.")]
    Conflict,

    /// The rate limit is reached.
    #[status(429)]
    #[code("429")]
    #[title("Too Many Requests")]
    #[message("Rate limit is reached.")]
    TooManyRequests,

    /// The client's time-out is too short: Oney's time-out is 10 seconds.
    #[status(499)]
    #[code("499")]
    #[title("Client Closed Request")]
    #[message("Your time out is too short.")]
    ClientClosedRequest,

    /// The request could not be processed.
    #[status(500)]
    #[code("500")]
    #[title("Internal Server Error")]
    #[message("Failed to process the request.")]
    InternalServerError,

    /// The service is not available.
    #[status(503)]
    #[code("503")]
    #[title("Service Unavailable")]
    #[message("Service is not available.")]
    ServiceUnavailable,

    /// A gateway timed out. Oney's table gives no meaning; the message is this crate's own.
    #[status(504)]
    #[code("504")]
    #[title("Gateway Timeout")]
    #[message("The gateway timed out.")]
    GatewayTimeout,
}

crate::display_via_message!(HttpError);
