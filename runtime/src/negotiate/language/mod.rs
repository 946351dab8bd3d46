//! Languages: which of the languages an error is written in a request prefers
//! (`Accept-Language`, RFC 9110 section 12.5.4, with RFC 4647 lookup), and language tags.
//!
//! A body's language is a fact about its text: the language chosen here is the one the
//! title and detail are written in, and the one `Content-Language` names. A request's
//! preference for a language the error does not have changes nothing.

mod choice;

use crate::model::api_error::ApiError;
use crate::model::catalog::same_language;
use crate::model::parts::{JsonParts, LanguageParts};
use crate::request::context::RequestContext;

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
    /// Whether some error has no text in `lang` (errors that share no language): it is
    /// written in its own default language, and the body is in several
    /// ([`message_language`] says which error is in which).
    pub(crate) mixed: bool,
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
/// error has too, the one
/// `accept_language` prefers; else the first error's default language where every error
/// has it, else the first of its translations every error has. Where the errors share no
/// language, the first error's default, and the body is [`Chosen::mixed`].
///
/// A language counts only where each error can write its message in it
/// ([`ApiError::has_message_in`]), so a body is never labelled with a language its text is
/// not in. Nothing is allocated.
pub(crate) fn for_errors(errors: &[&dyn ApiError], ctx: &RequestContext<'_>) -> Chosen {
    decide(errors, ctx, true)
}

/// The language argument of the writers for `errors` (see [`Chosen::written`]): what
/// [`for_errors`] chooses, without finding out whether the response varies, which only a
/// response's `Vary` needs.
pub(crate) fn written(errors: &[&dyn ApiError], ctx: &RequestContext<'_>) -> &'static str {
    decide(errors, ctx, false).written()
}

/// [`for_errors`]; `negotiable` is only worked out where `vary` (else `false`).
///
/// The languages are those of the first error's metadata (its translated messages, the
/// first [`MAX_LANGUAGES`]), each asked of every error ([`speaks`]) only when the
/// preferences would choose it, and at most once: choosing among the languages that every
/// error speaks, without asking about the others.
#[inline]
fn decide(errors: &[&dyn ApiError], ctx: &RequestContext<'_>, vary: bool) -> Chosen {
    let primary = crate::model::answer::primary(errors).meta();
    let default = primary.language;
    let others = || errors.iter().skip(1);
    // The commonest case, an error in one language: nothing to choose.
    if primary.localized.is_empty() {
        let defaults = others().all(|e| same_language(e.meta().language, default));
        return Chosen {
            lang: default,
            negotiable: false,
            defaults,
            mixed: !defaults && !others().all(|e| speaks(*e, default)),
        };
    }
    let candidates = primary
        .localized
        .iter()
        .filter_map(|l| l.message.map(|_| l.lang))
        .take(MAX_LANGUAGES);
    let speaks_all = |lang: &str| errors.iter().all(|e| speaks(*e, lang));
    let mut asked = Asked::default();
    let found = match ctx.preferences() {
        Some((header, preferences)) => {
            preferences.choose(header, candidates.clone(), default, &mut asked, speaks_all)
        }
        None => None,
    };
    let mut common = candidates
        .enumerate()
        .filter(|&(i, lang)| asked.answer(i, || speaks_all(lang)))
        .map(|(_, lang)| lang);
    let (lang, negotiable, mixed) = match found {
        Some((_, lang)) => (lang, true, false),
        // Another value could have chosen a language every error speaks, if there is one.
        None if others().all(|e| speaks(*e, default)) => {
            (default, vary && common.next().is_some(), false)
        }
        // The default is not every error's: the first translation that is, if any; the
        // response varies only if there is a second to choose.
        None => match common.next() {
            Some(lang) => (lang, vary && common.next().is_some(), false),
            None => (default, false, true),
        },
    };
    let defaults = found.is_none()
        && errors
            .iter()
            .all(|e| same_language(e.meta().language, lang));
    Chosen {
        lang,
        negotiable,
        defaults,
        mixed,
    }
}

/// The language the message of `err` is in, in a body whose writers were given `lang`
/// ([`Chosen::written`]): `lang` where `err` has its message in it, else its own default.
pub(crate) fn message_language(err: &dyn ApiError, lang: &'static str) -> &'static str {
    match lang {
        DEFAULT => err.meta().language,
        lang if err.has_message_in(lang) => lang,
        _ => err.meta().language,
    }
}

/// The language the title of `err` is in, in a body whose writers were given `lang`.
pub(crate) fn title_language(err: &dyn ApiError, lang: &'static str) -> &'static str {
    let meta = err.meta();
    match lang {
        DEFAULT => meta.language,
        lang if meta.title_in(lang).is_some() => lang,
        _ => meta.language,
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
pub(crate) struct Asked {
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

/// Whether `err` has its message in `lang`. Titles do not count: each text's language is
/// chosen apart (a title falls back to its default language on its own), so a translated
/// message is never dropped for want of a translated title.
fn speaks(err: &dyn ApiError, lang: &str) -> bool {
    let meta = err.meta();
    if lang.eq_ignore_ascii_case(meta.language) {
        return true;
    }
    // The value decides, not only its metadata: a field may replace the message, and a
    // wrapper that does not forward the translations writes its default language.
    err.has_message_in(lang)
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
mod tests;
