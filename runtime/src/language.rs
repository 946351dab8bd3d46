//! Languages: which of the languages an error is written in a request prefers
//! (`Accept-Language`, RFC 9110 section 12.5.4, with RFC 4647 lookup), and language tags.
//!
//! A body's language is a fact about its text: the language chosen here is the one the
//! title and detail are written in, and the one `Content-Language` names. A request's
//! preference for a language the error does not have changes nothing.

use crate::negotiate::parse_q;
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
    let primary = crate::format::primary(errors).meta();
    // The commonest case, an error in one language: nothing to choose.
    if primary.localized.is_empty() {
        let lang = primary.language;
        let defaults = errors
            .iter()
            .skip(1)
            .all(|e| e.meta().language.eq_ignore_ascii_case(lang));
        return Chosen {
            lang,
            negotiable: false,
            defaults,
        };
    }
    let mut available = [""; MAX_LANGUAGES];
    let mut count = 0;
    for lang in primary.languages().skip(1).take(MAX_LANGUAGES) {
        if errors.iter().all(|e| speaks(*e, lang, titled)) {
            available[count] = lang;
            count += 1;
        }
    }
    let default = primary.language;
    let lang = match count {
        // Nothing to choose from: no need to read the preferences.
        0 => default,
        _ => choose(ctx.preferences(), &available[..count], default),
    };
    let defaults = core::ptr::eq(lang, default)
        && errors
            .iter()
            .all(|e| e.meta().language.eq_ignore_ascii_case(lang));
    Chosen {
        lang,
        negotiable: count > 0,
        defaults,
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

/// The language ranges of an `Accept-Language` value, parsed once when the request context
/// is built (as [`RequestContext::with_accept_language`](crate::RequestContext) does), so
/// that choosing a language for each body reads them without splitting text again. Each
/// range is kept as its span in the value and its q-value; malformed ranges are dropped, a
/// value longer than [`MAX_HEADER_LEN`] keeps none.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct Preferences {
    /// `(start, end, q in thousandths)` of each range, in the value's order.
    ranges: [(u16, u16, u16); MAX_RANGES],
    count: u8,
}

impl Default for Preferences {
    fn default() -> Self {
        Preferences {
            ranges: [(0, 0, 0); MAX_RANGES],
            count: 0,
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
        let mut start = 0;
        for range in header.split(',').take(MAX_RANGES) {
            let end = start + range.len();
            if let Some((tag, q)) = parse_range(range) {
                // The tag's span within the value: `tag` is a subslice of `header`.
                let offset = tag.as_ptr() as usize - header.as_ptr() as usize;
                // Spans fit: the value is at most MAX_HEADER_LEN bytes.
                let span = (offset as u16, (offset + tag.len()) as u16, q);
                out.ranges[usize::from(out.count)] = span;
                out.count += 1;
            }
            start = end + 1;
        }
        out
    }

    /// Each range of `header` (the value these preferences were parsed from) with its
    /// q-value.
    fn ranges<'s, 'h: 's>(
        &'s self,
        header: &'h str,
    ) -> impl Iterator<Item = (&'h str, u16)> + Clone + 's {
        self.ranges[..usize::from(self.count)]
            .iter()
            .filter_map(move |&(start, end, q)| {
                header
                    .get(usize::from(start)..usize::from(end))
                    .map(|tag| (tag, q))
            })
    }
}

/// The language among `available` that the preferences (parsed from `header`) prefer,
/// else `default`.
///
/// Each language range (with its q-value, default 1) is looked up as RFC 4647 section 3.4
/// describes: the range itself, then the range with its last subtag removed, and so on
/// (`ja-JP` falls back to `ja`), compared case-insensitively. The range with the highest
/// q-value that finds a language wins, the earlier one on a tie; `*` stands for `default`.
/// A range with `q=0` excludes the languages it matches (`ja;q=0` excludes `ja` and
/// `ja-JP`). A malformed range is skipped; a value that is too long, or finds nothing,
/// gives `default`. Nothing is allocated.
///
/// (`tests/test_languages.rs` has the matrix of headers and answers.)
pub(crate) fn choose<'a>(
    preferences: Option<(&str, &Preferences)>,
    available: &[&'a str],
    default: &'a str,
) -> &'a str {
    let Some((header, preferences)) = preferences else {
        return default;
    };
    let ranges = preferences.ranges(header);
    // (q in thousandths, the language) of the best range so far.
    let mut best: Option<(u16, &'a str)> = None;
    for (tag, q) in ranges.clone() {
        if q == 0 || best.is_some_and(|(best_q, _)| best_q >= q) {
            continue;
        }
        let found = if tag == "*" {
            Some(default)
        } else {
            lookup(tag, available).or_else(|| lookup(tag, &[default]))
        };
        if let Some(language) = found.filter(|l| !excluded(ranges.clone(), l)) {
            best = Some((q, language));
        }
    }
    best.map_or(default, |(_, language)| language)
}

/// The language of `available` that `range` finds by RFC 4647 lookup.
fn lookup<'a>(range: &str, available: &[&'a str]) -> Option<&'a str> {
    let mut prefix = range;
    loop {
        if let Some(found) = available.iter().find(|a| a.eq_ignore_ascii_case(prefix)) {
            return Some(found);
        }
        // Drop the last subtag, and a single-letter subtag left before it (RFC 4647 3.4).
        let (rest, _) = prefix.rsplit_once('-')?;
        prefix = match rest.rsplit_once('-') {
            Some((before, last)) if last.len() == 1 => before,
            _ => rest,
        };
    }
}

/// Whether a `q=0` range matches `language`: the range equals it or is a prefix of it at a
/// subtag boundary.
fn excluded<'h>(mut ranges: impl Iterator<Item = (&'h str, u16)>, language: &str) -> bool {
    ranges.any(|(tag, q)| {
        q == 0
            && (tag == "*"
                || language.eq_ignore_ascii_case(tag)
                || (language.len() > tag.len()
                    && language.as_bytes()[tag.len()] == b'-'
                    && language[..tag.len()].eq_ignore_ascii_case(tag)))
    })
}

/// `language-range [ ";" "q=" qvalue ]`: the range and its q-value in thousandths; `None`
/// for a malformed range.
fn parse_range(text: &str) -> Option<(&str, u16)> {
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
        assert_eq!(Preferences::parse("ja, th;q=0.5, x_y").count, 2);
    }

    #[test]
    fn oney_codes() {
        assert_eq!(iso639_1("pt-BR"), Some(*b"PT"));
        assert_eq!(iso639_1("fil"), None);
    }
}
