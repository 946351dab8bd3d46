//! [wiremock](https://docs.rs/wiremock) test doubles (feature `wiremock`): a
//! `ResponseTemplate` that answers with any [`ApiError`] exactly as the provider's format
//! writes it, status, headers and body, so SDK authors contract-test their clients against
//! provider-exact errors.
//!
//! ```
//! use apierror::wiremock::respond;
//! use apierror::Format;
//! use apierror_catalog::omise::OmiseError;
//! use wiremock::matchers::path;
//! use wiremock::{Mock, MockServer};
//!
//! # #[tokio::main(flavor = "current_thread")]
//! # async fn main() {
//! let server = MockServer::start().await;
//! Mock::given(path("/charges"))
//!     .respond_with(respond(Format::Omise, &OmiseError::UsedToken))
//!     .mount(&server)
//!     .await;
//! // Point the client under test at `server.uri()`: it receives
//! // 400 {"object":"error","location":"https://www.omise.co/api-errors#used-token",…}
//! # }
//! ```

use wiremock::ResponseTemplate;

use crate::{ApiError, Format, Renderer, RequestContext};

/// The response `err` gets in `format` with default options and no request context.
pub fn respond(format: Format, err: &dyn ApiError) -> ResponseTemplate {
    respond_with(&Renderer::new(format), format, err, &RequestContext::new())
}

/// The response `err` gets in `format` with `renderer`'s options and `ctx` (instance,
/// trace id, language): the same status, headers and bytes a server using `renderer`
/// sends.
pub fn respond_with(
    renderer: &Renderer,
    format: Format,
    err: &dyn ApiError,
    ctx: &RequestContext<'_>,
) -> ResponseTemplate {
    let (parts, body) = renderer.response(format, err, ctx).into_parts();
    let mut template = ResponseTemplate::new(parts.status.as_u16());
    for (name, value) in &parts.headers {
        template = template.append_header(name.clone(), value.clone());
    }
    // `set_body_bytes` leaves the content type as set above (`set_body_raw` would replace
    // it with its own).
    template.set_body_bytes(body)
}
