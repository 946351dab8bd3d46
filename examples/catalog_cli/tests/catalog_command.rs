//! The catalog command (`cargo run -p catalog-cli`), run in-process through its library,
//! plus one smoke test of the real binary.

use catalog_cli as cli;

fn run(args: &[&str], stdin: &str) -> cli::Outcome {
    let args: Vec<String> = args.iter().map(|a| a.to_string()).collect();
    cli::run(&args, stdin.as_bytes())
}

fn ok(args: &[&str]) -> String {
    let out = run(args, "");
    assert_eq!(out.code, 0, "{args:?}: {}", out.stderr);
    out.stdout
}

#[test]
fn list_json_has_every_entry() {
    let out = ok(&["list", "--json"]);
    let rows: Vec<serde_json::Value> = serde_json::from_str(&out).unwrap();
    assert_eq!(rows.len(), 157);
    let lines: Vec<&str> = out.lines().collect();
    assert_eq!(lines[0], "[");
    assert_eq!(
        lines[1],
        r#"{"catalog":"omise","variant":"BackendError","code":"backend_error","status":400,"title":"Backend Error","message":"backend error"},"#
    );
    assert!(lines.contains(
        &r#"{"catalog":"omise_transfer_failure","variant":"InsufficientBalance","code":"insufficient_balance","status":null,"title":"Insufficient Balance","message":"insufficient balance"},"#
    ), "{out}");
    assert!(out.contains(r#"{"catalog":"vipps_epayment","variant":"CannotCaptureBeforeReservation","code":"6080","status":400,"title":"Cannot capture before reservation","#));
    assert!(out.contains(r#"{"catalog":"oney_payment","variant":"FieldTooLong","code":"ERR_02","status":400,"title":"Field Too Long","message":"Field size must be less than {max} characters"},"#));
    assert_eq!(lines.last(), Some(&"]"));
}

#[test]
fn list_table_is_aligned() {
    let out = ok(&["list"]);
    let mut lines = out.lines();
    let header = lines.next().unwrap();
    assert!(header.starts_with("CATALOG                 CODE                    STATUS  VARIANT"));
    assert_eq!(out.lines().count(), 158);
    // Each column starts where its header starts, after at least two spaces: every cell is
    // padded to its column's widest.
    let starts: Vec<usize> = ["CODE", "STATUS", "VARIANT", "TITLE"]
        .iter()
        .map(|name| header.find(&format!("  {name}")).unwrap() + 2)
        .collect();
    for line in lines {
        let chars: Vec<char> = line.chars().collect();
        for &start in &starts {
            assert!(
                chars.get(start - 2..start) == Some(&[' ', ' '][..])
                    && chars.get(start).is_some_and(|c| *c != ' '),
                "column at {start} not aligned in {line:?}"
            );
        }
    }
}

#[test]
fn render_prints_the_full_response_in_each_format() {
    assert_eq!(
        ok(&["render", "omise", "omise", "used_token"]),
        "HTTP/1.1 400 Bad Request\r\ncontent-type: application/json; charset=utf-8\r\ncontent-language: en\r\ncontent-length: 129\r\n\r\n\
         {\"object\":\"error\",\"location\":\"https://www.omise.co/api-errors#used-token\",\"code\":\"used_token\",\"message\":\"token was already used\"}"
    );
    assert_eq!(
        ok(&["render", "problem", "omise", "not_found", "--instance", "/charges/chrg_1"]),
        "HTTP/1.1 404 Not Found\r\ncontent-type: application/problem+json\r\ncontent-language: en\r\ncontent-length: 149\r\n\r\n\
         {\"type\":\"about:blank\",\"title\":\"Not Found\",\"status\":404,\"detail\":\"the requested object was not found\",\"instance\":\"/charges/chrg_1\",\"code\":\"not_found\"}"
    );
    assert_eq!(
        ok(&["render", "vipps", "vipps_epayment", "6080", "--trace-id", "00-813b63975adcaaeef2b0ec7c103c40e3-706492e906541d31-01", "--instance", "/v1/payments/1/capture"]),
        "HTTP/1.1 400 Bad Request\r\ncontent-type: application/problem+json\r\ncontent-language: en\r\ncontent-length: 374\r\n\r\n\
         {\"type\":\"https://httpstatuses.io/400\",\"title\":\"Cannot capture before reservation\",\"status\":400,\"detail\":\"The amount you tried to capture is not reserved. The user must accept the payment before capture can be done.\",\"instance\":\"/v1/payments/1/capture\",\"extraDetails\":[{\"name\":\"ErrorCode\",\"reason\":\"6080\"}],\"traceId\":\"00-813b63975adcaaeef2b0ec7c103c40e3-706492e906541d31-01\"}"
    );
    // Oney's catalog is written in English: asking for French gets English, labelled so.
    assert_eq!(
        ok(&["render", "oney", "oney_payment", "ERR_02", "--arg", "max=128", "--field", "purchase.external_reference_type", "--lang", "fr"]),
        "HTTP/1.1 400 Bad Request\r\ncontent-type: application/json; charset=utf-8\r\ncontent-language: en\r\ncontent-length: 174\r\n\r\n\
         {\"language_code\":\"EN\",\"error_list\":[{\"error\":{\"field\":\"purchase.external_reference_type\",\"error_code\":\"ERR_02\",\"error_label\":\"Field size must be less than 128 characters\"}}]}"
    );
}

#[test]
fn the_google_format_renders_and_parses_back() {
    let response = ok(&[
        "render",
        "google",
        "oney_payment",
        "ERR_02",
        "--arg",
        "max=128",
        "--field",
        "purchase.external_reference_type",
    ]);
    assert_eq!(
        response,
        "HTTP/1.1 400 Bad Request\r\ncontent-type: application/json; charset=utf-8\r\ncontent-language: en\r\ncontent-length: 411\r\n\r\n\
         {\"error\":{\"code\":400,\"message\":\"Field size must be less than 128 characters\",\"status\":\"INVALID_ARGUMENT\",\"details\":[{\"@type\":\"type.googleapis.com/google.rpc.ErrorInfo\",\"reason\":\"ERR_02\",\"metadata\":{\"max\":\"128\"}},{\"@type\":\"type.googleapis.com/google.rpc.BadRequest\",\"fieldViolations\":[{\"field\":\"purchase.external_reference_type\",\"description\":\"Field size must be less than 128 characters\",\"reason\":\"ERR_02\"}]}]}}"
    );
    let parsed: serde_json::Value =
        serde_json::from_str(&ok_with_stdin(&["parse"], &response)).unwrap();
    assert_eq!(parsed["catalog"], "oney_payment");
    assert_eq!(parsed["variant"], "FieldTooLong");
    assert_eq!(parsed["received"]["format"], "google");
}

#[test]
fn repeated_codes_are_picked_by_number() {
    let first = ok(&["render", "oney", "oney_payment", "ERR_07"]);
    let second = ok(&["render", "oney", "oney_payment", "ERR_07#2"]);
    assert_ne!(first, second);
    let out = run(&["render", "oney", "oney_payment", "ERR_07#9"], "");
    assert_eq!(out.code, 2);
    assert_eq!(
        out.stderr,
        "error: `ERR_07` appears 4 time(s) in `oney_payment`, there is no #9\n"
    );
}

#[test]
fn unknown_names_exit_2_with_suggestions() {
    let out = run(&["render", "omise", "omise", "used_tokn"], "");
    assert_eq!(out.code, 2);
    assert_eq!(
        out.stderr,
        "error: unknown code `used_tokn` in catalog `omise`; did you mean `used_token`?\n"
    );
    let out = run(&["docs", "omse"], "");
    assert_eq!(out.code, 2);
    assert_eq!(
        out.stderr,
        "error: unknown catalog `omse`; did you mean `omise`?\n"
    );
    let out = run(&["render", "omise", "oney_paymnt", "ERR_01"], "");
    assert_eq!(out.code, 2);
    assert!(
        out.stderr
            .starts_with("error: unknown catalog `oney_paymnt`; did you mean `oney_payment`"),
        "{}",
        out.stderr
    );
    let out = run(&["render", "omise", "omise", "zzzzzzzzzzzzzzzzzzzzzz"], "");
    assert_eq!(out.stderr, "error: unknown code `zzzzzzzzzzzzzzzzzzzzzz` in catalog `omise`; run `catalog list` to see every name\n");
}

#[test]
fn missing_and_unknown_args_exit_2() {
    let out = run(&["render", "oney", "oney_payment", "ERR_02"], "");
    assert_eq!((out.code, out.stdout.as_str()), (2, ""));
    assert_eq!(out.stderr, "error: `ERR_02` needs argument: max\n");
    let out = run(
        &[
            "render",
            "oney",
            "oney_payment",
            "ERR_02",
            "--arg",
            "maxx=1",
        ],
        "",
    );
    assert_eq!(out.code, 2);
    assert_eq!(
        out.stderr,
        "error: `ERR_02` has no field `maxx`; its fields: field, max\n"
    );
    let out = run(&["render", "json", "omise", "used_token"], "");
    assert_eq!(out.code, 2);
    assert!(out.stderr.starts_with("error: `json`: unknown wire format"));
    let out = run(&["frobnicate"], "");
    assert_eq!(out.code, 2);
    assert!(out.stderr.contains("usage: catalog list"));
}

#[test]
fn the_formats_crate_formats_render_and_parse_back() {
    let stripe = ok(&[
        "render",
        "stripe",
        "omise",
        "invalid_card",
        "--field",
        "card.number",
    ]);
    assert_eq!(
        stripe,
        "HTTP/1.1 400 Bad Request\r\ncontent-type: application/json; charset=utf-8\r\ncontent-language: en\r\ncontent-length: 112\r\n\r\n\
         {\"error\":{\"type\":\"invalid_request_error\",\"code\":\"invalid_card\",\"message\":\"invalid card\",\"param\":\"card[number]\"}}"
    );
    let jsonapi = ok(&[
        "render",
        "jsonapi",
        "oney_payment",
        "ERR_02",
        "--arg",
        "max=128",
        "--field",
        "purchase.items[0].ref",
    ]);
    assert!(
        jsonapi.contains("content-type: application/vnd.api+json\r\n"),
        "{jsonapi}"
    );
    assert!(
        jsonapi.contains(r#""source":{"pointer":"/data/attributes/purchase/items/0/ref"}"#),
        "{jsonapi}"
    );
    let microsoft = ok(&["render", "microsoft", "vipps_epayment", "6080"]);
    assert!(
        microsoft.contains("x-ms-error-code: 6080\r\n"),
        "{microsoft}"
    );
    for (format, response, catalog, code) in [
        ("stripe", &stripe, "omise", "invalid_card"),
        ("jsonapi", &jsonapi, "oney_payment", "ERR_02"),
        ("microsoft", &microsoft, "vipps_epayment", "6080"),
    ] {
        for args in [
            &["parse"][..],
            &["parse", "--strict"],
            &["parse", "--strict", "--format", format],
        ] {
            let out = run(args, response);
            assert_eq!(out.code, 0, "{args:?} {}", out.stderr);
            let parsed: serde_json::Value = serde_json::from_str(&out.stdout).unwrap();
            assert_eq!(parsed["catalog"], catalog, "{response}");
            assert_eq!(parsed["code"], code);
            assert_eq!(parsed["received"]["format"], format);
        }
    }
}

#[test]
fn parse_reads_what_render_prints() {
    for args in [
        &["render", "omise", "omise", "used_token"][..],
        &["render", "problem", "omise", "used_token"],
        &["render", "vipps", "vipps_epayment", "6080"],
        &[
            "render",
            "oney",
            "oney_payment",
            "ERR_02",
            "--arg",
            "max=128",
            "--field",
            "a.b",
        ],
    ] {
        let response = ok(args);
        let out = run(&["parse"], &response);
        assert_eq!(out.code, 0, "{}", out.stderr);
        let parsed: serde_json::Value = serde_json::from_str(&out.stdout).unwrap();
        assert_eq!(parsed["catalog"], args[2], "{response}");
        assert_eq!(parsed["code"], args[3]);
        assert_eq!(parsed["received"]["format"], args[1]);
    }
    let out = ok_with_stdin(
        &["parse"],
        &ok(&[
            "render",
            "oney",
            "oney_payment",
            "ERR_02",
            "--arg",
            "max=128",
        ]),
    );
    assert!(out.starts_with("{\n  \"catalog\": \"oney_payment\",\n  \"variant\": \"FieldTooLong\",\n  \"code\": \"ERR_02\",\n  \"title\": \"Field Too Long\",\n  \"received\": {\n    \"format\": \"oney\",\n    \"status\": 400,"), "{out}");
}

fn ok_with_stdin(args: &[&str], stdin: &str) -> String {
    let out = run(args, stdin);
    assert_eq!(out.code, 0, "{}", out.stderr);
    out.stdout
}

#[test]
fn parse_of_bare_bodies_and_unknown_codes() {
    let out = ok_with_stdin(
        &["parse"],
        r#"{"object":"error","location":"x","code":"brand_new","message":"m"}"#,
    );
    let parsed: serde_json::Value = serde_json::from_str(&out).unwrap();
    assert_eq!(parsed["variant"], serde_json::Value::Null);
    assert_eq!(parsed["catalog"], serde_json::Value::Null);
    assert_eq!(parsed["code"], "brand_new");
    let out = run(
        &["parse", "--strict", "--format", "oney"],
        r#"{"code":"x"}"#,
    );
    assert_eq!(
        (out.code, out.stderr.as_str()),
        (1, "error: oney body has no `error_list` member\n")
    );
    let out = run(
        &["parse", "--strict"],
        "HTTP/1.1 502 Bad Gateway\r\ncontent-type: text/html\r\n\r\n<html></html>",
    );
    assert_eq!(
        (out.code, out.stderr.as_str()),
        (1, "error: body is an HTML page, not a JSON error object\n")
    );
    let out = run(&["parse", "--format", "oney"], r#"{"code":"x"}"#);
    assert_eq!(out.code, 2);
    assert!(out.stderr.starts_with(
        "error: --format reads a body as one format, which only --strict does\nusage: catalog list"
    ));
}

#[test]
fn parse_prints_foreign_responses_instead_of_failing() {
    let out = ok_with_stdin(
        &["parse"],
        "HTTP/1.1 502 Bad Gateway\r\ncontent-type: text/html\r\nretry-after: 30\r\n\r\n<html>Bad Gateway</html>",
    );
    assert_eq!(
        out,
        r#"{
  "catalog": null,
  "variant": null,
  "code": null,
  "title": null,
  "received": null,
  "unrecognised": {
    "status": 502,
    "content_type": "text/html",
    "message": null,
    "trace_id": null,
    "retry_after_seconds": 30,
    "body": "<html>Bad Gateway</html>",
    "body_truncated": false
  }
}
"#
    );
    let out = ok_with_stdin(
        &["parse"],
        "HTTP/1.1 401 Unauthorized\r\ncontent-type: application/json\r\n\r\n{ \"statusCode\": 401, \"message\": \"Access denied due to invalid subscription key.\" }",
    );
    let parsed: serde_json::Value = serde_json::from_str(&out).unwrap();
    assert_eq!(parsed["unrecognised"]["status"], 401);
    assert_eq!(
        parsed["unrecognised"]["message"],
        "Access denied due to invalid subscription key."
    );
    // A quirk the strict reader refuses is read: the ePayment page's trailing comma.
    let out = ok_with_stdin(
        &["parse"],
        "{\"type\":\"https://httpstatuses.io/400\",\"status\":400,\"extraDetails\":[{\"name\":\"ErrorCode\",\"reason\":\"6080\"}],}",
    );
    let parsed: serde_json::Value = serde_json::from_str(&out).unwrap();
    assert_eq!(parsed["catalog"], "vipps_epayment");
    assert_eq!(parsed["variant"], "CannotCaptureBeforeReservation");
}

/// The real binary, once: arguments, standard input and the exit status travel through.
#[test]
fn example_binary_smoke() {
    use std::io::Write;
    use std::process::{Command, Stdio};
    // Cargo builds the package's binary before its integration tests.
    let catalog = env!("CARGO_BIN_EXE_catalog");
    let out = Command::new(catalog)
        .args(["render", "omise", "omise", "used_tokn"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).contains("did you mean `used_token`?"));
    let mut child = Command::new(catalog)
        .arg("parse")
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .spawn()
        .unwrap();
    let body = ok(&["render", "omise", "omise", "used_token"]);
    child
        .stdin
        .take()
        .unwrap()
        .write_all(body.as_bytes())
        .unwrap();
    let out = child.wait_with_output().unwrap();
    assert_eq!(out.status.code(), Some(0));
    assert!(String::from_utf8_lossy(&out.stdout).contains("\"variant\": \"UsedToken\""));
}

mod docs {
    //! `catalog docs`: Markdown reference pages, in English and Japanese.

    use super::cli;

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
}
