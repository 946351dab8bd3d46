//! Text a format wrote for a variant whose texts are all static, kept to be copied next
//! time: what the derive does at compile time for the built-ins, done at the first answer
//! for a format it does not know. [`KeptBytes`] is the table, shared by the renderer's
//! cache of whole bodies and by [`EntryCache`], the public one a list format keeps its
//! entries in.
//!
//! Reading is one atomic load per probed slot, with no lock and no shared counter: many
//! threads answering the same error do not contend. The room is fixed: once full, other
//! variants are written as before.

use std::sync::OnceLock;

use crate::format::Body;
use crate::model::api_error::ApiError;
use crate::model::catalog::VariantMeta;

/// Slots per table: far more variants than a server answers often.
const SLOTS: usize = 128;
/// Most bytes kept for one variant: larger bodies are no error response's.
const MAX_KEPT: usize = 4096;

/// Bytes by variant (the address of its metadata), in a fixed number of slots.
pub(crate) struct KeptBytes {
    slots: Box<[OnceLock<Kept>]>,
}

/// A variant and its bytes.
struct Kept {
    variant: usize,
    bytes: Box<[u8]>,
}

impl KeptBytes {
    pub(crate) fn new() -> Self {
        KeptBytes {
            slots: (0..SLOTS).map(|_| OnceLock::new()).collect(),
        }
    }

    /// The bytes kept for `variant`.
    #[inline]
    pub(crate) fn find(&self, variant: usize) -> Option<&[u8]> {
        let start = slot_of(variant);
        for i in 0..SLOTS {
            match self.slots[(start + i) % SLOTS].get() {
                Some(kept) if kept.variant == variant => return Some(&kept.bytes),
                Some(_) => continue,
                None => return None,
            }
        }
        None
    }

    /// Copies the bytes kept for `variant` into `out`, or else has `write` write them
    /// into `out` and keeps what it wrote.
    #[inline]
    pub(crate) fn copy_or_write(
        &self,
        variant: usize,
        out: &mut Vec<u8>,
        write: impl FnOnce(&mut Vec<u8>),
    ) {
        if let Some(kept) = self.find(variant) {
            return out.extend_from_slice(kept);
        }
        let mark = out.len();
        write(out);
        if let Some(written) = out.get(mark..).filter(|w| w.len() <= MAX_KEPT) {
            self.keep(variant, written);
        }
    }

    /// Keeps `written` in the first free slot from the variant's, unless another thread
    /// kept the variant's bytes first or the room is full.
    #[cold]
    fn keep(&self, variant: usize, written: &[u8]) {
        let start = slot_of(variant);
        for i in 0..SLOTS {
            let slot = &self.slots[(start + i) % SLOTS];
            let kept = slot.get_or_init(|| Kept {
                variant,
                bytes: written.into(),
            });
            if kept.variant == variant {
                return;
            }
        }
    }

    /// How many variants have bytes kept.
    fn len(&self) -> usize {
        self.slots.iter().filter(|s| s.get().is_some()).count()
    }
}

impl core::fmt::Debug for KeptBytes {
    fn fmt(&self, f: &mut core::fmt::Formatter<'_>) -> core::fmt::Result {
        f.debug_struct("KeptBytes")
            .field("kept", &self.len())
            .finish()
    }
}

/// `meta`'s address, where `err` (of variant `meta`) has nothing that can change between
/// answers: the derive's parts, no field to print a value from, no violations.
#[inline]
pub(crate) fn static_variant(err: &dyn ApiError, meta: &'static VariantMeta) -> Option<usize> {
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

/// The entries a list format wrote for errors whose entry is the same at every answer,
/// kept to be copied: for a format with one object per error (JSON:API's `errors`, a
/// company's own list), what the renderer does for whole bodies of one error.
///
/// A format holds one and writes each entry through [`EntryCache::write`]. An entry is
/// kept only where nothing of it can change from one answer to the next: an error of a
/// variant without fields (no value can be printed into it), declared with the derive, in
/// its default language, in a body that is not a validation failure. The format promises
/// the rest: that its entry of such an error depends on the error and its own options
/// alone (not on the request's context, nor on the other errors of the body). A format
/// whose options change what an entry holds starts a new cache with them.
///
/// Reading is one atomic load per probed slot: threads answering the same error do not
/// contend. It keeps the entries of at most 128 variants; later ones are written each time.
///
/// ```
/// use apierror::format::{Body, Carries, EntryCache, JsonWriter, WireFormat};
/// use apierror::{ApiError, RequestContext};
///
/// /// `{"problems":[{"code":…,"message":…},…]}`
/// #[derive(Debug, Default)]
/// struct Problems {
///     entries: EntryCache,
/// }
///
/// impl WireFormat for Problems {
///     fn name(&self) -> &'static str {
///         "problems"
///     }
///     fn carries(&self) -> Carries {
///         Carries::LIST
///     }
///     fn write(&self, body: &Body<'_>, out: &mut Vec<u8>) {
///         out.extend_from_slice(br#"{"problems":["#);
///         for (i, err) in body.entries().iter().enumerate() {
///             if i > 0 {
///                 out.push(b',');
///             }
///             self.entries.write(body, err, out, |out| {
///                 let mut w = JsonWriter::new(out);
///                 w.raw(r#"{"code":"#);
///                 w.code(err);
///                 w.raw(r#","message":"#);
///                 w.message(err, body.message_language(err));
///                 w.raw("}");
///             });
///         }
///         out.extend_from_slice(b"]}");
///     }
/// }
///
/// #[derive(Debug, ApiError)]
/// enum E {
///     #[status(409)]
///     #[code("taken")]
///     #[message("this email address is taken")]
///     Taken,
///     #[status(422)]
///     #[code("too_short")]
///     #[message("must be at least {min} characters")]
///     TooShort { min: u32 },
/// }
///
/// let ctx = RequestContext::new();
/// let errors: [&dyn ApiError; 2] = [&E::Taken, &E::TooShort { min: 3 }];
/// let expected = r#"{"problems":[{"code":"taken","message":"this email address is taken"},{"code":"too_short","message":"must be at least 3 characters"}]}"#;
/// let problems = Problems::default();
/// for _ in 0..2 {
///     // The second time, `Taken`'s entry is copied.
///     let mut out = Vec::new();
///     problems.write(&Body::new(&errors, &ctx), &mut out);
///     assert_eq!(std::str::from_utf8(&out).unwrap(), expected);
/// }
/// assert_eq!(problems.entries.len(), 1);
/// ```
pub struct EntryCache {
    kept: KeptBytes,
}

impl EntryCache {
    /// An empty cache.
    pub fn new() -> Self {
        EntryCache {
            kept: KeptBytes::new(),
        }
    }

    /// Writes the entry of `err`, one of `body`'s entries, into `out`: copied where it was
    /// kept, else written by `write` (into `out`) and kept where it may be.
    #[inline]
    pub fn write(
        &self,
        body: &Body<'_>,
        err: &dyn ApiError,
        out: &mut Vec<u8>,
        write: impl FnOnce(&mut Vec<u8>),
    ) {
        // A language the request chose, or the entries of a validation failure (with the
        // failure's status): written each time.
        if !body.written().is_empty() || body.is_summary() {
            return write(out);
        }
        match static_variant(err, err.meta()) {
            Some(variant) => self.kept.copy_or_write(variant, out, write),
            None => write(out),
        }
    }

    /// How many variants have their entry kept.
    pub fn len(&self) -> usize {
        self.kept.len()
    }

    /// Whether no entry is kept yet.
    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }
}

impl Default for EntryCache {
    fn default() -> Self {
        EntryCache::new()
    }
}

/// A clone starts empty: what is kept is found again at the first answers, and a format
/// cloned to change its options must not copy entries written with the old ones.
impl Clone for EntryCache {
    fn clone(&self) -> Self {
        EntryCache::new()
    }
}

impl core::fmt::Debug for EntryCache {
    fn fmt(&self, f: &mut core::fmt::Formatter<'_>) -> core::fmt::Result {
        f.debug_struct("EntryCache")
            .field("kept", &self.len())
            .finish()
    }
}
