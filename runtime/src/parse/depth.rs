//! Nesting depth, measured before parsing so that a hostile body is refused in one linear
//! pass without building anything.

use super::scan::outside_strings;

/// The deepest nesting of arrays and objects in `json`, scanning bytes and skipping
/// strings; stops as soon as `max` is exceeded (returning `max + 1`).
///
/// Malformed JSON is not judged here: serde_json reports it afterwards.
pub(crate) fn exceeds(json: &[u8], max: usize) -> bool {
    let mut depth = 0usize;
    for (_, b) in outside_strings(json) {
        match b {
            b'[' | b'{' => {
                depth += 1;
                if depth > max {
                    return true;
                }
            }
            b']' | b'}' => depth = depth.saturating_sub(1),
            _ => {}
        }
    }
    false
}

#[cfg(test)]
mod tests {
    use super::exceeds;

    #[test]
    fn counts_nesting_outside_strings() {
        assert!(!exceeds(br#"{"a":[{"b":1}]}"#, 3));
        assert!(exceeds(br#"{"a":[{"b":[]}]}"#, 3));
        assert!(!exceeds(br#"{"a":"[[[[[\"[[["}"#, 1));
        assert!(exceeds(&[b'['; 200], 128));
    }
}
