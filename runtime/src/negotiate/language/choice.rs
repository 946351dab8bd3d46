//! Choosing a translation from parsed `Accept-Language` preferences: the methods of
//! [`Preferences`] that negotiation adds to what the request layer parsed.

use crate::model::parts::{language_key, LanguageParts};
use crate::negotiate::language::{Asked, Quick, MAX_LANGUAGES};
use crate::request::preferences::{Preferences, NO_STEP};

impl Preferences {
    /// [`quick`] for `translations` and `default`, with `header` the value these
    /// preferences were parsed from: [`Preferences::choose`] where every candidate counts,
    /// for preferences that exclude nothing (else [`Quick::Unsure`]): the first range, by
    /// q-value, that reaches a language decides.
    #[inline]
    pub(crate) fn quick<'h, 'p>(
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
    pub(crate) fn choose<'a>(
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
