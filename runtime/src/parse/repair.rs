//! The JSON quirks lenient decoding forgives, repaired before a second parse.
//!
//! Only one so far, and only where a strict parse failed: a trailing comma before `}` or
//! `]`, as in the example body of Vipps's ePayment error page. A general-purpose lenient
//! JSON parser (JSON5) would also accept comments, single quotes and bare keys, which no
//! provider sends; this pass stays as small as the quirk.

use super::scan::outside_strings;

/// `json` without the commas that stand directly (but for whitespace) before a `}` or `]`
/// outside strings; `None` when there is none.
pub(crate) fn trailing_commas(json: &str) -> Option<String> {
    let mut drop = Vec::new();
    // The position of a comma seen outside strings with only whitespace after it so far.
    let mut pending: Option<usize> = None;
    for (i, b) in outside_strings(json.as_bytes()) {
        match b {
            b',' => pending = Some(i),
            b'}' | b']' => {
                if let Some(comma) = pending.take() {
                    drop.push(comma);
                }
            }
            b' ' | b'\t' | b'\n' | b'\r' => {}
            // A value (a string's opening quote among them).
            _ => pending = None,
        }
    }
    if drop.is_empty() {
        return None;
    }
    let mut out = String::with_capacity(json.len());
    let mut from = 0;
    for comma in drop {
        // Commas are ASCII: both cuts are char boundaries.
        out.push_str(&json[from..comma]);
        from = comma + 1;
    }
    out.push_str(&json[from..]);
    Some(out)
}

#[cfg(test)]
mod tests {
    use super::trailing_commas;

    #[test]
    fn drops_only_trailing_commas_outside_strings() {
        assert_eq!(trailing_commas(r#"{"a":1}"#), None);
        assert_eq!(
            trailing_commas("{\"a\":[1,2,\n],\n \"b\":\",}\",\n}").as_deref(),
            Some("{\"a\":[1,2\n],\n \"b\":\",}\"\n}")
        );
        assert_eq!(
            trailing_commas(r#"{"a":"\",]",}"#).as_deref(),
            Some(r#"{"a":"\",]"}"#)
        );
        // Not a trailing comma: a missing value stays for the parser to refuse.
        assert_eq!(trailing_commas(r#"[1,,2]"#), None);
    }
}
