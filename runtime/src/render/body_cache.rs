//! [`BodyCache`]: the bodies a format of the user's wrote for variants whose texts are all
//! static, kept to be copied next time: what the derive does at compile time for the
//! built-ins' bodies, done at the first answer for a format it does not know.
//!
//! A body is kept only where nothing of it can change from one answer to the next: one
//! error, of a variant without fields (no value can be printed into it), with the derive's
//! parts, in its default language, not a validation failure, in a format that says it
//! writes nothing of the request ([`WireFormat::varies_by_request`] is `false`).
//!
//! Reading is one atomic load per probed slot, with no lock and no shared counter: many
//! threads answering the same error do not contend. Its room is fixed: once full, other
//! variants are written as before.

use std::sync::OnceLock;

use crate::format::{Body, WireFormat};
use crate::model::api_error::ApiError;
use crate::model::catalog::VariantMeta;

/// Slots per format: far more variants than a server answers often.
const SLOTS: usize = 128;
/// Most bytes of a kept body: larger bodies are no error response's.
const MAX_BODY: usize = 4096;

/// The kept bodies of one format, by variant.
pub(crate) struct BodyCache {
    slots: Box<[OnceLock<Kept>]>,
}

/// A variant (by its metadata's address) and its body.
struct Kept {
    variant: usize,
    body: Box<[u8]>,
}

impl BodyCache {
    pub(crate) fn new() -> Self {
        BodyCache {
            slots: (0..SLOTS).map(|_| OnceLock::new()).collect(),
        }
    }

    /// Writes `body` in `format` into `out`: copied where it was kept, else written (and
    /// kept where it may be).
    #[inline]
    pub(crate) fn write(&self, format: &dyn WireFormat, body: &Body<'_>, out: &mut Vec<u8>) {
        let Some(variant) = key(body) else {
            return format.write(body, out);
        };
        let start = slot_of(variant);
        if let Some(kept) = self.find(variant, start) {
            return out.extend_from_slice(kept);
        }
        let mark = out.len();
        format.write(body, out);
        if let Some(written) = out.get(mark..).filter(|w| w.len() <= MAX_BODY) {
            self.keep(variant, start, written);
        }
    }

    /// Keeps `written` in the first free slot from `start`, unless another thread kept the
    /// variant's body first or the room is full.
    #[cold]
    fn keep(&self, variant: usize, start: usize, written: &[u8]) {
        for i in 0..SLOTS {
            let slot = &self.slots[(start + i) % SLOTS];
            let kept = slot.get_or_init(|| Kept {
                variant,
                body: written.into(),
            });
            if kept.variant == variant {
                return;
            }
        }
    }
}

impl BodyCache {
    /// The kept body of `err` alone, where it is one of a static variant without
    /// translations (so that no request can choose another language for it).
    #[inline]
    pub(crate) fn body_of(&self, err: &dyn ApiError) -> Option<&[u8]> {
        let meta = err.meta();
        if !meta.localized.is_empty() {
            return None;
        }
        let variant = static_variant(err, meta)?;
        self.find(variant, slot_of(variant))
    }

    /// The kept body of `variant`, probing from `start`.
    #[inline]
    fn find(&self, variant: usize, start: usize) -> Option<&[u8]> {
        for i in 0..SLOTS {
            match self.slots[(start + i) % SLOTS].get() {
                Some(kept) if kept.variant == variant => return Some(&kept.body),
                Some(_) => continue,
                None => return None,
            }
        }
        None
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

/// `meta`'s address, where `err` (of variant `meta`) has nothing that can change between
/// answers: the derive's parts, no field to print a value from, no violations.
#[inline]
fn static_variant(err: &dyn ApiError, meta: &'static VariantMeta) -> Option<usize> {
    let unchanging =
        meta.fields.is_empty() && err.json_parts().is_some() && err.violations().is_empty();
    unchanging.then_some(meta as *const VariantMeta as usize)
}

/// Where a variant's probing starts: its metadata's address, scattered (Fibonacci hashing).
#[inline]
fn slot_of(variant: usize) -> usize {
    let scattered = (variant as u64 >> 3).wrapping_mul(0x9E37_79B9_7F4A_7C15);
    (scattered >> 57) as usize % SLOTS
}

impl core::fmt::Debug for BodyCache {
    fn fmt(&self, f: &mut core::fmt::Formatter<'_>) -> core::fmt::Result {
        let kept = self.slots.iter().filter(|s| s.get().is_some()).count();
        f.debug_struct("BodyCache").field("kept", &kept).finish()
    }
}
