//! Message templates: `"amount must be at least {min} {currency}"`, parsed at compile time
//! into literal pieces and placeholders. `{{` and `}}` stand for literal braces; a
//! placeholder may carry a format spec after a colon, as in `format!` (`{amount:>8}`).

/// One piece of a template.
#[derive(Debug, PartialEq, Eq)]
pub enum Piece {
    Literal(String),
    Placeholder { arg: Arg, spec: Option<String> },
}

/// What a placeholder names.
#[derive(Debug, PartialEq, Eq)]
pub enum Arg {
    /// `{min}`; `r#type` is stored as `type`.
    Named(String),
    /// `{0}`.
    Index(usize),
}

impl std::fmt::Display for Arg {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            Arg::Named(name) => write!(f, "{{{name}}}"),
            Arg::Index(index) => write!(f, "{{{index}}}"),
        }
    }
}

impl Arg {
    /// The name of the field it prints: `min`, or `0` in a tuple variant.
    pub fn field_name(&self) -> String {
        match self {
            Arg::Named(name) => name.clone(),
            Arg::Index(index) => index.to_string(),
        }
    }
}

/// Parses a template, or says what is wrong with it.
pub fn parse(template: &str) -> Result<Vec<Piece>, String> {
    let mut pieces = Vec::new();
    let mut literal = String::new();
    let mut chars = template.char_indices().peekable();
    while let Some((start, c)) = chars.next() {
        match c {
            '{' if chars.peek().map(|&(_, c)| c) == Some('{') => {
                chars.next();
                literal.push('{');
            }
            '}' if chars.peek().map(|&(_, c)| c) == Some('}') => {
                chars.next();
                literal.push('}');
            }
            '}' => {
                return Err("unmatched `}` in #[message]; write `}}` for a literal brace".into())
            }
            '{' => {
                let rest = &template[start + 1..];
                let Some(len) = rest.find('}') else {
                    return Err("unclosed `{` in #[message]; write `{{` for a literal brace".into());
                };
                let inner = &rest[..len];
                for _ in 0..inner.chars().count() + 1 {
                    chars.next();
                }
                if !literal.is_empty() {
                    pieces.push(Piece::Literal(std::mem::take(&mut literal)));
                }
                pieces.push(placeholder(inner)?);
            }
            c => literal.push(c),
        }
    }
    if !literal.is_empty() {
        pieces.push(Piece::Literal(literal));
    }
    Ok(pieces)
}

fn placeholder(inner: &str) -> Result<Piece, String> {
    let (name, spec) = match inner.split_once(':') {
        Some((name, spec)) => (name.trim(), Some(spec.to_owned())),
        None => (inner.trim(), None),
    };
    if name.is_empty() {
        return Err(format!(
            "empty placeholder `{{{inner}}}` in #[message]; name a field, like {{amount}} or {{0}}"
        ));
    }
    if let Some(spec) = &spec {
        if spec.contains('{') || spec.contains('$') || spec.contains('*') {
            return Err(format!("unsupported format spec `{spec}` in #[message]; use a fixed spec such as `:>8` or `:?`"));
        }
        // Checked here, as `format!` would check it, so that the error points at the
        // template rather than at code the derive generated from it.
        if let Err(rest) = check_spec(spec) {
            return Err(format!(
                "invalid format spec in `{{{inner}}}` of #[message]: `{rest}` is not a format \
                 trait; write the spec as `format!` does, like {{{name}:.2}}, {{{name}:>8}} or \
                 {{{name}:?}}"
            ));
        }
    }
    let arg = if name.bytes().all(|b| b.is_ascii_digit()) {
        let index = name
            .parse()
            .map_err(|_| format!("placeholder index `{name}` is too large"))?;
        Arg::Index(index)
    } else {
        let bare = name.strip_prefix("r#").unwrap_or(name);
        let valid = bare
            .chars()
            .next()
            .is_some_and(|c| c == '_' || c.is_alphabetic())
            && bare.chars().all(|c| c == '_' || c.is_alphanumeric());
        if !valid {
            return Err(format!(
                "invalid placeholder `{{{inner}}}` in #[message]; expected a field name or index"
            ));
        }
        Arg::Named(bare.to_owned())
    };
    Ok(Piece::Placeholder { arg, spec })
}

/// Checks a fixed format spec, `[[fill]align][sign][#][0][width][.precision][type]` as in
/// `std::fmt`; on error, the part where the trait should stand.
fn check_spec(spec: &str) -> Result<(), &str> {
    const ALIGN: [char; 3] = ['<', '^', '>'];
    let mut rest = spec;
    let mut chars = rest.chars();
    match (chars.next(), chars.next()) {
        (Some(fill), Some(align)) if ALIGN.contains(&align) => {
            rest = &rest[fill.len_utf8() + 1..];
        }
        (Some(align), _) if ALIGN.contains(&align) => rest = &rest[1..],
        _ => {}
    }
    rest = rest.strip_prefix(['+', '-']).unwrap_or(rest);
    rest = rest.strip_prefix('#').unwrap_or(rest);
    rest = rest.trim_start_matches(|c: char| c.is_ascii_digit());
    if let Some(precision) = rest.strip_prefix('.') {
        let digits = precision.trim_start_matches(|c: char| c.is_ascii_digit());
        if digits.len() == precision.len() {
            return Err(rest);
        }
        rest = digits;
    }
    match rest {
        "" | "?" | "x?" | "X?" | "x" | "X" | "o" | "b" | "e" | "E" | "p" => Ok(()),
        _ => Err(rest),
    }
}

/// The placeholders among `pieces`.
pub fn placeholders_of<'p>(
    pieces: impl IntoIterator<Item = &'p Piece>,
) -> impl Iterator<Item = (&'p Arg, &'p Option<String>)> {
    pieces.into_iter().filter_map(|piece| match piece {
        Piece::Literal(_) => None,
        Piece::Placeholder { arg, spec } => Some((arg, spec)),
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn lit(s: &str) -> Piece {
        Piece::Literal(s.into())
    }

    fn named(s: &str) -> Piece {
        Piece::Placeholder {
            arg: Arg::Named(s.into()),
            spec: None,
        }
    }

    #[test]
    fn parses_pieces() {
        assert_eq!(
            parse("amount must be at least {min} {currency}").unwrap(),
            [
                lit("amount must be at least "),
                named("min"),
                lit(" "),
                named("currency")
            ]
        );
        assert_eq!(
            parse("{{literal}} {0:>4}").unwrap(),
            [
                lit("{literal} "),
                Piece::Placeholder {
                    arg: Arg::Index(0),
                    spec: Some(">4".into())
                }
            ]
        );
        assert_eq!(parse("{r#type}").unwrap(), [named("type")]);
        assert_eq!(parse("").unwrap(), []);
        assert_eq!(parse("é{a}ü").unwrap(), [lit("é"), named("a"), lit("ü")]);
    }

    #[test]
    fn rejects_malformed() {
        assert!(parse("a } b").unwrap_err().contains("unmatched `}`"));
        assert!(parse("a { b").unwrap_err().contains("unclosed `{`"));
        assert!(parse("{}").unwrap_err().contains("empty placeholder"));
        assert!(parse("{a b}").unwrap_err().contains("invalid placeholder"));
        assert!(parse("{a:*}")
            .unwrap_err()
            .contains("unsupported format spec"));
        assert!(parse("{a:.2f}")
            .unwrap_err()
            .contains("`f` is not a format trait"));
        assert!(parse("{a:>8d}").unwrap_err().contains("`d` is not"));
        assert!(parse("{a:.}").unwrap_err().contains("`.` is not"));
    }

    #[test]
    fn accepts_format_specs() {
        for spec in [
            "",
            "?",
            "#?",
            ">8",
            "_^10",
            "é<3",
            "+",
            "08.3",
            ".2",
            "x?",
            "#X",
            "o",
            "b",
            "e",
            "E",
            "p",
            "-^#010.5x?",
        ] {
            assert!(parse(&format!("{{a:{spec}}}")).is_ok(), "{spec}");
        }
    }
}
