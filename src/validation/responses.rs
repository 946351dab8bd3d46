//! A [`ValidationFailure`] as a handler's or an extractor's answer, the same way as a
//! derived error: axum's `IntoResponse` and actix-web's `ResponseError`, so that the layer
//! or middleware answers it with the request's context in the negotiated format (under
//! its `validation_summary` where one is set), and without them it still answers, in the
//! problem format.

use super::ValidationFailure;

#[cfg(feature = "axum")]
impl axum::response::IntoResponse for ValidationFailure {
    fn into_response(self) -> axum::response::Response {
        crate::axum::respond(self)
    }
}

#[cfg(feature = "actix-web")]
impl actix_web::ResponseError for ValidationFailure {
    fn status_code(&self) -> actix_web::http::StatusCode {
        crate::actix::status(self)
    }

    fn error_response(&self) -> actix_web::HttpResponse {
        crate::actix::respond(self, self, crate::actix::find::<ValidationFailure>)
    }
}
