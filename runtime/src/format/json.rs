//! JSON string escaping straight into a byte buffer: the pieces every wire format is written
//! with.
//!
//! Everything here writes the *inside* of a JSON string (RFC 8259 section 7): quote,
//! backslash and control characters are escaped, everything else (non-ASCII included) is
//! copied as UTF-8. Nothing allocates beyond the buffer's own growth.

use core::fmt;

use crate::model::api_error::ApiError;
use crate::model::catalog::same_language;
use crate::model::message::MessageSink;
use crate::model::parts::JsonParts;

/// For each byte: 0 when it is copied as is, otherwise the letter after the backslash
/// (`u` for the `\u00XX` form).
const ESCAPE: [u8; 256] = {
    let mut table = [0u8; 256];
    let mut b = 0;
    while b < 0x20 {
        table[b] = b'u';
        b += 1;
    }
    table[0x08] = b'b';
    table[0x09] = b't';
    table[0x0a] = b'n';
    table[0x0c] = b'f';
    table[0x0d] = b'r';
    table[b'"' as usize] = b'"';
    table[b'\\' as usize] = b'\\';
    table
};

const HEX: &[u8; 16] = b"0123456789abcdef";

/// Appends `text` escaped for the inside of a JSON string.
///
/// Runs of bytes that need no escaping are found eight bytes at a time and copied with one
/// `extend_from_slice`, so plain text costs about a `memcpy`.
#[inline]
pub fn escape_str(out: &mut Vec<u8>, text: &str) {
    let bytes = text.as_bytes();
    // Most text needs no escaping at all: one scan and one copy, inlined at the caller.
    let clean = clean_prefix(bytes);
    out.extend_from_slice(bytes.get(..clean).unwrap_or_default());
    if clean < bytes.len() {
        escape_from(out, bytes, clean);
    }
}

/// Appends `bytes` from `start`, the first byte that needs escaping, escaped.
#[inline(never)]
fn escape_from(out: &mut Vec<u8>, bytes: &[u8], start: usize) {
    let mut start = start;
    loop {
        let Some(&b) = bytes.get(start) else { return };
        let (escaped, len) = escaped(b);
        out.extend_from_slice(&escaped[..len]);
        start += 1;
        let rest = bytes.get(start..).unwrap_or_default();
        let end = start + clean_prefix(rest);
        out.extend_from_slice(bytes.get(start..end).unwrap_or_default());
        start = end;
    }
}

/// The length of the longest prefix of `bytes` that needs no escaping.
///
/// Eight bytes are tested at once (SWAR): a byte needs escaping when it is below `0x20`, a
/// quote or a backslash. `(x - 0x20…) & !x & 0x80…` is non-zero exactly when some byte of
/// `x` is below `0x20`, and the same test on `x ^ '"'…` (`- 0x01…`) finds a quote. A word
/// that may hold one is then scanned byte by byte.
#[inline]
fn clean_prefix(bytes: &[u8]) -> usize {
    const ONES: u64 = 0x0101_0101_0101_0101;
    const HIGH: u64 = 0x8080_8080_8080_8080;
    let mut i = 0;
    while let Some(chunk) = bytes.get(i..i + 8) {
        let mut word = [0u8; 8];
        word.copy_from_slice(chunk);
        let x = u64::from_le_bytes(word);
        let quote = x ^ (ONES * u64::from(b'"'));
        let backslash = x ^ (ONES * u64::from(b'\\'));
        let control = x.wrapping_sub(ONES * 0x20) & !x;
        let quote = quote.wrapping_sub(ONES) & !quote;
        let backslash = backslash.wrapping_sub(ONES) & !backslash;
        if (control | quote | backslash) & HIGH != 0 {
            break;
        }
        i += 8;
    }
    while let Some(&b) = bytes.get(i) {
        if ESCAPE[b as usize] != 0 {
            break;
        }
        i += 1;
    }
    i
}

/// Appends `text` for the inside of a JSON string: copied when `plain` (the caller knows it
/// has no quote, backslash or control character), else escaped.
pub(crate) fn write_known(out: &mut Vec<u8>, text: &str, plain: bool) {
    if plain {
        out.extend_from_slice(text.as_bytes());
    } else {
        escape_str(out, text);
    }
}

/// Appends `text` escaped, with every `_` turned into `-`: the Omise `location` anchor.
pub(crate) fn escape_anchor(out: &mut Vec<u8>, text: &str) {
    let bytes = text.as_bytes();
    let mut start = 0;
    for (i, &b) in bytes.iter().enumerate() {
        if b == b'_' {
            out.extend_from_slice(&bytes[start..i]);
            out.push(b'-');
            start = i + 1;
        } else if ESCAPE[b as usize] != 0 {
            escape_str(out, &text[start..i]);
            // Only ASCII bytes escape, so `i..=i` is a char boundary.
            escape_str(out, &text[i..=i]);
            start = i + 1;
        }
    }
    out.extend_from_slice(&bytes[start..]);
}

/// Appends what `args` prints, escaped for the inside of a JSON string, without an
/// intermediate `String`.
///
/// A `Display` prints a value in several short pieces (`cart `, `7`, ` was not found`),
/// each too short for [`clean_prefix`]'s eight-byte steps: they are copied as they come and
/// what they made is scanned once, then escaped in place from its first byte that needs it.
pub(crate) fn write_fmt(out: &mut Vec<u8>, args: fmt::Arguments<'_>) -> fmt::Result {
    let start = out.len();
    fmt::write(&mut Copying(out), args)?;
    let printed = out.get(start..).unwrap_or_default();
    let first = start + clean_prefix(printed);
    if first < out.len() {
        escape_in_place(out, first);
    }
    Ok(())
}

/// A [`fmt::Write`] that copies what it is given.
struct Copying<'b>(&'b mut Vec<u8>);

impl fmt::Write for Copying<'_> {
    fn write_str(&mut self, s: &str) -> fmt::Result {
        self.0.extend_from_slice(s.as_bytes());
        Ok(())
    }
}

/// Escapes `out[from..]` in place: the buffer grows once by what the escapes add, and the
/// bytes are moved to their places from the end.
fn escape_in_place(out: &mut Vec<u8>, from: usize) {
    let end = out.len();
    let tail = out.get(from..).unwrap_or_default();
    let grown: usize = tail.iter().map(|&b| escaped(b).1).sum();
    out.resize(from + grown, 0);
    let mut to = out.len();
    for at in (from..end).rev() {
        let (bytes, len) = escaped(out[at]);
        to -= len;
        out[to..to + len].copy_from_slice(&bytes[..len]);
    }
}

/// `b` as it is written inside a JSON string: the first `len` bytes of the array.
fn escaped(b: u8) -> ([u8; 6], usize) {
    match ESCAPE[b as usize] {
        0 => ([b, 0, 0, 0, 0, 0], 1),
        b'u' => {
            let (high, low) = (HEX[(b >> 4) as usize], HEX[(b & 0xf) as usize]);
            ([b'\\', b'u', b'0', b'0', high, low], 6)
        }
        letter => ([b'\\', letter, 0, 0, 0, 0], 2),
    }
}

/// A [`MessageSink`] that writes a message escaped into a JSON string.
///
/// Literal parts of the template were escaped at compile time and are copied as is; only
/// interpolated values are escaped at run time.
pub(crate) struct JsonSink<'b>(pub &'b mut Vec<u8>);

impl MessageSink for JsonSink<'_> {
    fn literal(&mut self, _text: &'static str, json_escaped: &'static str) -> fmt::Result {
        self.0.extend_from_slice(json_escaped.as_bytes());
        Ok(())
    }

    fn value(&mut self, value: &dyn fmt::Display) -> fmt::Result {
        write_fmt(self.0, format_args!("{value}"))
    }

    fn text(&mut self, value: &str) -> fmt::Result {
        escape_str(self.0, value);
        Ok(())
    }
}

/// Like [`JsonSink`] and [`write_fmt`], but keeps at most `max` characters (Unicode
/// scalar values) of the unescaped text and drops the rest, cutting at a char boundary.
///
/// Oney limits `field` to 100 and `error_label` to 1000 characters; a longer value is cut,
/// never an error and never a panic.
pub(crate) struct LimitedJsonWriter<'b> {
    out: &'b mut Vec<u8>,
    remaining: usize,
    truncated: bool,
}

impl<'b> LimitedJsonWriter<'b> {
    /// A writer that keeps at most `max` characters.
    pub fn new(out: &'b mut Vec<u8>, max: usize) -> Self {
        LimitedJsonWriter {
            out,
            remaining: max,
            truncated: false,
        }
    }

    /// Whether some text was dropped.
    #[cfg(test)]
    pub fn truncated(&self) -> bool {
        self.truncated
    }

    /// Writes `text`, using `escaped` (the same text, already escaped) when it fits whole.
    fn push(&mut self, text: &str, escaped: Option<&str>) {
        if self.remaining == 0 {
            self.truncated |= !text.is_empty();
            return;
        }
        // Bytes bound chars from above: when the bytes fit, the chars do, and the
        // pre-escaped form can be copied whole.
        if text.len() <= self.remaining {
            match escaped {
                Some(escaped) => self.out.extend_from_slice(escaped.as_bytes()),
                None => escape_str(self.out, text),
            }
            self.remaining -= char_count(text);
            return;
        }
        match text.char_indices().nth(self.remaining) {
            // More chars than remain: keep those before the cut.
            Some((cut, _)) => {
                escape_str(self.out, &text[..cut]);
                self.remaining = 0;
                self.truncated = true;
            }
            // Multi-byte chars, but few enough: all fit.
            None => {
                escape_str(self.out, text);
                self.remaining -= char_count(text);
            }
        }
    }
}

/// The number of chars of `text`: a count of the bytes that start a char, which for the
/// short pieces of a message is faster than `chars().count()` (made for long text).
fn char_count(text: &str) -> usize {
    text.bytes().filter(|&b| (b & 0xC0) != 0x80).count()
}

impl fmt::Write for LimitedJsonWriter<'_> {
    fn write_str(&mut self, s: &str) -> fmt::Result {
        self.push(s, None);
        Ok(())
    }
}

impl MessageSink for LimitedJsonWriter<'_> {
    fn literal(&mut self, text: &'static str, json_escaped: &'static str) -> fmt::Result {
        self.push(text, Some(json_escaped));
        Ok(())
    }

    fn value(&mut self, value: &dyn fmt::Display) -> fmt::Result {
        if self.remaining == 0 {
            // Nothing more can be kept: skip formatting the value at all.
            self.truncated = true;
            return Ok(());
        }
        fmt::write(self, format_args!("{value}"))
    }

    fn text(&mut self, value: &str) -> fmt::Result {
        self.push(value, None);
        Ok(())
    }
}

/// Whether `lang` is the language of `err`'s default texts (and of its pre-escaped parts):
/// [`language::DEFAULT`](crate::negotiate::language::DEFAULT) always is.
pub(crate) fn is_default(err: &dyn ApiError, lang: &str) -> bool {
    lang.is_empty() || same_language(lang, err.meta().language)
}

/// The derive's pre-escaped parts of `err`, where they hold its texts in `lang`.
pub(crate) fn parts_in(err: &dyn ApiError, lang: &str) -> Option<&'static JsonParts> {
    err.json_parts().filter(|_| is_default(err, lang))
}

/// Writes the public message of `err` in `lang` into `sink`: in the default language
/// where `err` has none in `lang` (the language was chosen among those it has, so only a
/// type that does not keep its own metadata's word falls back).
pub(crate) fn public_message_in(
    err: &dyn ApiError,
    lang: &str,
    sink: &mut dyn MessageSink,
) -> fmt::Result {
    if is_default(err, lang) {
        return err.write_public_message(sink);
    }
    match err.write_public_message_in(lang, sink) {
        Some(result) => result,
        None => err.write_public_message(sink),
    }
}

/// Writes the public message of `err` in `lang` escaped, keeping at most `max` characters.
///
/// A `Display` that fails half way leaves no partial text: the buffer is rolled back and the
/// status's canonical reason is written instead, so a body is always complete.
pub(crate) fn write_public_message(
    out: &mut Vec<u8>,
    err: &dyn ApiError,
    max: Option<usize>,
    lang: &str,
) {
    let mark = out.len();
    let result = match max {
        // A translated message straight from the derive, where it has one.
        None if !is_default(err, lang) && write_translation(out, err, lang).is_ok() => return,
        None => {
            out.truncate(mark);
            public_message_in(err, lang, &mut JsonSink(out))
        }
        Some(max) => public_message_in(err, lang, &mut LimitedJsonWriter::new(out, max)),
    };
    if result.is_err() {
        out.truncate(mark);
        let reason = err.status().canonical_reason().unwrap_or("Error");
        match max {
            None => escape_str(out, reason),
            Some(max) => {
                let mut w = LimitedJsonWriter::new(out, max);
                w.push(reason, None);
            }
        }
    }
}

/// Writes the message of `err` in `lang`, one of its translations, from the derive's
/// parts: the translation's lead, then [`ApiError::write_json_rest_in`]; `Err` where that
/// does not write it (the caller drops what was written).
fn write_translation(out: &mut Vec<u8>, err: &dyn ApiError, lang: &str) -> fmt::Result {
    let parts = err.json_parts().ok_or(fmt::Error)?;
    let index = parts
        .translations
        .iter()
        .position(|t| t.lang.eq_ignore_ascii_case(lang))
        .ok_or(fmt::Error)?;
    out.extend_from_slice(parts.translations[index].lead.as_bytes());
    err.write_json_rest_in(index, out)
}

/// Writes the code of `err` escaped: copied from `parts` when the derive escaped it.
pub(crate) fn write_code(out: &mut Vec<u8>, err: &dyn ApiError, parts: Option<&JsonParts>) {
    match parts {
        Some(parts) => out.extend_from_slice(parts.code.as_bytes()),
        None => escape_str(out, err.code()),
    }
}

/// Writes the public message of `err` in `lang` escaped, in full: copied from `parts` when
/// it is static; the lead copied and the rest written by the derive's
/// [`ApiError::write_json_rest`] when it has one; else written piece by piece. `parts` must
/// be those of [`parts_in`] for `lang`.
pub(crate) fn write_message(
    out: &mut Vec<u8>,
    err: &dyn ApiError,
    parts: Option<&JsonParts>,
    lang: &str,
) {
    match parts {
        Some(JsonParts {
            message: Some(message),
            ..
        }) => out.extend_from_slice(message.as_bytes()),
        Some(JsonParts {
            lead: Some(lead), ..
        }) => {
            let mark = out.len();
            out.extend_from_slice(lead.as_bytes());
            write_rest(out, err, mark);
        }
        _ => write_public_message(out, err, None, lang),
    }
}

/// Writes the rest of a message whose lead is already in `out` from `mark` on, with
/// [`ApiError::write_json_rest`]; when that fails, drops everything from `mark` and writes
/// the whole message through [`write_public_message`] (which falls back to the status's
/// reason if it fails too).
pub(crate) fn write_rest(out: &mut Vec<u8>, err: &dyn ApiError, mark: usize) {
    if err.write_json_rest(out).is_err() {
        out.truncate(mark);
        let lang = err.meta().language;
        write_public_message(out, err, None, lang);
    }
}

/// Appends any `Display` escaped for the inside of a JSON string: what the derive's
/// `write_json_rest` writes an interpolated value that is not plainly text with. A failure
/// clears `ok` instead of returning, so the generated arms need no `?`.
#[doc(hidden)]
#[inline]
pub fn json_value(out: &mut Vec<u8>, value: &dyn fmt::Display, ok: &mut bool) {
    if write_fmt(out, format_args!("{value}")).is_err() {
        *ok = false;
    }
}

/// Appends an integer a template prints: what `write_json_rest` writes a placeholder of a
/// primitive integer type with (its digits need no escaping, and `itoa` writes them
/// without the formatting machinery).
#[doc(hidden)]
#[inline]
pub fn json_integer<T: itoa::Integer + Copy>(out: &mut Vec<u8>, value: &T) {
    out.extend_from_slice(itoa::Buffer::new().format(*value).as_bytes());
}

/// Appends text escaped at compile time, for generated code.
#[doc(hidden)]
#[inline]
pub fn raw(out: &mut Vec<u8>, escaped: &'static str) {
    out.extend_from_slice(escaped.as_bytes());
}

/// `Ok(())` when `ok`, for generated code.
#[doc(hidden)]
#[inline]
pub fn result(ok: bool) -> fmt::Result {
    if ok {
        Ok(())
    } else {
        Err(fmt::Error)
    }
}

/// Writes any `Display` escaped, keeping at most `max` characters when given.
pub(crate) fn write_display(out: &mut Vec<u8>, value: &dyn fmt::Display, max: Option<usize>) {
    let mark = out.len();
    let result = match max {
        None => write_fmt(out, format_args!("{value}")),
        Some(max) => fmt::write(
            &mut LimitedJsonWriter::new(out, max),
            format_args!("{value}"),
        ),
    };
    if result.is_err() {
        // A failing Display leaves an empty string rather than half a value.
        out.truncate(mark);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn esc(s: &str) -> String {
        let mut out = Vec::new();
        escape_str(&mut out, s);
        String::from_utf8(out).unwrap()
    }

    #[test]
    fn escapes_what_json_requires() {
        assert_eq!(esc(r#"a "b" \c"#), r#"a \"b\" \\c"#);
        assert_eq!(
            esc("\n\r\t\u{8}\u{c}\u{1}\u{1f}\u{0}"),
            r"\n\r\t\b\f\u0001\u001f\u0000"
        );
        assert_eq!(esc("トークン 🦀\u{7f}"), "トークン 🦀\u{7f}");
        assert_eq!(esc(""), "");
    }

    #[test]
    fn every_control_character_round_trips() {
        let all: String = (0u8..0x80).map(char::from).collect();
        let json = format!("\"{}\"", esc(&all));
        let back: String = serde_json::from_str(&json).unwrap();
        assert_eq!(back, all);
    }

    #[test]
    fn swar_scan_finds_every_escape_at_every_position() {
        for len in 0..20 {
            for at in 0..len {
                for special in [0u8, 0x1f, b'"', b'\\', b'\n'] {
                    let mut bytes = vec![b'a'; len];
                    bytes[at] = special;
                    let text = String::from_utf8(bytes).unwrap();
                    let mut expected = String::new();
                    for c in text.chars() {
                        match c {
                            '"' => expected.push_str("\\\""),
                            '\\' => expected.push_str("\\\\"),
                            '\n' => expected.push_str("\\n"),
                            c if (c as u32) < 0x20 => {
                                expected.push_str(&format!("\\u{:04x}", c as u32))
                            }
                            c => expected.push(c),
                        }
                    }
                    assert_eq!(esc(&text), expected, "{text:?}");
                    assert_eq!(clean_prefix(text.as_bytes()), at);
                }
            }
            assert_eq!(clean_prefix("b".repeat(len).as_bytes()), len);
        }
        // Bytes just around the tested ones are copied as is.
        let near = "\u{20}!#[]^\u{7f}\u{21}\u{23}\u{5b}\u{5d}abcdefgh";
        assert_eq!(esc(near), near);
    }

    #[test]
    fn write_fmt_escapes_what_display_prints() {
        let mut buf = b"kept \"".to_vec();
        let quoted = "\"x\"";
        write_fmt(&mut buf, format_args!("{}\t{quoted}\u{1}é", 1)).unwrap();
        assert_eq!(
            buf,
            br#"kept "1\t\"x\"\u0001"#.iter().chain("é".as_bytes()).copied().collect::<Vec<_>>()
        );
    }

    #[test]
    fn write_fmt_agrees_with_escape_str() {
        // Every byte below 0x80 at every place of a short and a long text.
        for len in [1, 7, 8, 9, 20] {
            for at in 0..len {
                for b in 0..0x80u8 {
                    let mut text = "a".repeat(len).into_bytes();
                    text[at] = b;
                    let text = String::from_utf8(text).unwrap();
                    let (mut printed, mut escaped) = (b"x".to_vec(), b"x".to_vec());
                    write_fmt(&mut printed, format_args!("{text}{text}")).unwrap();
                    escape_str(&mut escaped, &text.repeat(2));
                    assert_eq!(printed, escaped, "{text:?}");
                }
            }
        }
    }

    #[test]
    fn anchor_turns_underscores_into_dashes() {
        let mut out = Vec::new();
        escape_anchor(&mut out, "used_token_\"x");
        assert_eq!(out, br#"used-token-\"x"#);
    }

    #[test]
    fn limited_writer_cuts_at_char_boundaries() {
        use fmt::Write;
        let mut out = Vec::new();
        let mut w = LimitedJsonWriter::new(&mut out, 2);
        w.write_str("🦀").unwrap();
        w.write_str("é🦀x").unwrap();
        assert!(w.truncated());
        assert_eq!(String::from_utf8(out).unwrap(), "🦀é");

        let mut out = Vec::new();
        let mut w = LimitedJsonWriter::new(&mut out, 4);
        w.literal("a\"", "a\\\"").unwrap();
        w.literal("\n\nb", "\\n\\nb").unwrap();
        assert_eq!(String::from_utf8(out).unwrap(), "a\\\"\\n\\n");
    }
}
