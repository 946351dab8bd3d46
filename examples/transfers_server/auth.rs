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

/// Standard base64 with padding: only ever encodes the configured key.
fn base64(input: &[u8]) -> String {
    const ALPHABET: &[u8; 64] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
    let mut out = String::with_capacity(input.len().div_ceil(3) * 4);
    for chunk in input.chunks(3) {
        let b = [
            chunk[0],
            *chunk.get(1).unwrap_or(&0),
            *chunk.get(2).unwrap_or(&0),
        ];
        let n = (u32::from(b[0]) << 16) | (u32::from(b[1]) << 8) | u32::from(b[2]);
        for i in 0..4 {
            if i <= chunk.len() {
                out.push(char::from(ALPHABET[(n >> (18 - 6 * i)) as usize & 63]));
            } else {
                out.push('=');
            }
        }
    }
    out
}
