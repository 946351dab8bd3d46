//! JSON string escaping done at compile time, so that literal parts of a body are copied
//! as is at run time.

/// `text` escaped for the inside of a JSON string (RFC 8259 section 7): quote, backslash
/// and control characters escaped; everything else, non-ASCII included, kept as UTF-8.
pub fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            '\n' => out.push_str("\\n"),
            '\r' => out.push_str("\\r"),
            '\t' => out.push_str("\\t"),
            '\u{08}' => out.push_str("\\b"),
            '\u{0c}' => out.push_str("\\f"),
            c if (c as u32) < 0x20 => out.push_str(&format!("\\u{:04x}", c as u32)),
            c => out.push(c),
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::escape;

    #[test]
    fn escapes_what_json_requires() {
        assert_eq!(escape(r#"a "b" \c"#), r#"a \"b\" \\c"#);
        assert_eq!(escape("\n\r\t\u{8}\u{c}\u{1}"), r"\n\r\t\b\f\u0001");
        assert_eq!(escape("トークン"), "トークン");
    }
}
