//! The choice of a language against the header matrix, and the lookup against a plain
//! reading of RFC 4647.

use super::*;
use crate::model::parts::language_key;
use crate::request::preferences::{
    is_language_range, parse_range, parse_range_text, steps_of, Preferences, MAX_HEADER_LEN,
    MAX_RANGES,
};

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
            google_unit: None,
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

/// The language among `available` that the preferences (parsed from `header`) prefer,
/// else `default`: [`Preferences::choose`] among languages that all count.
///
/// (`tests/formats/languages.rs` has the matrix of headers and answers.)
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
