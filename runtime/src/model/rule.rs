//! [`Rule`]: what a validator checked, with its parameters, and the readable default
//! message of each rule in the languages the runtime ships (English, Thai, Japanese).
//!
//! The rules are those `validator` names by code (`length`, `range`, `email`, …); a code
//! of its own, or a `garde` error, is [`Rule::Other`]. Parameters are the rule's limits,
//! never the rejected value: a default message does not quote the request back.

use core::fmt;

use crate::model::message::MessageSink;

/// What a field was checked against, with the limits a default message names.
///
/// ```
/// use apierror::Rule;
///
/// let rule = Rule::from_code("length");
/// assert_eq!(rule, Rule::Length { min: None, max: None, equal: None });
/// assert_eq!(Rule::from_code("my_rule"), Rule::Other);
/// ```
#[derive(Debug, Clone, PartialEq)]
#[non_exhaustive]
pub enum Rule {
    /// A length in characters (or elements of a list).
    Length {
        /// At least this many.
        min: Option<u64>,
        /// At most this many.
        max: Option<u64>,
        /// Exactly this many.
        equal: Option<u64>,
    },
    /// A number's range; the limits as the validator printed them.
    Range {
        /// At least this.
        min: Option<String>,
        /// At most this.
        max: Option<String>,
        /// Greater than this.
        exclusive_min: Option<String>,
        /// Less than this.
        exclusive_max: Option<String>,
    },
    /// An email address.
    Email,
    /// A URL.
    Url,
    /// A value that must be present.
    Required,
    /// Equal to another field.
    MustMatch {
        /// The other field's name.
        other: String,
    },
    /// Containing a text.
    Contains {
        /// The text.
        pattern: String,
    },
    /// Not containing a text.
    DoesNotContain {
        /// The text.
        pattern: String,
    },
    /// Matching a regular expression.
    Regex,
    /// A payment card number.
    CreditCard,
    /// Free of control characters.
    NonControlCharacter,
    /// An IP address.
    Ip,
    /// Any other rule: a code of the application's own.
    Other,
}

impl Rule {
    /// The rule `validator` reports under `code`, without its parameters.
    pub fn from_code(code: &str) -> Rule {
        match code {
            "length" => Rule::Length {
                min: None,
                max: None,
                equal: None,
            },
            "range" => Rule::Range {
                min: None,
                max: None,
                exclusive_min: None,
                exclusive_max: None,
            },
            "email" => Rule::Email,
            "url" => Rule::Url,
            "required" | "required_nested" => Rule::Required,
            "must_match" => Rule::MustMatch {
                other: String::new(),
            },
            "contains" => Rule::Contains {
                pattern: String::new(),
            },
            "does_not_contain" => Rule::DoesNotContain {
                pattern: String::new(),
            },
            "regex" => Rule::Regex,
            "credit_card" => Rule::CreditCard,
            "non_control_character" => Rule::NonControlCharacter,
            "ip" | "ipv4" | "ipv6" => Rule::Ip,
            _ => Rule::Other,
        }
    }

    /// Whether the runtime has this rule's default message in `lang` (English, Thai and
    /// Japanese; a tag such as `en-GB` counts by its language).
    pub fn speaks(&self, lang: &str) -> bool {
        Language::of(lang).is_some()
    }

    /// Writes the default message in `lang` into `out`; `None` where there is none in
    /// `lang`.
    pub fn write_in(&self, lang: &str, out: &mut dyn MessageSink) -> Option<fmt::Result> {
        let language = Language::of(lang)?;
        Some(self.write(language, out))
    }

    fn write(&self, lang: Language, out: &mut dyn MessageSink) -> fmt::Result {
        // Each arm: fixed words, or words around the one limit the message names.
        let words = |out: &mut dyn MessageSink, text: &'static str| out.text(text);
        match self {
            Rule::Length { equal: Some(n), .. } => limit(
                out,
                lang,
                n,
                ["must be exactly ", "ต้องมี ", ""],
                [" characters", " ตัวอักษรพอดี", " 文字ちょうどにしてください"],
            ),
            Rule::Length {
                min: Some(min),
                max: Some(max),
                ..
            } => between(out, lang, min, max, " characters", [" ตัวอักษร", " 文字"]),
            Rule::Length { min: Some(n), .. } => limit(
                out,
                lang,
                n,
                ["must be at least ", "ต้องมีอย่างน้อย ", ""],
                [" characters", " ตัวอักษร", " 文字以上にしてください"],
            ),
            Rule::Length { max: Some(n), .. } => limit(
                out,
                lang,
                n,
                ["must be at most ", "ต้องมีไม่เกิน ", ""],
                [" characters", " ตัวอักษร", " 文字以下にしてください"],
            ),
            Rule::Length { .. } => words(
                out,
                pick(
                    lang,
                    [
                        "has an invalid length",
                        "มีความยาวไม่ถูกต้อง",
                        "長さが正しくありません",
                    ],
                ),
            ),
            Rule::Range {
                min: Some(min),
                max: Some(max),
                ..
            } => between(out, lang, min, max, "", ["", ""]),
            Rule::Range { min: Some(n), .. } => limit(
                out,
                lang,
                n,
                ["must be at least ", "ต้องไม่น้อยกว่า ", ""],
                ["", "", " 以上にしてください"],
            ),
            Rule::Range { max: Some(n), .. } => limit(
                out,
                lang,
                n,
                ["must be at most ", "ต้องไม่มากกว่า ", ""],
                ["", "", " 以下にしてください"],
            ),
            Rule::Range {
                exclusive_min: Some(n),
                ..
            } => limit(
                out,
                lang,
                n,
                ["must be greater than ", "ต้องมากกว่า ", ""],
                ["", "", " より大きくしてください"],
            ),
            Rule::Range {
                exclusive_max: Some(n),
                ..
            } => limit(
                out,
                lang,
                n,
                ["must be less than ", "ต้องน้อยกว่า ", ""],
                ["", "", " 未満にしてください"],
            ),
            Rule::Range { .. } => words(
                out,
                pick(lang, ["is out of range", "อยู่นอกช่วงที่กำหนด", "範囲外です"]),
            ),
            Rule::Email => words(
                out,
                pick(
                    lang,
                    [
                        "must be a valid email address",
                        "ต้องเป็นอีเมลที่ถูกต้อง",
                        "有効なメールアドレスにしてください",
                    ],
                ),
            ),
            Rule::Url => words(
                out,
                pick(
                    lang,
                    [
                        "must be a valid URL",
                        "ต้องเป็น URL ที่ถูกต้อง",
                        "有効な URL にしてください",
                    ],
                ),
            ),
            Rule::Required => words(out, pick(lang, ["is required", "ต้องระบุ", "必須です"])),
            Rule::MustMatch { other } if !other.is_empty() => limit(
                out,
                lang,
                other,
                ["must match ", "ต้องตรงกับ ", ""],
                ["", "", " と一致させてください"],
            ),
            Rule::MustMatch { .. } => words(
                out,
                pick(lang, ["does not match", "ไม่ตรงกัน", "一致しません"]),
            ),
            Rule::Contains { pattern } if !pattern.is_empty() => limit(
                out,
                lang,
                pattern,
                ["must contain ", "ต้องมี ", ""],
                ["", "", " を含めてください"],
            ),
            Rule::DoesNotContain { pattern } if !pattern.is_empty() => limit(
                out,
                lang,
                pattern,
                ["must not contain ", "ต้องไม่มี ", ""],
                ["", "", " を含めないでください"],
            ),
            Rule::Contains { .. } | Rule::DoesNotContain { .. } | Rule::Regex | Rule::Other => {
                words(out, pick(lang, ["is invalid", "ไม่ถูกต้อง", "無効です"]))
            }
            Rule::CreditCard => words(
                out,
                pick(
                    lang,
                    [
                        "must be a valid card number",
                        "ต้องเป็นหมายเลขบัตรที่ถูกต้อง",
                        "有効なカード番号にしてください",
                    ],
                ),
            ),
            Rule::NonControlCharacter => words(
                out,
                pick(
                    lang,
                    [
                        "must not contain control characters",
                        "ต้องไม่มีอักขระควบคุม",
                        "制御文字を含めないでください",
                    ],
                ),
            ),
            Rule::Ip => words(
                out,
                pick(
                    lang,
                    [
                        "must be a valid IP address",
                        "ต้องเป็นที่อยู่ IP ที่ถูกต้อง",
                        "有効な IP アドレスにしてください",
                    ],
                ),
            ),
        }
    }
}

/// The languages the default messages are written in.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Language {
    En,
    Th,
    Ja,
}

impl Language {
    /// The language of a tag, by its primary subtag.
    fn of(tag: &str) -> Option<Language> {
        let primary = tag.split('-').next().unwrap_or(tag);
        [
            ("en", Language::En),
            ("th", Language::Th),
            ("ja", Language::Ja),
        ]
        .into_iter()
        .find(|(name, _)| primary.eq_ignore_ascii_case(name))
        .map(|(_, language)| language)
    }

    fn index(self) -> usize {
        self as usize
    }
}

/// The text of `lang` among `[english, thai, japanese]`.
fn pick(lang: Language, texts: [&'static str; 3]) -> &'static str {
    texts[lang.index()]
}

/// `before` + `value` + `after`, in `lang`.
fn limit(
    out: &mut dyn MessageSink,
    lang: Language,
    value: &dyn fmt::Display,
    before: [&'static str; 3],
    after: [&'static str; 3],
) -> fmt::Result {
    out.text(pick(lang, before))?;
    out.value(value)?;
    out.text(pick(lang, after))
}

/// "must be between `min` and `max`" + `unit` (English), with Thai's and Japanese's own
/// word order and `units`.
fn between(
    out: &mut dyn MessageSink,
    lang: Language,
    min: &dyn fmt::Display,
    max: &dyn fmt::Display,
    unit: &'static str,
    units: [&'static str; 2],
) -> fmt::Result {
    let [thai_unit, japanese_unit] = units;
    let (before, middle, after) = match lang {
        Language::En => ("must be between ", " and ", unit),
        Language::Th => ("ต้องอยู่ระหว่าง ", " ถึง ", thai_unit),
        Language::Ja => ("", "〜", japanese_unit),
    };
    out.text(before)?;
    out.value(min)?;
    out.text(middle)?;
    out.value(max)?;
    out.text(after)?;
    if lang == Language::Ja {
        out.text("にしてください")?;
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::message::PlainSink;

    fn text(rule: &Rule, lang: &str) -> String {
        let mut s = String::new();
        rule.write_in(lang, &mut PlainSink(&mut s))
            .unwrap()
            .unwrap();
        s
    }

    #[test]
    fn defaults_name_the_limits() {
        let length = |min, max, equal| Rule::Length { min, max, equal };
        assert_eq!(
            text(&length(Some(3), None, None), "en"),
            "must be at least 3 characters"
        );
        assert_eq!(
            text(&length(None, Some(9), None), "en"),
            "must be at most 9 characters"
        );
        assert_eq!(
            text(&length(Some(1), Some(9), None), "en"),
            "must be between 1 and 9 characters"
        );
        assert_eq!(
            text(&length(Some(1), Some(9), Some(4)), "en"),
            "must be exactly 4 characters"
        );
        assert_eq!(
            text(&length(Some(3), None, None), "th"),
            "ต้องมีอย่างน้อย 3 ตัวอักษร"
        );
        assert_eq!(
            text(&length(Some(3), None, None), "ja-JP"),
            "3 文字以上にしてください"
        );
        assert_eq!(
            text(&length(Some(1), Some(9), None), "ja"),
            "1〜9 文字にしてください"
        );
        let range = Rule::Range {
            min: Some("1".into()),
            max: Some("10".into()),
            exclusive_min: None,
            exclusive_max: None,
        };
        assert_eq!(text(&range, "en"), "must be between 1 and 10");
        assert_eq!(text(&Rule::Email, "en"), "must be a valid email address");
        assert_eq!(text(&Rule::from_code("custom_thing"), "en"), "is invalid");
        assert!(Rule::Email
            .write_in("fr", &mut PlainSink(&mut String::new()))
            .is_none());
    }
}
