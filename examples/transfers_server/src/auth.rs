//! HTTP Basic authentication with the secret key as user name, as Omise does.

use std::sync::Arc;

use apierror::axum::Error;
use apierror_catalog::omise::OmiseError;
use axum::extract::{Request, State};
use axum::middleware::Next;
use axum::response::{IntoResponse, Response};

/// The `Authorization` values that carry `key` (with an empty password, or none).
#[derive(Clone)]
pub struct Credentials {
    accepted: Arc<[String; 2]>,
}

impl Credentials {
    /// Credentials for the secret key `key`.
    pub fn new(key: &str) -> Self {
        Credentials {
            accepted: Arc::new([base64(format!("{key}:").as_bytes()), base64(key.as_bytes())]),
        }
    }

    fn accepts(&self, header: &str) -> bool {
        // The scheme is case-insensitive (RFC 9110 section 11.1).
        let Some((scheme, token)) = header.trim().split_once(' ') else {
            return false;
        };
        scheme.eq_ignore_ascii_case("basic") && self.accepted.iter().any(|a| a == token.trim())
    }
}

/// Answers `authentication_failure` (401) unless the request carries the secret key.
pub async fn require_key(
    State(credentials): State<Credentials>,
    req: Request,
    next: Next,
) -> Response {
    let authorized = req
        .headers()
        .get(http::header::AUTHORIZATION)
        .and_then(|v| v.to_str().ok())
        .is_some_and(|h| credentials.accepts(h));
    if !authorized {
        return Error(OmiseError::AuthenticationFailure).into_response();
    }
    next.run(req).await
}

/// Standard base64 with padding, as `Authorization: Basic` carries it.
fn base64(input: &[u8]) -> String {
    use ::base64::Engine as _;
    ::base64::engine::general_purpose::STANDARD.encode(input)
}
