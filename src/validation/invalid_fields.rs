//! [`InvalidFields`]: the summary a validation failure is rendered under unless the server
//! chooses one of its own catalog.

use crate::ApiError;

/// The default summary of a [`ValidationFailure`](super::ValidationFailure): 422
/// `validation_failed`, "the request has invalid fields", in English, Thai and Japanese
/// (the languages of the violations' default messages).
///
/// ```
/// use apierror::validation::InvalidFields;
/// use apierror::ApiError;
///
/// assert_eq!(InvalidFields.status(), 422);
/// assert_eq!(InvalidFields.code(), "validation_failed");
/// assert_eq!(InvalidFields.title(), "Unprocessable Content");
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, ApiError)]
#[status(422)]
#[code("validation_failed")]
#[grpc(INVALID_ARGUMENT)]
#[title("Unprocessable Content")]
#[title(th = "ข้อมูลในคำขอไม่ถูกต้อง", ja = "処理できない内容")]
#[message("the request has invalid fields")]
#[message(
    th = "คำขอมีข้อมูลที่ไม่ถูกต้อง",
    ja = "リクエストに無効なフィールドがあります"
)]
#[api_error(no_framework_impls)]
pub struct InvalidFields;

impl core::fmt::Display for InvalidFields {
    fn fmt(&self, f: &mut core::fmt::Formatter<'_>) -> core::fmt::Result {
        core::fmt::Display::fmt(&self.message(), f)
    }
}

impl std::error::Error for InvalidFields {}
