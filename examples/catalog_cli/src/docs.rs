//! `docs <catalog> [--lang en|ja]`: a Markdown reference page, grouped by HTTP status.

use std::fmt::Write;

use apierror::VariantMeta;

use super::{args, catalogs, Failure};

/// The page's fixed words, per language.
struct Words {
    code: &'static str,
    message: &'static str,
    intro: &'static str,
}

const EN: Words = Words {
    code: "Code",
    message: "Default message",
    intro: "Errors of this catalog, grouped by HTTP status.",
};

const JA: Words = Words {
    code: "コード",
    message: "デフォルトメッセージ",
    intro: "このカタログのエラー（HTTP ステータス別）。",
};

pub fn run(rest: &[String]) -> Result<String, Failure> {
    let args = args::split(rest, &["lang"], &[])?;
    let [name] = args.exactly(1, "<catalog>")? else {
        return Err(Failure::Usage("expected <catalog>".into()));
    };
    let lang = args.option("lang").unwrap_or("en");
    let words = match lang {
        "en" => &EN,
        "ja" => &JA,
        other => {
            return Err(Failure::Usage(format!(
                "--lang `{other}` is not one of en, ja"
            )))
        }
    };
    let catalog = catalogs::catalog(name)?;
    Ok(page(name, catalog.name, catalog.variants, lang, words))
}

fn page(module: &str, ty: &str, variants: &[VariantMeta], lang: &str, words: &Words) -> String {
    let mut statuses: Vec<u16> = variants.iter().map(|v| v.status).collect();
    statuses.sort_unstable();
    statuses.dedup();
    let mut out = format!("# `{module}` ({ty})\n\n{}\n", words.intro);
    // Writing to a String cannot fail.
    for status in statuses {
        let reason = http::StatusCode::from_u16(status)
            .ok()
            .and_then(|s| s.canonical_reason())
            .unwrap_or("");
        let _ = write!(out, "\n## {status} {reason}\n");
        for meta in variants.iter().filter(|v| v.status == status) {
            // The title in the page's language where the catalog has one (the Omise pages,
            // Japanese ones included, title their errors in English).
            let title = meta.title_in(lang).unwrap_or(meta.title);
            let _ = write!(out, "\n### {title}\n\n");
            let description = meta.description_in(lang);
            if !description.is_empty() {
                let _ = write!(out, "{description}\n\n");
            }
            let _ = writeln!(out, "- {}: `{}`", words.code, meta.code);
            if let Some(message) = meta.message {
                let _ = writeln!(out, "- {}: {message}", words.message);
            }
        }
    }
    out
}
