//! A request's `Accept-Language`, parsed once into the ranges choosing reads: sorted by
//! q-value, malformed ranges dropped, hostile values bounded.

use super::{Asked, Quick, MAX_LANGUAGES};
use crate::negotiate::parse_q;
use crate::parts::{language_key, LanguageParts, LONG_TAG};

/// Most bytes of an `Accept-Language` value read; a longer value is ignored whole (the
/// default language is used), so a megabyte header costs one length check.
pub(super) const MAX_HEADER_LEN: usize = 4096;

/// Most language ranges of an `Accept-Language` value considered; later ranges are ignored,
/// so a header of thousands of ranges costs no more than one of 32.
pub(super) const MAX_RANGES: usize = 32;

/// Most bytes of a language range (RFC 4647 ranges are subtags of at most 8 characters; 64
/// bytes leave room for several): one bit per length in [`Lookup::steps`].
const MAX_RANGE_LEN: usize = 64;

/// One language range of an `Accept-Language` value, as [`Preferences`] keeps it: its span
/// in the value.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub(super) struct Range {
    /// Where the range starts in the value.
    start: u16,
    /// Its q-value in thousandths.
    q: u16,
    /// Its length in bytes, at most [`MAX_RANGE_LEN`].
    len: u8,
    /// Whether it is `*`.
    wildcard: bool,
}

impl Range {
    /// The range's text in `header`, the value it was parsed from.
    fn text<'h>(&self, header: &'h str) -> &'h str {
        let start = usize::from(self.start);
        header
            .get(start..start + usize::from(self.len))
            .unwrap_or_default()
    }

    /// The range in `header` ready for RFC 4647 lookup.
    fn lookup<'h>(&self, header: &'h str) -> Lookup<'h> {
        let text = self.text(header);
        let steps = if self.wildcard { 0 } else { steps_of(text) };
        Lookup { text, steps }
    }
}

/// A language range and the prefixes RFC 4647 lookup tries.
struct Lookup<'h> {
    text: &'h str,
    /// The lengths of the prefixes lookup tries, longest first (section 3.4: the range
    /// itself, then without its last subtag and a single-letter subtag left before it, and
    /// so on): bit `n - 1` is set for a prefix of `n` bytes. `0` for `*`.
    steps: u64,
}

impl Lookup<'_> {
    /// Whether lookup reaches `lang` at one of its steps: `lang` has the length of a step
    /// and the range starts with it, compared case-insensitively.
    #[inline]
    fn reaches(&self, lang: &str) -> bool {
        let n = lang.len();
        n != 0
            && n <= self.text.len()
            && (self.steps >> (n - 1)) & 1 == 1
            && self.text.as_bytes()[..n].eq_ignore_ascii_case(lang.as_bytes())
    }
}

/// The lookup steps of `tag`, a language range (see [`Lookup::steps`]), `0` for `*`.
pub(super) fn steps_of(tag: &str) -> u64 {
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
    ranges: [Range; MAX_RANGES],
    /// How many of `ranges` have a q-value above 0.
    pub(super) wanted: u8,
    /// How many have `q=0`.
    pub(super) excluded: u8,
    /// The lookup steps of the first range (by q-value) as [`language_key`]s, longest first
    /// ([`NO_STEP`] past the last), where they tell all a lookup of that range finds: it is
    /// not `*`, has at most [`KEYED_STEPS`] steps of at most eight bytes each, and no range
    /// excludes. All [`NO_STEP`] otherwise.
    pub(super) first: [u64; KEYED_STEPS],
}

/// Most lookup steps of a range kept as keys ([`Preferences::first`]): `ja-JP` has two,
/// `en-Latn-US` three.
const KEYED_STEPS: usize = 3;

/// An unused step of [`Preferences::first`]: all bytes `0xFF` but the first, the key of no
/// tag (no UTF-8 text holds `0xFF`) and not [`LONG_TAG`].
const NO_STEP: u64 = LONG_TAG - 1;

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
    fn push(&mut self, range: Range) {
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
    fn key_first(&mut self, header: &str) {
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
    fn wanted(&self) -> &[Range] {
        &self.ranges[..usize::from(self.wanted)]
    }

    /// The `q=0` ranges.
    pub(super) fn excluding(&self) -> &[Range] {
        &self.ranges[MAX_RANGES - usize::from(self.excluded)..]
    }

    /// Whether a `q=0` range matches `language`: the range is `*`, equals it or is a prefix
    /// of it at a subtag boundary.
    fn excludes(&self, header: &str, language: &str) -> bool {
        self.excluding().iter().any(|range| {
            let tag = range.text(header);
            range.wildcard
                || language.eq_ignore_ascii_case(tag)
                || (language.len() > tag.len()
                    && language.as_bytes()[tag.len()] == b'-'
                    && language.as_bytes()[..tag.len()].eq_ignore_ascii_case(tag.as_bytes()))
        })
    }

    /// [`quick`] for `translations` and `default`, with `header` the value these
    /// preferences were parsed from: [`Preferences::choose`] where every candidate counts,
    /// for preferences that exclude nothing (else [`Quick::Unsure`]): the first range, by
    /// q-value, that reaches a language decides.
    #[inline]
    pub(super) fn quick<'h, 'p>(
        &self,
        translations: &'p [LanguageParts],
        header: impl Fn() -> &'h str,
        default: impl Fn() -> &'static str,
    ) -> Quick<'p> {
        // The commonest answers from the keys alone; the text is read from the first range
        // they cannot answer for.
        let translations = translations.get(..MAX_LANGUAGES).unwrap_or(translations);
        match self.quick_by_key(translations) {
            Ok(quick) => quick,
            Err(from) => self.quick_by_text(from, translations, header, default),
        }
    }

    /// [`Preferences::quick`] where the keys do not answer: from the range at `from` on
    /// (1 after a keyed first range, which reaches no translation), comparing text.
    #[inline(never)]
    fn quick_by_text<'h, 'p>(
        &self,
        from: usize,
        translations: &'p [LanguageParts],
        header: impl Fn() -> &'h str,
        default: impl Fn() -> &'static str,
    ) -> Quick<'p> {
        if self.excluded != 0 {
            return Quick::Unsure;
        }
        if self.wanted == 0 {
            return Quick::Default;
        }
        let (header, default) = (header(), default());
        // A keyed first range that reaches no translation may reach the default.
        if from > 0 && self.first.contains(&language_key(default)) {
            return Quick::Default;
        }
        for range in self.wanted().get(from..).unwrap_or_default() {
            if range.wildcard {
                return Quick::Default;
            }
            let lookup = range.lookup(header);
            // The longest step that reaches a translation, the first on a tie.
            let mut best: Option<(usize, &LanguageParts)> = None;
            for (i, t) in translations.iter().enumerate() {
                let longer = best.map_or(true, |(_, b)| t.lang.len() > b.lang.len());
                if longer && lookup.reaches(t.lang) {
                    best = Some((i, t));
                }
            }
            if let Some((i, t)) = best {
                return Quick::Translation(i, t);
            }
            if lookup.reaches(default) {
                return Quick::Default;
            }
        }
        Quick::Default
    }

    /// [`Preferences::quick`] by the keys of the first range's steps and of the
    /// translations: its answer where the first range (by q-value) is keyed and reaches a
    /// translation, else the position of the range from which the text must be compared
    /// for a translation (1 after a keyed first range, which reaches none).
    #[inline]
    fn quick_by_key<'p>(&self, translations: &'p [LanguageParts]) -> Result<Quick<'p>, usize> {
        // Where the first range is not keyed, its keys are all NO_STEP and find nothing.
        let not_found = Err(usize::from(self.first[0] != NO_STEP));
        // RFC 4647 lookup: the first translation that is the longest step, else the first
        // that is the next step, and so on.
        for step in &self.first {
            if *step == NO_STEP {
                break;
            }
            if let Some(i) = translations.iter().position(|t| t.key == *step) {
                return Ok(Quick::Translation(i, &translations[i]));
            }
        }
        not_found
    }

    /// The language among `candidates` that these preferences (parsed from `header`)
    /// prefer, `None` for `default`; a candidate counts only where `speaks` says so, asked
    /// only when the candidate would be chosen, once (the answers are kept in `asked`, by
    /// the candidate's position).
    ///
    /// Each language range is looked up as RFC 4647 section 3.4 describes: the range
    /// itself, then the range with its last subtag removed, and so on (`ja-JP` falls back to
    /// `ja`), compared case-insensitively, among the candidates first, then `default`. The
    /// range with the highest q-value that finds a language wins, the earlier one on a tie;
    /// `*` stands for `default`. A range with `q=0` excludes the languages it matches
    /// (`ja;q=0` excludes `ja` and `ja-JP`). Nothing is allocated; the time is bounded by
    /// [`MAX_RANGES`] and the number of candidates.
    pub(super) fn choose<'a>(
        &self,
        header: &str,
        candidates: impl Iterator<Item = &'a str> + Clone,
        default: &str,
        asked: &mut Asked,
        speaks: impl Fn(&'a str) -> bool,
    ) -> Option<(usize, &'a str)> {
        for range in self.wanted() {
            let lookup = range.lookup(header);
            let found = if range.wildcard {
                None
            } else {
                loop {
                    // The longest step that reaches a candidate, the first on a tie.
                    let mut best: Option<(usize, &'a str)> = None;
                    for (i, lang) in candidates.clone().enumerate() {
                        if !asked.refused(i)
                            && best.map_or(true, |(_, b)| lang.len() > b.len())
                            && lookup.reaches(lang)
                        {
                            best = Some((i, lang));
                        }
                    }
                    match best {
                        Some((i, lang)) if !asked.answer(i, || speaks(lang)) => {}
                        found => break found,
                    }
                }
            };
            match found {
                // A range that finds nothing (not even the default) chooses nothing.
                None if !range.wildcard && !lookup.reaches(default) => continue,
                None if self.excludes(header, default) => continue,
                None => return None,
                Some((_, lang)) if self.excludes(header, lang) => continue,
                found => return found,
            }
        }
        None
    }
}

/// `language-range [ ";" "q=" qvalue ]`: the range and its q-value in thousandths; `None`
/// for a malformed range. What [`parse_range_text`] answers, read byte by byte where the
/// text is ASCII (a header's usual value).
pub(super) fn parse_range(text: &str) -> Option<(&str, u16)> {
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
fn trim_ascii(text: &str) -> &str {
    text.trim_matches(|c: char| matches!(c, ' ' | '\t'..='\r'))
}

/// [`parse_range`] for any text: split and trimmed as `str` does.
pub(super) fn parse_range_text(text: &str) -> Option<(&str, u16)> {
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
pub(super) fn is_language_range(tag: &str) -> bool {
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
