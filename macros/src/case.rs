//! Word splitting of Rust identifiers, for default titles (`UsedToken` → `Used Token`) and
//! for `rename_all` codes (`UsedToken` → `used_token`).

/// The words of a `PascalCase`, `camelCase` or `snake_case` identifier. An acronym stays one
/// word: `HTTPError` → `HTTP`, `Error`.
pub fn words(ident: &str) -> Vec<String> {
    let ident = ident.strip_prefix("r#").unwrap_or(ident);
    let chars: Vec<char> = ident.chars().collect();
    let mut words = Vec::new();
    let mut current = String::new();
    for (i, &c) in chars.iter().enumerate() {
        if c == '_' || c == '-' {
            if !current.is_empty() {
                words.push(std::mem::take(&mut current));
            }
            continue;
        }
        let prev = i.checked_sub(1).map(|p| chars[p]);
        let next = chars.get(i + 1).copied();
        let boundary = c.is_uppercase()
            && !current.is_empty()
            && match prev {
                Some(p) if p.is_lowercase() || p.is_ascii_digit() => true,
                Some(p) if p.is_uppercase() => next.is_some_and(char::is_lowercase),
                _ => false,
            };
        if boundary {
            words.push(std::mem::take(&mut current));
        }
        current.push(c);
    }
    if !current.is_empty() {
        words.push(current);
    }
    words
}

/// The default title of a variant: its words, each capitalized, separated by spaces.
pub fn title(ident: &str) -> String {
    words(ident)
        .iter()
        .map(|w| capitalize(w))
        .collect::<Vec<_>>()
        .join(" ")
}

fn capitalize(word: &str) -> String {
    let mut chars = word.chars();
    match chars.next() {
        Some(first) => first.to_uppercase().chain(chars).collect(),
        None => String::new(),
    }
}

/// The cases `rename_all` accepts, named as serde names them.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum RenameRule {
    Lower,
    Upper,
    Pascal,
    Camel,
    Snake,
    ScreamingSnake,
    Kebab,
    ScreamingKebab,
}

impl RenameRule {
    pub const NAMES: &'static str = "\"lowercase\", \"UPPERCASE\", \"PascalCase\", \"camelCase\", \
        \"snake_case\", \"SCREAMING_SNAKE_CASE\", \"kebab-case\", \"SCREAMING-KEBAB-CASE\"";

    pub fn from_name(name: &str) -> Option<Self> {
        Some(match name {
            "lowercase" => Self::Lower,
            "UPPERCASE" => Self::Upper,
            "PascalCase" => Self::Pascal,
            "camelCase" => Self::Camel,
            "snake_case" => Self::Snake,
            "SCREAMING_SNAKE_CASE" => Self::ScreamingSnake,
            "kebab-case" => Self::Kebab,
            "SCREAMING-KEBAB-CASE" => Self::ScreamingKebab,
            _ => return None,
        })
    }

    /// The code of a variant named `ident` under this rule.
    pub fn apply(self, ident: &str) -> String {
        let words = words(ident);
        let lower = || words.iter().map(|w| w.to_lowercase());
        let upper = || words.iter().map(|w| w.to_uppercase());
        let capitalized = || words.iter().map(|w| capitalize(&w.to_lowercase()));
        match self {
            Self::Lower => lower().collect(),
            Self::Upper => upper().collect(),
            Self::Pascal => capitalized().collect(),
            Self::Camel => {
                let mut out = String::new();
                for (i, w) in words.iter().enumerate() {
                    let w = w.to_lowercase();
                    out.push_str(&if i == 0 { w } else { capitalize(&w) });
                }
                out
            }
            Self::Snake => lower().collect::<Vec<_>>().join("_"),
            Self::ScreamingSnake => upper().collect::<Vec<_>>().join("_"),
            Self::Kebab => lower().collect::<Vec<_>>().join("-"),
            Self::ScreamingKebab => upper().collect::<Vec<_>>().join("-"),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn splits_words() {
        assert_eq!(words("UsedToken"), ["Used", "Token"]);
        assert_eq!(words("HTTPError"), ["HTTP", "Error"]);
        assert_eq!(words("Err07Field"), ["Err07", "Field"]);
        assert_eq!(words("r#Type"), ["Type"]);
    }

    #[test]
    fn titles_and_rules() {
        assert_eq!(title("InvalidCardToken"), "Invalid Card Token");
        assert_eq!(RenameRule::Snake.apply("UsedToken"), "used_token");
        assert_eq!(RenameRule::ScreamingKebab.apply("UsedToken"), "USED-TOKEN");
        assert_eq!(RenameRule::Camel.apply("UsedToken"), "usedToken");
        assert_eq!(RenameRule::Pascal.apply("used_token"), "UsedToken");
        assert_eq!(RenameRule::Lower.apply("UsedToken"), "usedtoken");
    }
}
