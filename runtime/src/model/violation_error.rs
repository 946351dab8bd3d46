//! How a [`FieldViolation`] is an [`ApiError`]: every format writes a violation with the
//! same writers as a declared error. Apart from `violation.rs`, which the trait's
//! `violations` method names, so that the model imports in one direction.

use core::fmt;
use std::borrow::Cow;

use http::StatusCode;

use crate::model::api_error::ApiError;
use crate::model::catalog::{Catalog, Localized, TemplatePiece, VariantMeta};
use crate::model::field_path::FieldPath;
use crate::model::message::MessageSink;
use crate::model::violation::FieldViolation;

/// The metadata every violation answers [`ApiError::meta`] with: a violation is not a
/// variant of any catalog; its code is the validator's and its status the failure's.
static VIOLATION: VariantMeta = VariantMeta {
    name: "FieldViolation",
    status: 422,
    code: "invalid",
    title: "Invalid Field",
    message: None,
    description: "One invalid field of a request, as its validator reported it.",
    translations: &[],
    field: None,
    fields: &[],
    pieces: &[] as &[TemplatePiece],
    location: None,
    language: "en",
    localized: &[
        Localized {
            lang: "th",
            title: Some("ข้อมูลไม่ถูกต้อง"),
            message: None,
            pieces: &[],
        },
        Localized {
            lang: "ja",
            title: Some("無効なフィールド"),
            message: None,
            pieces: &[],
        },
    ],
    domain: None,
    // google.rpc.BadRequest goes with INVALID_ARGUMENT (google/rpc/error_details.proto).
    grpc: Some("INVALID_ARGUMENT"),
    meta: &[],
    rebuildable: false,
    retry_after: None,
};

static EMPTY: Catalog = Catalog {
    name: "FieldViolation",
    variants: &[],
};

impl ApiError for FieldViolation {
    fn catalog() -> &'static Catalog {
        &EMPTY
    }

    fn meta(&self) -> &'static VariantMeta {
        &VIOLATION
    }

    fn code(&self) -> &'static str {
        match self.code {
            Cow::Borrowed(code) => code,
            Cow::Owned(_) => VIOLATION.code,
        }
    }

    fn status(&self) -> StatusCode {
        StatusCode::UNPROCESSABLE_ENTITY
    }

    fn write_message(&self, out: &mut dyn MessageSink) -> fmt::Result {
        match &self.message {
            Some(text) => out.text(text),
            None => self.rule.write_in("en", out).unwrap_or(Ok(())),
        }
    }

    fn has_message_in(&self, lang: &str) -> bool {
        match self.message {
            Some(_) => lang.eq_ignore_ascii_case("en"),
            None => self.rule.speaks(lang),
        }
    }

    fn write_message_in(&self, lang: &str, out: &mut dyn MessageSink) -> Option<fmt::Result> {
        match &self.message {
            Some(text) => lang.eq_ignore_ascii_case("en").then(|| out.text(text)),
            None => self.rule.write_in(lang, out),
        }
    }

    fn field(&self) -> Option<&dyn fmt::Display> {
        None
    }

    fn field_path(&self) -> Option<&FieldPath> {
        Some(&self.path)
    }
}
