//! A request's `Accept-Language`, parsed once into the ranges choosing reads: sorted by
//! q-value, malformed ranges dropped, hostile values bounded.

use crate::model::parts::{language_key, LONG_TAG};
use crate::request::quality::parse_q;

/// Most bytes of an `Accept-Language` value read; a longer value is ignored whole (the
/// default language is used), so a megabyte header costs one length check.
pub(crate) const MAX_HEADER_LEN: usize = 4096;

/// Most language ranges of an `Accept-Language` value considered; later ranges are ignored,
/// so a header of thousands of ranges costs no more than one of 32.
pub(crate) const MAX_RANGES: usize = 32;

/// Most bytes of a language range (RFC 4647 ranges are subtags of at most 8 characters; 64
/// bytes leave room for several): one bit per length in [`Lookup::steps`].
pub(crate) const MAX_RANGE_LEN: usize = 64;

/// One language range of an `Accept-Language` value, as [`Preferences`] keeps it: its span
/// in the value.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub(crate) struct Range {
    /// Where the range starts in the value.
    pub(crate) start: u16,
    /// Its q-value in thousandths.
    pub(crate) q: u16,
    /// Its length in bytes, at most [`MAX_RANGE_LEN`].
    pub(crate) len: u8,
    /// Whether it is `*`.
    pub(crate) wildcard: bool,
}

impl Range {
    /// The range's text in `header`, the value it was parsed from.
    pub(crate) fn text<'h>(&self, header: &'h str) -> &'h str {
        let start = usize::from(self.start);
        header
            .get(start..start + usize::from(self.len))
            .unwrap_or_default()
    }

    /// The range in `header` ready for RFC 4647 lookup.
    pub(crate) fn lookup<'h>(&self, header: &'h str) -> Lookup<'h> {
        let text = self.text(header);
        let steps = if self.wildcard { 0 } else { steps_of(text) };
        Lookup { text, steps }
    }
}

/// A language range and the prefixes RFC 4647 lookup tries.
pub(crate) struct Lookup<'h> {
    pub(crate) text: &'h str,
    /// The lengths of the prefixes lookup tries, longest first (section 3.4: the range
    /// itself, then without its last subtag and a single-letter subtag left before it, and
    /// so on): bit `n - 1` is set for a prefix of `n` bytes. `0` for `*`.
    pub(crate) steps: u64,
}

impl Lookup<'_> {
    /// Whether lookup reaches `lang` at one of its steps: `lang` has the length of a step
    /// and the range starts with it, compared case-insensitively.
    #[inline]
    pub(crate) fn reaches(&self, lang: &str) -> bool {
        let n = lang.len();
        n != 0
            && n <= self.text.len()
            && (self.steps >> (n - 1)) & 1 == 1
            && self.text.as_bytes()[..n].eq_ignore_ascii_case(lang.as_bytes())
    }
}

/// The lookup steps of `tag`, a language range (see [`Lookup::steps`]), `0` for `*`.
pub(crate) fn steps_of(tag: &str) -> u64 {
    let bytes = tag.as_bytes();
    if bytes == b"*" || bytes.is_empty() || bytes.len() > MAX_RANGE_LEN {
        return 0;
    }
    let last_dash = |end: usize| bytes[..end].iter().rposition(|&b| b == b'-');
    let mut steps = 0u64;
    let mut end = bytes.len();
    loop {
        steps |= 1 << (end - 1);
        // Drop the last subtag, and a single-letter subtag left before it.
        let Some(rest) = last_dash(end) else {
            return steps;
        };
        end = match last_dash(rest) {
            Some(before) if rest - before == 2 => before,
            _ => rest,
        };
    }
}

/// The language ranges of an `Accept-Language` value, parsed once when the request context
/// is built (as [`RequestContext::with_accept_language`](crate::RequestContext) does), so
/// that choosing a language for each body reads them without splitting text again: sorted
/// by q-value, the first one's lookup steps kept as keys. Each range is kept as its span in
/// the value; malformed ranges are dropped, a value longer than [`MAX_HEADER_LEN`] keeps
/// none.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct Preferences {
    /// The ranges with a q-value above 0 from the start, highest first (in the value's
    /// order on a tie); those with `q=0`, which exclude, from the end.
    pub(crate) ranges: [Range; MAX_RANGES],
    /// How many of `ranges` have a q-value above 0.
    pub(crate) wanted: u8,
    /// How many have `q=0`.
    pub(crate) excluded: u8,
    /// The lookup steps of the first range (by q-value) as [`language_key`]s, longest first
    /// ([`NO_STEP`] past the last), where they tell all a lookup of that range finds: it is
    /// not `*`, has at most [`KEYED_STEPS`] steps of at most eight bytes each, and no range
    /// excludes. All [`NO_STEP`] otherwise.
    pub(crate) first: [u64; KEYED_STEPS],
}

/// Most lookup steps of a range kept as keys ([`Preferences::first`]): `ja-JP` has two,
/// `en-Latn-US` three.
pub(crate) const KEYED_STEPS: usize = 3;

/// An unused step of [`Preferences::first`]: all bytes `0xFF` but the first, the key of no
/// tag (no UTF-8 text holds `0xFF`) and not [`LONG_TAG`].
pub(crate) const NO_STEP: u64 = LONG_TAG - 1;

impl Default for Preferences {
    fn default() -> Self {
        Preferences {
            ranges: [Range::default(); MAX_RANGES],
            wanted: 0,
            excluded: 0,
            first: [NO_STEP; KEYED_STEPS],
        }
    }
}

impl Preferences {
    /// The ranges of `header`.
    pub(crate) fn parse(header: &str) -> Self {
        let mut out = Preferences::default();
        if header.len() > MAX_HEADER_LEN {
            return out;
        }
        let bytes = header.as_bytes();
        let mut start = 0;
        // The first MAX_RANGES items between commas, as `split(',')` gives them.
        for _ in 0..MAX_RANGES {
            let end = bytes[start..]
                .iter()
                .position(|&b| b == b',')
                .map_or(bytes.len(), |at| start + at);
            // A comma is one byte of its own in UTF-8: both ends are char boundaries.
            if let Some((tag, q)) = parse_range(&header[start..end]) {
                // The tag's span within the value: `tag` is a subslice of `header`, and
                // spans fit (the value is at most MAX_HEADER_LEN bytes, a range
                // MAX_RANGE_LEN).
                let range = Range {
                    start: (tag.as_ptr() as usize - header.as_ptr() as usize) as u16,
                    q,
                    len: tag.len() as u8,
                    wildcard: tag == "*",
                };
                out.push(range);
            }
            if end == bytes.len() {
                break;
            }
            start = end + 1;
        }
        if out.excluded == 0 && out.wanted > 0 {
            out.key_first(header);
        }
        out
    }

    /// Adds `range`: a wanted one after every range of a q-value at least as high (sorted,
    /// stable), an excluding one from the end (the two never meet: MAX_RANGES in all).
    pub(crate) fn push(&mut self, range: Range) {
        if range.q == 0 {
            self.excluded += 1;
            self.ranges[MAX_RANGES - usize::from(self.excluded)] = range;
            return;
        }
        let wanted = usize::from(self.wanted);
        let at = self.ranges[..wanted]
            .iter()
            .position(|r| r.q < range.q)
            .unwrap_or(wanted);
        self.ranges.copy_within(at..wanted, at + 1);
        self.ranges[at] = range;
        self.wanted += 1;
    }

    /// Sets [`Preferences::first`] where the first range allows.
    pub(crate) fn key_first(&mut self, header: &str) {
        let Lookup { text, steps: all } = self.ranges[0].lookup(header);
        let mut steps = all;
        let mut first = [NO_STEP; KEYED_STEPS];
        for key in &mut first {
            if steps == 0 {
                break;
            }
            // The longest step left: its bit is the highest set.
            let len = 64 - steps.leading_zeros() as usize;
            steps &= !(1 << (len - 1));
            match text.get(..len) {
                Some(step) if len <= 8 => *key = language_key(step),
                _ => return,
            }
        }
        // A wildcard has no steps; a range with more steps than keys is not keyed either.
        if all != 0 && steps == 0 {
            self.first = first;
        }
    }

    /// The ranges that ask for a language, highest q-value first.
    pub(crate) fn wanted(&self) -> &[Range] {
        &self.ranges[..usize::from(self.wanted)]
    }

    /// The `q=0` ranges.
    pub(crate) fn excluding(&self) -> &[Range] {
        &self.ranges[MAX_RANGES - usize::from(self.excluded)..]
    }

    /// Whether a `q=0` range matches `language`: the range is `*`, equals it or is a prefix
    /// of it at a subtag boundary.
    pub(crate) fn excludes(&self, header: &str, language: &str) -> bool {
        self.excluding().iter().any(|range| {
            let tag = range.text(header);
            range.wildcard
                || language.eq_ignore_ascii_case(tag)
                || (language.len() > tag.len()
                    && language.as_bytes()[tag.len()] == b'-'
                    && language.as_bytes()[..tag.len()].eq_ignore_ascii_case(tag.as_bytes()))
        })
    }
}

/// `language-range [ ";" "q=" qvalue ]`: the range and its q-value in thousandths; `None`
/// for a malformed range. What [`parse_range_text`] answers, read byte by byte where the
/// text is ASCII (a header's usual value).
pub(crate) fn parse_range(text: &str) -> Option<(&str, u16)> {
    if !text.is_ascii() {
        return parse_range_text(text);
    }
    let bytes = text.as_bytes();
    let semicolon = |from: usize| {
        bytes[from..]
            .iter()
            .position(|&b| b == b';')
            .map_or(bytes.len(), |at| from + at)
    };
    let end = semicolon(0);
    let tag = trim_ascii(&text[..end]);
    if !(tag == "*" || is_language_range(tag)) {
        return None;
    }
    let mut q = 1000;
    let mut start = end + 1;
    while start <= bytes.len() {
        let end = semicolon(start);
        let param = &text[start..end];
        let equals = param.bytes().position(|b| b == b'=')?;
        if trim_ascii(&param[..equals]).eq_ignore_ascii_case("q") {
            q = parse_q(trim_ascii(&param[equals + 1..]))?;
        }
        start = end + 1;
    }
    Some((tag, q))
}

/// `text` without the whitespace `str::trim` removes, for ASCII text.
pub(crate) fn trim_ascii(text: &str) -> &str {
    text.trim_matches(|c: char| matches!(c, ' ' | '\t'..='\r'))
}

/// [`parse_range`] for any text: split and trimmed as `str` does.
pub(crate) fn parse_range_text(text: &str) -> Option<(&str, u16)> {
    let mut parts = text.split(';');
    let tag = parts.next()?.trim();
    if !(tag == "*" || is_language_range(tag)) {
        return None;
    }
    let mut q = 1000;
    for param in parts {
        let (name, value) = param.split_once('=')?;
        if name.trim().eq_ignore_ascii_case("q") {
            q = parse_q(value.trim())?;
        }
    }
    Some((tag, q))
}

/// A language range of `Accept-Language` (RFC 4647 section 2.1): subtags of 1 to 8
/// letters or digits separated by `-`, the first all letters.
pub(crate) fn is_language_range(tag: &str) -> bool {
    let bytes = tag.as_bytes();
    if bytes.is_empty() || bytes.len() > MAX_RANGE_LEN {
        return false;
    }
    let (mut first, mut subtag) = (true, 0);
    for &b in bytes {
        if b == b'-' {
            if subtag == 0 {
                return false;
            }
            (first, subtag) = (false, 0);
            continue;
        }
        let allowed = if first {
            b.is_ascii_alphabetic()
        } else {
            b.is_ascii_alphanumeric()
        };
        subtag += 1;
        if !allowed || subtag > 8 {
            return false;
        }
    }
    subtag > 0
}
