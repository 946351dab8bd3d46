//! Languages: which of the languages an error is written in a request prefers
//! (`Accept-Language`, RFC 9110 section 12.5.4, with RFC 4647 lookup), and language tags.
//!
//! A body's language is a fact about its text: the language chosen here is the one the
//! title and detail are written in, and the one `Content-Language` names. A request's
//! preference for a language the error does not have changes nothing.

use crate::negotiate::parse_q;
use crate::parts::{language_key, JsonParts, LanguageParts, LONG_TAG};
use crate::{ApiError, RequestContext};

/// The language argument of the formats' writers that means "each error's own default
/// language": the body is then written from the derive's pre-escaped parts, with no
/// comparison of language tags on the way (the commonest body costs nothing more).
pub(crate) const DEFAULT: &str = "";

/// The language a body is written in, and whether the request's preferences could have
/// chosen another (then the response varies with `Accept-Language`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct Chosen {
    pub(crate) lang: &'static str,
    pub(crate) negotiable: bool,
    /// Whether `lang` is every error's default language.
    pub(crate) defaults: bool,
}

impl Chosen {
    /// The language argument for the writers: [`DEFAULT`] where every error is written in
    /// its default language.
    pub(crate) fn written(&self) -> &'static str {
        if self.defaults {
            DEFAULT
        } else {
            self.lang
        }
    }
}

/// Most languages of one error considered; an error with more translations is offered in
/// its first 16.
const MAX_LANGUAGES: usize = 16;

/// The language to write `errors` in: among the languages the first error has that every
/// error has too (with a title in it where the format writes one: `titled`), the one
/// `accept_language` prefers; else the first error's default language.
///
/// A language counts only where each error can write its message in it
/// ([`ApiError::has_message_in`]), so a body is never labelled with a language its text is
/// not in. Nothing is allocated.
pub(crate) fn for_errors(
    errors: &[&dyn ApiError],
    ctx: &RequestContext<'_>,
    titled: bool,
) -> Chosen {
    decide(errors, ctx, titled, true)
}

/// The language argument of the writers for `errors` (see [`Chosen::written`]): what
/// [`for_errors`] chooses, without finding out whether the response varies, which only a
/// response's `Vary` needs.
pub(crate) fn written(
    errors: &[&dyn ApiError],
    ctx: &RequestContext<'_>,
    titled: bool,
) -> &'static str {
    decide(errors, ctx, titled, false).written()
}

/// [`for_errors`]; `negotiable` is only worked out where `vary` (else `false`).
///
/// The languages are those of the first error's metadata (its translated messages, the
/// first [`MAX_LANGUAGES`]), each asked of every error ([`speaks`]) only when the
/// preferences would choose it, and at most once: choosing among the languages that every
/// error speaks, without asking about the others.
#[inline]
fn decide(errors: &[&dyn ApiError], ctx: &RequestContext<'_>, titled: bool, vary: bool) -> Chosen {
    let primary = crate::format::primary(errors).meta();
    let default = primary.language;
    // The commonest case, an error in one language: nothing to choose.
    if primary.localized.is_empty() {
        let defaults = errors
            .iter()
            .skip(1)
            .all(|e| e.meta().language.eq_ignore_ascii_case(default));
        return Chosen {
            lang: default,
            negotiable: false,
            defaults,
        };
    }
    let candidates = primary
        .localized
        .iter()
        .filter_map(|l| l.message.map(|_| l.lang))
        .take(MAX_LANGUAGES);
    let speaks_all = |lang: &str| errors.iter().all(|e| speaks(*e, lang, titled));
    let mut asked = Asked::default();
    let found = match ctx.preferences() {
        Some((header, preferences)) => {
            preferences.choose(header, candidates.clone(), default, &mut asked, speaks_all)
        }
        None => None,
    };
    let (lang, negotiable) = match found {
        Some((_, lang)) => (lang, true),
        // Another value could have chosen a language every error speaks, if there is one.
        None => (
            default,
            vary && candidates
                .enumerate()
                .any(|(i, lang)| asked.answer(i, || speaks_all(lang))),
        ),
    };
    let defaults = found.is_none()
        && errors
            .iter()
            .all(|e| e.meta().language.eq_ignore_ascii_case(lang));
    Chosen {
        lang,
        negotiable,
        defaults,
    }
}

/// What a request's preferences choose for one error with derived parts, without asking
/// the error anything: see [`quick`].
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Quick<'p> {
    /// The default language, whatever the error speaks.
    Default,
    /// The translation at this position of `JsonParts::translations` (and that entry), if
    /// the error speaks it; `ApiError::write_json_rest_in` answers `Ok` exactly then.
    Translation(usize, &'p LanguageParts),
    /// Not known this way: [`for_errors`] says.
    Unsure,
}

/// The language a body of one error with the derive's `parts` is written in for `ctx`,
/// from the parts' table of translations alone: [`for_errors`]'s answer where the error
/// speaks the translation chosen (which writing it proves), with nothing asked of the
/// error on the way but its default language (`default`), and that only where a range
/// reaches no translation.
///
/// Where the preferences exclude languages (`q=0`), a language passed over could have
/// been asked about, and the answer is [`Quick::Unsure`].
#[inline]
pub(crate) fn quick<'p>(
    parts: &'p JsonParts,
    ctx: &RequestContext<'_>,
    default: impl Fn() -> &'static str,
) -> Quick<'p> {
    let preferences = ctx.parsed_preferences();
    match parts.translations {
        [] => Quick::Default,
        // The commonest case, one translation: chosen where the first range is keyed and
        // it is one of its steps.
        [t] if preferences.first.contains(&t.key) => Quick::Translation(0, t),
        translations => preferences.quick(
            translations,
            || ctx.accept_language().unwrap_or_default(),
            default,
        ),
    }
}

/// What was found out about each candidate language (by its position among them): whether
/// every error speaks it. Each is asked at most once.
#[derive(Debug, Default)]
struct Asked {
    known: u16,
    yes: u16,
}

impl Asked {
    fn answer(&mut self, i: usize, ask: impl FnOnce() -> bool) -> bool {
        let bit = 1u16 << (i % MAX_LANGUAGES);
        if self.known & bit == 0 {
            self.known |= bit;
            if ask() {
                self.yes |= bit;
            }
        }
        self.yes & bit != 0
    }

    /// Whether candidate `i` was asked about and does not count.
    fn refused(&self, i: usize) -> bool {
        let bit = 1u16 << (i % MAX_LANGUAGES);
        self.known & !self.yes & bit != 0
    }
}

/// Whether `err` has its message (and, where `titled`, its title) in `lang`.
fn speaks(err: &dyn ApiError, lang: &str, titled: bool) -> bool {
    let meta = err.meta();
    if lang.eq_ignore_ascii_case(meta.language) {
        return true;
    }
    // The value decides, not only its metadata: a field may replace the message, and a
    // wrapper that does not forward the translations writes its default language.
    err.has_message_in(lang) && (!titled || meta.title_in(lang).is_some())
}

/// Most bytes of an `Accept-Language` value read; a longer value is ignored whole (the
/// default language is used), so a megabyte header costs one length check.
const MAX_HEADER_LEN: usize = 4096;

/// Most language ranges of an `Accept-Language` value considered; later ranges are ignored,
/// so a header of thousands of ranges costs no more than one of 32.
const MAX_RANGES: usize = 32;

/// Most bytes of a language range (RFC 4647 ranges are subtags of at most 8 characters; 64
/// bytes leave room for several): one bit per length in [`Lookup::steps`].
const MAX_RANGE_LEN: usize = 64;

/// One language range of an `Accept-Language` value, as [`Preferences`] keeps it: its span
/// in the value.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
struct Range {
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
fn steps_of(tag: &str) -> u64 {
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
    wanted: u8,
    /// How many have `q=0`.
    excluded: u8,
    /// The lookup steps of the first range (by q-value) as [`language_key`]s, longest first
    /// ([`NO_STEP`] past the last), where they tell all a lookup of that range finds: it is
    /// not `*`, has at most [`KEYED_STEPS`] steps of at most eight bytes each, and no range
    /// excludes. All [`NO_STEP`] otherwise.
    first: [u64; KEYED_STEPS],
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
    fn excluding(&self) -> &[Range] {
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
    fn quick<'h, 'p>(
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
                let longer = best.is_none_or(|(_, b)| t.lang.len() > b.lang.len());
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
    fn choose<'a>(
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
                            && best.is_none_or(|(_, b)| lang.len() > b.len())
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

/// The language among `available` that the preferences (parsed from `header`) prefer,
/// else `default`: [`Preferences::choose`] among languages that all count.
///
/// (`tests/test_languages.rs` has the matrix of headers and answers.)
#[cfg(test)]
fn choose<'a>(
    preferences: Option<(&str, &Preferences)>,
    available: &[&'a str],
    default: &'a str,
) -> &'a str {
    let Some((header, preferences)) = preferences else {
        return default;
    };
    preferences
        .choose(
            header,
            available.iter().copied(),
            default,
            &mut Asked::default(),
            |_| true,
        )
        .map_or(default, |(_, lang)| lang)
}

/// `language-range [ ";" "q=" qvalue ]`: the range and its q-value in thousandths; `None`
/// for a malformed range. What [`parse_range_text`] answers, read byte by byte where the
/// text is ASCII (a header's usual value).
fn parse_range(text: &str) -> Option<(&str, u16)> {
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
fn parse_range_text(text: &str) -> Option<(&str, u16)> {
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
fn is_language_range(tag: &str) -> bool {
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

/// The primary subtag of `tag` in upper case when it is two letters (ISO 639-1), as Oney's
/// `language_code` writes it: `pt-BR` gives `PT`.
pub(crate) fn iso639_1(tag: &str) -> Option<[u8; 2]> {
    match tag.split('-').next().unwrap_or("").as_bytes() {
        [a, b] if a.is_ascii_alphabetic() && b.is_ascii_alphabetic() => {
            Some([a.to_ascii_uppercase(), b.to_ascii_uppercase()])
        }
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const AVAILABLE: [&str; 3] = ["ja", "th", "pt-BR"];

    fn pick(header: &str) -> &'static str {
        let preferences = Preferences::parse(header);
        choose(Some((header, &preferences)), &AVAILABLE, "en")
    }

    #[test]
    fn lookup_truncates_ranges() {
        assert_eq!(pick("ja-JP"), "ja");
        assert_eq!(pick("JA"), "ja");
        assert_eq!(pick("pt-BR-x-foo"), "pt-BR");
        assert_eq!(pick("pt"), "en");
        assert_eq!(pick("zh-Hant-TW"), "en");
        assert_eq!(pick("en-GB"), "en");
    }

    #[test]
    fn quality_orders_and_zero_excludes() {
        assert_eq!(pick("th;q=0.5, ja;q=0.8"), "ja");
        assert_eq!(pick("th, ja"), "th");
        assert_eq!(pick("ja;q=0, ja-JP"), "en");
        assert_eq!(pick("*;q=0.5, th;q=0.4"), "en");
        assert_eq!(pick("fr, *;q=0.1"), "en");
        assert_eq!(pick("en;q=0, th;q=0.1"), "th");
        assert_eq!(pick("ja;q=1.000"), "ja");
    }

    #[test]
    fn malformed_and_hostile_values_give_the_default() {
        for header in [
            "",
            ",,,",
            "ja;q=2",
            "ja;q=0.5.5",
            "1ja",
            "ja_JP",
            "\u{0}ja",
            "ja;q",
        ] {
            assert_eq!(pick(header), "en", "{header:?}");
        }
        assert_eq!(pick("bogus, th"), "th");
        let many = "xx, ".repeat(10_000) + "ja";
        assert_eq!(pick(&many), "en");
        let long = format!("ja, {}", "a".repeat(1 << 20));
        assert_eq!(pick(&long), "en");
        assert_eq!(choose(None, &AVAILABLE, "en"), "en");
        let parsed = Preferences::parse("ja, th;q=0.5, x_y, th;q=0");
        assert_eq!((parsed.wanted, parsed.excluded), (2, 1));
    }

    /// The lookup as first written (each range split again per body, RFC 4647 lookup by
    /// truncation), among the languages that count: what the parsed preferences must agree
    /// with.
    fn reference<'a>(header: &str, available: &[&'a str], default: &'a str) -> &'a str {
        if header.len() > MAX_HEADER_LEN {
            return default;
        }
        let ranges: Vec<(&str, u16)> = header
            .split(',')
            .take(MAX_RANGES)
            .filter_map(parse_range)
            .collect();
        let lookup = |range: &str, available: &[&'a str]| -> Option<&'a str> {
            let mut prefix = range;
            loop {
                if let Some(found) = available.iter().find(|a| a.eq_ignore_ascii_case(prefix)) {
                    return Some(*found);
                }
                let (rest, _) = prefix.rsplit_once('-')?;
                prefix = match rest.rsplit_once('-') {
                    Some((before, last)) if last.len() == 1 => before,
                    _ => rest,
                };
            }
        };
        let excluded = |language: &str| {
            ranges.iter().any(|&(tag, q)| {
                q == 0
                    && (tag == "*"
                        || language.eq_ignore_ascii_case(tag)
                        || (language.len() > tag.len()
                            && language.as_bytes()[tag.len()] == b'-'
                            && language[..tag.len()].eq_ignore_ascii_case(tag)))
            })
        };
        let mut best: Option<(u16, &'a str)> = None;
        for &(tag, q) in &ranges {
            if q == 0 || best.is_some_and(|(best_q, _)| best_q >= q) {
                continue;
            }
            let found = if tag == "*" {
                Some(default)
            } else {
                lookup(tag, available).or_else(|| lookup(tag, &[default]))
            };
            if let Some(language) = found.filter(|l| !excluded(l)) {
                best = Some((q, language));
            }
        }
        best.map_or(default, |(_, language)| language)
    }

    /// Random headers from a small vocabulary, random candidates of which a random part
    /// counts: the parsed preferences choose what the first implementation chose, and ask
    /// about each candidate at most once.
    #[test]
    fn agrees_with_the_reference_lookup() {
        const TAGS: [&str; 16] = [
            "ja",
            "JA-jp",
            "ja-JP",
            "th",
            "th-TH",
            "en",
            "EN-us",
            "pt-BR",
            "pt",
            "pt-br-x-a",
            "*",
            "zh-Hant-TW",
            "zh-Hant",
            "x-klingon",
            "ja-a-bb-c",
            "en-a-b-ccc",
        ];
        const Q: [&str; 8] = [
            "", ";q=0", ";q=1", ";q=0.5", ";q=0.500", ";q=0.9", ";q=2", ";Q=0.1",
        ];
        const LANGS: [&str; 10] = [
            "ja",
            "th",
            "pt-BR",
            "pt",
            "en-US",
            "zh-Hant",
            "x-klingon",
            "JA-JP",
            "ja-a-bb",
            "en-a",
        ];
        let mut seed = 0x9e37_79b9_7f4a_7c15u64;
        let mut next = move |n: usize| {
            seed ^= seed << 13;
            seed ^= seed >> 7;
            seed ^= seed << 17;
            (seed % n as u64) as usize
        };
        for _ in 0..20_000 {
            let header = (0..next(6))
                .map(|_| format!("{}{}", TAGS[next(TAGS.len())], Q[next(Q.len())]))
                .collect::<Vec<_>>()
                .join(", ");
            let candidates: Vec<&str> = (0..next(5)).map(|_| LANGS[next(LANGS.len())]).collect();
            let counts: Vec<bool> = candidates.iter().map(|_| next(3) != 0).collect();
            let default = ["en", "ja", "en-US"][next(3)];
            let available: Vec<&str> = candidates
                .iter()
                .zip(&counts)
                .filter(|(_, c)| **c)
                .map(|(l, _)| *l)
                .collect();
            let expected = reference(&header, &available, default);
            let preferences = Preferences::parse(&header);
            let asked = core::cell::RefCell::new(vec![0; candidates.len()]);
            let chosen = preferences
                .choose(
                    &header,
                    candidates.iter().copied(),
                    default,
                    &mut Asked::default(),
                    |lang| {
                        // Candidates may repeat: the first of this tag not yet asked about.
                        let mut asked = asked.borrow_mut();
                        let i = (0..candidates.len())
                            .find(|i| candidates[*i] == lang && asked[*i] == 0)
                            .expect("each candidate asked about once");
                        asked[i] += 1;
                        counts[i]
                    },
                )
                .map_or(default, |(_, lang)| lang);
            assert_eq!(
                chosen, expected,
                "{header:?} {candidates:?} {counts:?} {default}"
            );
            // The parts' table, where every candidate counts: the same answer, or none.
            let translations: Vec<LanguageParts> = candidates
                .iter()
                .map(|lang| LanguageParts {
                    lang,
                    key: language_key(lang),
                    lead: "",
                    omise_head: "",
                })
                .collect();
            let parts = JsonParts {
                code: "",
                message: None,
                lead: None,
                omise_head: "",
                status_head: "",
                google_reason: "",
                location: None,
                // JsonParts hold static tables: a few bytes leaked per case.
                translations: Vec::leak(translations),
            };
            let ctx = RequestContext::new()
                .with_accept_language(header.clone())
                .unwrap();
            let expected = reference(&header, &candidates, default);
            match quick(&parts, &ctx, || default) {
                Quick::Unsure => assert!(!preferences.excluding().is_empty(), "{header:?}"),
                Quick::Default => assert_eq!(expected, default, "{header:?} {candidates:?}"),
                Quick::Translation(i, t) => {
                    assert_eq!(candidates[i], expected, "{header:?} {candidates:?}");
                    assert_eq!(t.lang, expected);
                }
            }
        }
    }

    /// The byte-by-byte reading of a range agrees with splitting text.
    #[test]
    fn ranges_read_as_text_reads_them() {
        let split_range = |tag: &str| {
            !tag.is_empty()
                && tag.len() <= 64
                && tag.split('-').enumerate().all(|(i, sub)| {
                    (1..=8).contains(&sub.len())
                        && if i == 0 {
                            sub.bytes().all(|b| b.is_ascii_alphabetic())
                        } else {
                            sub.bytes().all(|b| b.is_ascii_alphanumeric())
                        }
                })
        };
        const PIECES: [&str; 22] = [
            "ja",
            "-",
            "JP",
            ";",
            "q",
            "Q",
            "=",
            "0",
            "1",
            ".",
            "5",
            "000",
            " ",
            "\u{b}",
            "*",
            "abcdefghi",
            "x",
            "\u{a0}",
            "é",
            ",",
            "",
            "q=0.5",
        ];
        let mut seed = 0x2545_f491_4f6c_dd1du64;
        let mut next = move |n: usize| {
            seed ^= seed << 13;
            seed ^= seed >> 7;
            seed ^= seed << 17;
            (seed % n as u64) as usize
        };
        for _ in 0..50_000 {
            let text: String = (0..next(8)).map(|_| PIECES[next(PIECES.len())]).collect();
            assert_eq!(parse_range(&text), parse_range_text(&text), "{text:?}");
            assert_eq!(is_language_range(&text), split_range(&text), "{text:?}");
            let steps = |tag: &str| {
                let mut steps = 0u64;
                let mut prefix = tag;
                loop {
                    steps |= 1 << (prefix.len() - 1);
                    let Some((rest, _)) = prefix.rsplit_once('-') else {
                        return steps;
                    };
                    prefix = match rest.rsplit_once('-') {
                        Some((before, last)) if last.len() == 1 => before,
                        _ => rest,
                    };
                }
            };
            if text != "*" && split_range(&text) {
                assert_eq!(steps_of(&text), steps(&text), "{text:?}");
            }
        }
    }

    #[test]
    fn oney_codes() {
        assert_eq!(iso639_1("pt-BR"), Some(*b"PT"));
        assert_eq!(iso639_1("fil"), None);
    }
}
