//! [`CodeMatch`]: how a code received in a format's body names a declared code, the answer
//! of [`WireFormat::code_match`](crate::format::WireFormat::code_match).

/// Whether a code received in a body names a code a catalog declares, as the body's format
/// rules it ([`WireFormat::code_match`](crate::format::WireFormat::code_match)).
///
/// A lookup takes the variants the received code names [`Exact`](CodeMatch::Exact)ly; only
/// where there is none, those it [`Possible`](CodeMatch::Possible)y names.
///
/// ```
/// use apierror::format::{CodeMatch, GoogleFormat, OneyFormat, OmiseFormat, WireFormat};
///
/// // By default, only the same code: case counts.
/// assert_eq!(OmiseFormat::new().code_match("used_token", "used_token"), CodeMatch::Exact);
/// assert_eq!(OmiseFormat::new().code_match("USED_TOKEN", "used_token"), CodeMatch::No);
/// // Google sends a code as its `ErrorInfo.reason`.
/// assert_eq!(GoogleFormat::new().code_match("CART_NOT_FOUND", "cart_not_found"), CodeMatch::Exact);
/// // Oney cuts codes to ten characters.
/// assert_eq!(OneyFormat::new().code_match("backend_er", "backend_error"), CodeMatch::Possible);
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum CodeMatch {
    /// The received code names the declared one.
    Exact,
    /// The received code may stand for the declared one (a code the format cut, say): the
    /// declared code is taken only where no declared code is an exact match.
    Possible,
    /// The received code does not name the declared one.
    No,
}

impl CodeMatch {
    /// [`CodeMatch::Exact`] where the two codes are the same text, else [`CodeMatch::No`]:
    /// the default rule of [`WireFormat::code_match`](crate::format::WireFormat::code_match).
    ///
    /// ```
    /// use apierror::format::CodeMatch;
    /// assert_eq!(CodeMatch::equal("used_token", "used_token"), CodeMatch::Exact);
    /// assert_eq!(CodeMatch::equal("Used_Token", "used_token"), CodeMatch::No);
    /// ```
    #[inline(always)]
    pub fn equal(received: &str, declared: &str) -> CodeMatch {
        if same_code(received, declared) {
            CodeMatch::Exact
        } else {
            CodeMatch::No
        }
    }
}

/// `a == b`, compared inline for codes of up to 16 bytes (nearly all are): a catalog scan
/// meets many codes of the received one's length, and a call to `memcmp` for each costs
/// more than the comparison.
#[inline(always)]
pub(crate) fn same_code(a: &str, b: &str) -> bool {
    let (a, b) = (a.as_bytes(), b.as_bytes());
    let len = a.len();
    if len != b.len() {
        return false;
    }
    // Two loads from each side that overlap where the text is shorter than both.
    let word = |bytes: &[u8], at: usize| -> u64 {
        let mut w = [0; 8];
        w.copy_from_slice(&bytes[at..at + 8]);
        u64::from_ne_bytes(w)
    };
    let half = |bytes: &[u8], at: usize| -> u32 {
        let mut w = [0; 4];
        w.copy_from_slice(&bytes[at..at + 4]);
        u32::from_ne_bytes(w)
    };
    match len {
        8..=16 => word(a, 0) == word(b, 0) && word(a, len - 8) == word(b, len - 8),
        4..=7 => half(a, 0) == half(b, 0) && half(a, len - 4) == half(b, len - 4),
        _ => a == b,
    }
}

#[cfg(test)]
mod tests {
    use super::same_code;

    #[test]
    fn same_code_is_equality() {
        let texts = [
            "",
            "a",
            "ab",
            "abc",
            "abcd",
            "abcde",
            "used_tok",
            "used_toke",
            "used_token",
            "used_tokem",
            "xsed_token",
            "invalid_charge",
            "invalid_chargf",
            "0123456789abcdef",
            "0123456789abcdeF",
            "0123456789abcdefg",
            "0123456789abcdefh",
            "abcé",
            "abcè",
        ];
        for a in texts {
            for b in texts {
                assert_eq!(same_code(a, b), a == b, "{a:?} {b:?}");
            }
        }
    }
}
