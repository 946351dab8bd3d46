//! `catalog docs`: Markdown reference pages, in English and Japanese.

#[path = "../examples/catalog_cli/cli/mod.rs"]
mod cli;

fn docs(args: &[&str]) -> String {
    let args: Vec<String> = args.iter().map(|a| a.to_string()).collect();
    let out = cli::run(&args, b"");
    assert_eq!(out.code, 0, "{}", out.stderr);
    out.stdout
}

#[test]
fn english_page_groups_by_status() {
    let page = docs(&["docs", "omise"]);
    assert!(page.starts_with("# `omise` (OmiseError)\n\nErrors of this catalog, grouped by HTTP status.\n\n## 400 Bad Request\n\n### Backend Error\n"), "{page}");
    assert!(page.contains("\n### Used Token\n\nAn attempt was made to re-use a token. Tokens are single use only.\n\n- Code: `used_token`\n- Default message: token was already used\n"), "{page}");
    let statuses: Vec<&str> = page.lines().filter(|l| l.starts_with("## ")).collect();
    assert_eq!(statuses.first(), Some(&"## 400 Bad Request"));
    let mut sorted = statuses.clone();
    sorted.sort();
    assert_eq!(statuses, sorted);
    assert_eq!(page.matches("\n### ").count(), 44);
}

#[test]
fn japanese_page_falls_back_to_english() {
    let page = docs(&["docs", "omise", "--lang", "ja"]);
    assert!(
        page.contains(
            "\n### Not Authorized\n\n不正な操作が行われました。\n\n- コード: `not_authorized`\n"
        ),
        "{page}"
    );
    // Vipps has no Japanese descriptions: the English ones stand in.
    let page = docs(&["docs", "vipps_epayment", "--lang", "ja"]);
    let english = docs(&["docs", "vipps_epayment"]);
    assert!(page.contains("- コード: `6080`"));
    let description = english
        .split("### Cannot capture before reservation\n\n")
        .nth(1)
        .unwrap()
        .lines()
        .next()
        .unwrap();
    assert!(page.contains(description));
}

#[test]
fn unknown_language_is_refused() {
    let out = cli::run(
        &["docs".into(), "omise".into(), "--lang".into(), "fr".into()],
        b"",
    );
    assert_eq!(out.code, 2);
    assert!(out
        .stderr
        .starts_with("error: --lang `fr` is not one of en, ja\n"));
}
