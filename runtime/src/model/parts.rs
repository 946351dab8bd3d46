//! [`JsonParts`]: the escaped static parts of a derived variant's bodies, which the derive
//! builds at compile time (with the pieces of `apierror_spec`) and the formats copy.
//! Not public: a cache between the derive and the formats, reached through `private`.

/// The JSON-escaped static parts of one variant's bodies, computed by the derive at compile
/// time so that the wire formats copy them instead of escaping at run time.
///
/// The derive emits one per variant, beside the `VariantMeta` table, and returns it from
/// `ApiError::json_parts`. A hand-written `ApiError` returns
/// `None` there (the default), and is rendered from its `code()`, `title()` and
/// `write_message` instead: its parts are then known to be its own.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct JsonParts {
    /// The code, escaped for the inside of a JSON string.
    pub code: &'static str,
    /// The whole message, escaped, when it has no placeholders and no field can override
    /// it; `None` otherwise (it is then written by `write_public_message`).
    pub message: Option<&'static str>,
    /// The leading literal of the message template, escaped, when the derive writes the
    /// rest of this variant's message straight into a buffer
    /// (`ApiError::write_json_rest`): a template with
    /// placeholders and no field that can override it. Empty when the template starts with
    /// a placeholder; `None` for every other variant.
    pub lead: Option<&'static str>,
    /// The head of an Omise body, all escaped: `{"object":"error","location":"…#…",
    /// "code":"…","message":"`, then as much of the message as is known: all of a static
    /// message and the closing `"}` (the whole body), or a template's [`JsonParts::lead`].
    /// The location is the type's own, or else
    /// the Omise format's default base.
    pub omise_head: &'static str,
    /// The part of a problem body from the status digits of a `type` made of a base and the
    /// status up to the detail: `400","title":"…","status":400,"detail":"`, with the
    /// variant's own title (escaped) and status.
    pub status_head: &'static str,
    /// The Google `ErrorInfo.reason` of the code (UPPER_SNAKE_CASE; needs no escaping).
    pub google_reason: &'static str,
    /// The container's `location = "…"`, as in `VariantMeta::location` (not escaped).
    pub location: Option<&'static str>,
    /// The translations of the message, in the order `VariantMeta::languages` lists them
    /// (after the default language); empty for a variant without.
    /// `ApiError::write_json_rest_in` takes a position in this list.
    pub translations: &'static [LanguageParts],
    /// The whole Google body of a variant whose message is static and which has no field
    /// (so no metadata and no `BadRequest`); `None` for every other variant.
    pub google_unit: Option<GoogleUnit>,
}

/// The Google body of one error of a variant with a static message and no field, built by
/// the derive for the default options of `GoogleFormat` (no domain, no retry delay).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct GoogleUnit {
    /// The whole body, escaped: status, message, code name (the variant's `#[grpc(…)]`,
    /// else its status's), the `ErrorInfo` (reason, the type's domain if it names one, an
    /// empty `metadata`) and the `Help` detail where the type has a `location`.
    pub body: &'static str,
    /// Where in `body` a `GoogleFormat`'s domain goes (right after the reason) for a type
    /// that names none; `None` where the type names its own, which `body` then holds.
    pub domain_at: Option<usize>,
    /// Whether the status is 429 or 503: a `GoogleFormat` with a retry delay then adds a
    /// `RetryInfo` detail, which `body` does not hold.
    pub retryable: bool,
    /// Whether the variant has texts in other languages (`VariantMeta::localized` is not
    /// empty): a request's preferences may then choose one, so the body's language must be
    /// chosen before this body is used. Without, the body is always in the default language.
    pub translated: bool,
}

impl GoogleUnit {
    /// The commonest unit body, in a short form for generated code: `body` with a format's
    /// domain to go at `domain_at`, neither retryable nor translated.
    pub const fn plain(body: &'static str, domain_at: usize) -> Option<GoogleUnit> {
        Some(GoogleUnit {
            body,
            domain_at: Some(domain_at),
            retryable: false,
            translated: false,
        })
    }
}

/// The escaped static parts of one translation of a variant's message, computed by the
/// derive at compile time as [`JsonParts`] are, for choosing the language and writing a
/// body in it without comparing text.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct LanguageParts {
    /// The language tag, as in `Localized::lang`.
    pub lang: &'static str,
    /// [`language_key`] of the tag: comparing keys tells whether a language range's step
    /// of at most eight bytes is this tag.
    pub key: u64,
    /// The leading literal of the translated template, escaped (the whole message when it
    /// has no placeholders; empty when it starts with one): what
    /// `ApiError::write_json_rest_in` writes the rest of the message after.
    pub lead: &'static str,
    /// The head of an Omise body with the message in this language: as
    /// [`JsonParts::omise_head`], ending with this translation's [`LanguageParts::lead`].
    pub omise_head: &'static str,
}

/// A language tag of at most eight bytes in ASCII lower case, as a little-endian number
/// (zeros past the tag's end); `LONG_TAG` for a longer tag. Two tags of at most eight
/// bytes are equal but for ASCII case exactly where their keys are equal (a tag has no
/// NUL byte).
pub const fn language_key(tag: &str) -> u64 {
    let bytes = tag.as_bytes();
    if bytes.len() > 8 {
        return LONG_TAG;
    }
    let mut key = 0u64;
    let mut i = 0;
    while i < bytes.len() {
        key |= (bytes[i].to_ascii_lowercase() as u64) << (8 * i);
        i += 1;
    }
    key
}

/// The [`language_key`] of every tag longer than eight bytes: all bytes `0xFF`, which no
/// UTF-8 text holds, so it equals the key of no tag of at most eight bytes.
pub const LONG_TAG: u64 = u64::MAX;

impl JsonParts {
    /// The part of a problem body after the `type` member's value up to the detail:
    /// `","title":"…","status":400,"detail":"`, i.e. [`JsonParts::status_head`] after its
    /// three status digits.
    pub fn title_head(&self) -> &'static str {
        self.status_head.get(3..).unwrap_or_default()
    }

    /// The title in the default language, escaped: the part of [`JsonParts::status_head`]
    /// between `400","title":"` and `","status":400,"detail":"` (the status is always
    /// three digits). Read from there rather than kept again per variant, which every
    /// build of a large catalog would compile.
    pub fn title(&self) -> &'static str {
        use apierror_spec::problem::{DETAIL, STATUS, TITLE};
        let start = 3 + TITLE.len();
        let end = self
            .status_head
            .len()
            .saturating_sub(STATUS.len() + 3 + DETAIL.len());
        self.status_head.get(start..end).unwrap_or_default()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_title_is_read_from_the_status_head() {
        for title in ["Not Found", "", r#"say \"hi\""#, "カートが見つかりません"] {
            let status_head: &'static str =
                String::leak(apierror_spec::problem::status_head(404, title));
            let parts = JsonParts {
                code: "",
                message: None,
                lead: None,
                omise_head: "",
                status_head,
                google_reason: "",
                location: None,
                translations: &[],
                google_unit: None,
            };
            assert_eq!(parts.title(), title);
        }
    }
}
