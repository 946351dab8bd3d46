//! The bytes of a JSON text that stand outside strings, for the passes that look at its
//! structure before (or instead of) parsing it: nesting depth, trailing commas.

/// The positions and bytes of `json` outside strings, each string's opening quote
/// included (so a caller sees that a value was there) and its contents and closing quote
/// skipped. Malformed JSON is not judged here.
pub(crate) fn outside_strings(json: &[u8]) -> impl Iterator<Item = (usize, u8)> + '_ {
    let mut in_string = false;
    let mut escaped = false;
    json.iter().enumerate().filter_map(move |(i, &b)| {
        if in_string {
            match (escaped, b) {
                (true, _) => escaped = false,
                (false, b'\\') => escaped = true,
                (false, b'"') => in_string = false,
                _ => {}
            }
            return None;
        }
        if b == b'"' {
            in_string = true;
        }
        Some((i, b))
    })
}

#[cfg(test)]
mod tests {
    use super::outside_strings;

    #[test]
    fn skips_strings_and_their_escapes() {
        let seen: String = outside_strings(br#"{"a\"]":[1,"}"]}"#)
            .map(|(_, b)| char::from(b))
            .collect();
        assert_eq!(seen, r#"{":[1,"]}"#);
    }
}
