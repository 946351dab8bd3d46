//! [`BodyCache`]: the bodies a format of the user's wrote for variants whose texts are all
//! static, kept to be copied next time: what the derive does at compile time for the
//! built-ins' bodies, done at the first answer for a format it does not know.
//!
//! A body is kept only where nothing of it can change from one answer to the next: one
//! error, of a variant without fields (no value can be printed into it), with the derive's
//! parts, in its default language, not a validation failure, in a format that says it
//! writes nothing of the request ([`WireFormat::varies_by_request`] is `false`). The table
//! is `format::kept`'s, which a list format's [`EntryCache`](crate::format::EntryCache)
//! keeps its entries in too.

use crate::format::kept::{static_variant, KeptBytes};
use crate::format::{Body, WireFormat};
use crate::model::api_error::ApiError;

/// The kept bodies of one format, by variant.
#[derive(Debug)]
pub(crate) struct BodyCache {
    kept: KeptBytes,
}

impl BodyCache {
    pub(crate) fn new() -> Self {
        BodyCache {
            kept: KeptBytes::new(),
        }
    }

    /// Writes `body` in `format` into `out`: copied where it was kept, else written (and
    /// kept where it may be).
    #[inline]
    pub(crate) fn write(&self, format: &dyn WireFormat, body: &Body<'_>, out: &mut Vec<u8>) {
        match key(body) {
            Some(variant) => self
                .kept
                .copy_or_write(variant, out, |out| format.write(body, out)),
            None => format.write(body, out),
        }
    }

    /// The kept body of `err` alone, where it is one of a static variant without
    /// translations (so that no request can choose another language for it).
    #[inline]
    pub(crate) fn body_of(&self, err: &dyn ApiError) -> Option<&[u8]> {
        let meta = err.meta();
        if !meta.localized.is_empty() {
            return None;
        }
        self.kept.find(static_variant(err, meta)?)
    }
}

/// The variant whose body `body` is, where that body is the same at every answer.
#[inline]
fn key(body: &Body<'_>) -> Option<usize> {
    let [err] = body.errors() else { return None };
    if !body.written().is_empty() {
        // Not `language::DEFAULT`: a language the request chose.
        return None;
    }
    static_variant(*err, err.meta())
}
