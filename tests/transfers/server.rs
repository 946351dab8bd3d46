//! End-to-end tests of `examples/transfers_server`: the app is started on a loopback port
//! and spoken to over real HTTP with `ureq`.

use serde_json::Value;

use crate::support::http_client::{self, Answer as Res};
use crate::support::transfers_app::{self, start_app};
use crate::support::TRACE;

const PROBLEM: &str = "application/problem+json";

/// Starts a fresh app with `balance`; returns its base URL.
fn start(balance: i64) -> String {
    format!("http://{}", start_app(balance, 0))
}

/// Sends a request with the default key (see [`transfers_app::client::with_key`]).
fn send(method: &str, url: &str, headers: &[(&str, &str)], body: Option<&str>) -> Res {
    let agent = http_client::agent(std::time::Duration::from_secs(5));
    let headers = transfers_app::client::with_key(headers);
    http_client::send(&agent, method, url, &headers, body)
}

fn get(url: &str) -> Res {
    send("GET", url, &[], None)
}

fn post_json(url: &str, json: &str) -> Res {
    send(
        "POST",
        url,
        &[("Content-Type", "application/json")],
        Some(json),
    )
}

fn post_form(url: &str, form: &str) -> Res {
    send(
        "POST",
        url,
        &[("Content-Type", "application/x-www-form-urlencoded")],
        Some(form),
    )
}

fn omise(code: &str, message: &str) -> String {
    format!(
        r#"{{"object":"error","location":"https://www.omise.co/api-errors#{}","code":"{code}","message":"{message}"}}"#,
        code.replace('_', "-")
    )
}

fn problem(title: &str, status: u16, detail: &str, instance: &str, code: &str) -> String {
    format!(
        r#"{{"type":"about:blank","title":"{title}","status":{status},"detail":"{detail}","instance":"{instance}","code":"{code}","traceId":"{TRACE}"}}"#
    )
}

fn assert_omise(res: &Res, status: u16, code: &str, message: &str) {
    assert_eq!(res.status, status, "{}", res.body);
    assert_eq!(res.media_type(), "application/json");
    assert_eq!(
        res.header("content-type"),
        Some("application/json; charset=utf-8")
    );
    assert_eq!(res.body, omise(code, message));
}

fn create(base: &str, amount: i64) -> Value {
    let res = post_json(
        &format!("{base}/transfers"),
        &format!(r#"{{"amount":{amount}}}"#),
    );
    assert_eq!(res.status, 200, "{}", res.body);
    res.json()
}

fn id_of(transfer: &Value) -> String {
    transfer["id"].as_str().expect("id").to_owned()
}

#[test]
fn basic_auth_is_required() {
    let base = start(1_000_000);
    let url = format!("{base}/transfers");
    let failure = ("authentication_failure", "authentication failed");
    for auth in ["", "Basic d3Jvbmc6", "Bearer skey_test_apierror", "Basic"] {
        let res = send("GET", &url, &[("Authorization", auth)], None);
        assert_omise(&res, 401, failure.0, failure.1);
    }
    // Key without the colon, and a lower-case scheme, are accepted.
    let res = send(
        "GET",
        &url,
        &[("Authorization", "basic c2tleV90ZXN0X2FwaWVycm9y")],
        None,
    );
    assert_eq!(res.status, 200);
    // Unknown routes need the key too, as on Omise.
    let res = send(
        "GET",
        &format!("{base}/nope"),
        &[("Authorization", "")],
        None,
    );
    assert_omise(&res, 401, failure.0, failure.1);

    let res = send(
        "GET",
        &url,
        &[
            ("Authorization", ""),
            ("Accept", PROBLEM),
            ("traceparent", TRACE),
        ],
        None,
    );
    assert_eq!(res.status, 401);
    assert_eq!(res.header("content-type"), Some(PROBLEM));
    assert_eq!(
        res.body,
        problem(
            "Unauthorized",
            401,
            "authentication failed",
            "/transfers",
            "authentication_failure"
        )
    );
}

#[test]
fn create_with_json_and_form() {
    let base = start(1_000_000);
    let t = create(&base, 100_000);
    let id = id_of(&t);
    assert!(id.starts_with("trsf_test_"));
    assert!(id["trsf_test_".len()..]
        .bytes()
        .all(|b| b.is_ascii_digit() || b.is_ascii_lowercase()));
    // serde_json's map sorts its keys: compare as sets.
    let mut names: Vec<&str> = t
        .as_object()
        .expect("object")
        .keys()
        .map(|k| k.as_str())
        .collect();
    names.sort_unstable();
    let mut expected = [
        "object",
        "id",
        "livemode",
        "location",
        "amount",
        "bank_account",
        "created_at",
        "currency",
        "deleted",
        "fail_fast",
        "failure_code",
        "failure_message",
        "fee",
        "fee_vat",
        "metadata",
        "net",
        "paid",
        "paid_at",
        "recipient",
        "schedule",
        "sendable",
        "sent",
        "sent_at",
        "total_fee",
        "transactions",
    ];
    expected.sort_unstable();
    assert_eq!(names, expected);
    assert_eq!(t["object"], "transfer");
    assert_eq!(t["location"], format!("/transfers/{id}"));
    assert_eq!(
        (
            t["amount"].as_i64(),
            t["net"].as_i64(),
            t["total_fee"].as_i64()
        ),
        (Some(100_000), Some(96_790), Some(3210))
    );
    assert_eq!(t["failure_code"], Value::Null);
    assert_eq!(t["sendable"], true);
    assert!(transfers_server::time::parse(t["created_at"].as_str().expect("created_at")).is_some());

    let res = post_form(
        &format!("{base}/transfers"),
        "amount=200000&fail_fast=true&metadata[customer-id]=42",
    );
    assert_eq!(res.status, 200, "{}", res.body);
    let t = res.json();
    assert_eq!(t["amount"], 200_000);
    assert_eq!(t["fail_fast"], true);
    assert_eq!(t["metadata"]["customer-id"], "42");

    let res = post_json(
        &format!("{base}/transfers"),
        r#"{"amount":5000,"metadata":{"customer-id":42}}"#,
    );
    assert_eq!(res.json()["metadata"]["customer-id"], 42);
}

#[test]
fn invalid_amounts() {
    let base = start(1_000_000);
    let url = format!("{base}/transfers");
    let cases: &[(&str, &str)] = &[
        (
            r#"{"amount":2000000}"#,
            "amount exceeds the available balance",
        ),
        (r#"{"amount":0}"#, "amount must be greater than 0"),
        (r#"{"amount":-5}"#, "amount must be greater than 0"),
        (r#"{"amount":100.5}"#, "amount must be an integer"),
        (r#"{"amount":"lots"}"#, "amount must be an integer"),
        (
            r#"{"amount":3210}"#,
            "amount must be greater than the transfer fee",
        ),
    ];
    for (body, message) in cases {
        assert_omise(&post_json(&url, body), 400, "invalid_transfer", message);
    }
    assert_omise(
        &post_form(&url, "amount=1.5"),
        400,
        "invalid_transfer",
        "amount must be an integer",
    );
    assert_omise(
        &post_form(&url, "amount=-1"),
        400,
        "invalid_transfer",
        "amount must be greater than 0",
    );
    assert_omise(
        &post_json(&url, r#"{"amount":5000,"fail_fast":"yes"}"#),
        400,
        "bad_request",
        "fail_fast must be a boolean",
    );
    assert_omise(
        &post_json(&url, r#"{"metadata":[1]}"#),
        400,
        "bad_request",
        "metadata must be an object",
    );

    // The balance is held by a transfer and returned when it is deleted.
    let t = create(&base, 600_000);
    assert_omise(
        &post_json(&url, r#"{"amount":600000}"#),
        400,
        "invalid_transfer",
        "amount exceeds the available balance",
    );
    let res = send(
        "DELETE",
        &format!("{base}/transfers/{}", id_of(&t)),
        &[],
        None,
    );
    assert_eq!(res.status, 200);
    create(&base, 600_000);

    let res = send(
        "POST",
        &url,
        &[
            ("Content-Type", "application/json"),
            ("Accept", PROBLEM),
            ("traceparent", TRACE),
            ("Accept-Language", "ja, en;q=0.5"),
        ],
        Some(r#"{"amount":0}"#),
    );
    assert_eq!(res.status, 400);
    // The Omise catalog's wire text is English (its Japanese page says so): a body is
    // labelled with the language it is written in, whatever the request prefers.
    assert_eq!(res.header("content-language"), Some("en"));
    assert_eq!(
        res.body,
        problem(
            "Bad Request",
            400,
            "amount must be greater than 0",
            "/transfers",
            "invalid_transfer"
        )
    );
}

#[test]
fn retrieve_update_delete() {
    let base = start(1_000_000);
    let t = create(&base, 100_000);
    let url = format!("{base}/transfers/{}", id_of(&t));

    let res = get(&url);
    assert_eq!(res.status, 200);
    assert_eq!(res.json(), t);

    let res = send(
        "PATCH",
        &url,
        &[("Content-Type", "application/json")],
        Some(r#"{"amount":150000,"metadata":{"note":"x"}}"#),
    );
    assert_eq!(res.status, 200, "{}", res.body);
    let updated = res.json();
    assert_eq!(
        (updated["amount"].as_i64(), updated["net"].as_i64()),
        (Some(150_000), Some(146_790))
    );
    assert_eq!(updated["metadata"]["note"], "x");

    let res = send(
        "PATCH",
        &url,
        &[("Content-Type", "application/x-www-form-urlencoded")],
        Some("amount=2000000"),
    );
    assert_omise(
        &res,
        400,
        "invalid_transfer",
        "amount exceeds the available balance",
    );

    let res = send("DELETE", &url, &[], None);
    assert_eq!(res.status, 200);
    let deleted = res.json();
    assert_eq!(deleted["deleted"], true);
    assert_eq!(deleted["failure_code"], "transfer_deleted");
    assert_eq!(deleted["failure_message"], "transfer was deleted");
    assert_eq!(get(&url).json()["deleted"], true);

    assert_omise(
        &send("DELETE", &url, &[], None),
        400,
        "invalid_transfer",
        "transfer was deleted",
    );
    assert_omise(
        &send(
            "PATCH",
            &url,
            &[("Content-Type", "application/json")],
            Some("{}"),
        ),
        400,
        "invalid_transfer",
        "transfer was deleted",
    );
    assert_omise(
        &send("POST", &format!("{url}/mark_as_sent"), &[], None),
        400,
        "invalid_transfer",
        "transfer was deleted",
    );
    assert_omise(
        &send("POST", &format!("{url}/mark_as_paid"), &[], None),
        400,
        "invalid_transfer",
        "transfer was deleted",
    );

    let missing = format!("{base}/transfers/trsf_test_missing");
    for method in ["GET", "PATCH", "DELETE"] {
        assert_omise(
            &send(method, &missing, &[], None),
            404,
            "not_found",
            "the requested object was not found",
        );
    }
    for action in ["mark_as_sent", "mark_as_paid"] {
        let res = send("POST", &format!("{missing}/{action}"), &[], None);
        assert_omise(&res, 404, "not_found", "the requested object was not found");
    }
    let res = send(
        "GET",
        &missing,
        &[("Accept", PROBLEM), ("traceparent", TRACE)],
        None,
    );
    assert_eq!(
        res.body,
        problem(
            "Not Found",
            404,
            "the requested object was not found",
            "/transfers/trsf_test_missing",
            "not_found"
        )
    );
}

#[test]
fn mark_as_sent_and_paid() {
    let base = start(1_000_000);
    let url = format!("{base}/transfers/{}", id_of(&create(&base, 100_000)));

    assert_omise(
        &send("POST", &format!("{url}/mark_as_paid"), &[], None),
        400,
        "invalid_transfer",
        "transfer has not been sent",
    );
    let sent = send("POST", &format!("{url}/mark_as_sent"), &[], None).json();
    assert_eq!(sent["sent"], true);
    assert!(sent["sent_at"].is_string());
    assert_omise(
        &send("POST", &format!("{url}/mark_as_sent"), &[], None),
        400,
        "invalid_transfer",
        "transfer was already sent",
    );
    assert_omise(
        &send(
            "PATCH",
            &url,
            &[("Content-Type", "application/json")],
            Some(r#"{"amount":5000}"#),
        ),
        400,
        "invalid_transfer",
        "transfer was already sent",
    );
    assert_omise(
        &send("DELETE", &url, &[], None),
        400,
        "invalid_transfer",
        "transfer was already sent",
    );

    let paid = send("POST", &format!("{url}/mark_as_paid"), &[], None).json();
    assert_eq!(
        (paid["paid"].clone(), paid["sent"].clone()),
        (Value::Bool(true), Value::Bool(true))
    );
    assert!(paid["paid_at"].is_string());
    assert_omise(
        &send("POST", &format!("{url}/mark_as_paid"), &[], None),
        400,
        "invalid_transfer",
        "transfer was already paid",
    );
    assert_omise(
        &send("DELETE", &url, &[], None),
        400,
        "invalid_transfer",
        "transfer was already paid",
    );
}

#[test]
fn invalid_recipient_is_a_failure_on_the_object() {
    let base = start(1_000_000);
    let res = post_json(
        &format!("{base}/transfers"),
        r#"{"amount":10000,"recipient":"recp_test_other"}"#,
    );
    assert_eq!(res.status, 200);
    let t = res.json();
    assert_eq!(t["failure_code"], "invalid_recipient");
    assert_eq!(t["failure_message"], "invalid recipient");
    assert_eq!(t["sendable"], false);
    let url = format!("{base}/transfers/{}/mark_as_sent", id_of(&t));
    assert_omise(
        &send("POST", &url, &[], None),
        400,
        "invalid_transfer",
        "transfer is not sendable",
    );
}

#[test]
fn list_pagination() {
    let base = start(10_000_000);
    let ids: Vec<String> = (1..=5).map(|i| id_of(&create(&base, 10_000 * i))).collect();

    let list = get(&format!("{base}/transfers")).json();
    assert_eq!(list["object"], "list");
    assert_eq!(
        (
            list["total"].as_u64(),
            list["limit"].as_u64(),
            list["offset"].as_u64()
        ),
        (Some(5), Some(20), Some(0))
    );
    assert_eq!(list["order"], "chronological");
    assert_eq!(list["from"], "1970-01-01T00:00:00Z");
    assert_eq!(list["location"], "/transfers");
    let got: Vec<&str> = list["data"]
        .as_array()
        .expect("data")
        .iter()
        .filter_map(|t| t["id"].as_str())
        .collect();
    assert_eq!(got, ids.iter().map(String::as_str).collect::<Vec<_>>());

    let list = get(&format!(
        "{base}/transfers?limit=2&offset=1&order=reverse_chronological"
    ))
    .json();
    let got: Vec<&str> = list["data"]
        .as_array()
        .expect("data")
        .iter()
        .filter_map(|t| t["id"].as_str())
        .collect();
    assert_eq!(got, [ids[3].as_str(), ids[2].as_str()]);
    assert_eq!(list["total"], 5);

    assert_eq!(
        get(&format!("{base}/transfers?limit=500")).json()["limit"],
        100
    );
    let list = get(&format!(
        "{base}/transfers?from=2000-01-01T00:00:00Z&to=2000-12-31T00:00:00Z"
    ))
    .json();
    assert_eq!(
        (list["total"].as_u64(), list["to"].as_str()),
        (Some(0), Some("2000-12-31T00:00:00Z"))
    );

    assert_omise(
        &get(&format!("{base}/transfers?from=yesterday")),
        400,
        "bad_request",
        "from must be a UTC time like 2024-01-31T23:59:59Z",
    );
}

#[test]
fn framework_rejections_in_omise_format() {
    let base = start(1_000_000);
    let url = format!("{base}/transfers");
    assert_omise(
        &post_json(&url, "{bad"),
        400,
        "bad_request",
        // Omise has one message: the violation's, here about the body as a whole.
        "is not valid JSON",
    );
    assert_omise(
        &post_json(&url, "[1]"),
        400,
        "bad_request",
        "has the wrong type, expected a map",
    );
    assert_omise(
        &send(
            "POST",
            &url,
            &[("Content-Type", "text/plain")],
            Some("amount=1"),
        ),
        400,
        "bad_request",
        "Expected request with `Content-Type: application/json`",
    );
    assert_omise(
        &get(&format!("{url}?limit=abc")),
        400,
        "bad_request",
        "limit has an invalid value",
    );
    assert_omise(
        &get(&format!("{url}?offset=-1")),
        400,
        "bad_request",
        "offset has an invalid value",
    );
    let not_found = "the requested object was not found";
    assert_omise(&get(&format!("{base}/nope")), 404, "not_found", not_found);
    assert_omise(&send("PUT", &url, &[], None), 404, "not_found", not_found);
    assert_omise(
        &send("POST", &format!("{url}/x"), &[], None),
        404,
        "not_found",
        not_found,
    );
    let res = send("PUT", &url, &[], None);
    assert_eq!(res.header("allow"), Some("POST,GET,HEAD"));
}

#[test]
fn framework_rejections_in_problem_format() {
    let base = start(1_000_000);
    let headers = [
        ("Content-Type", "application/json"),
        ("Accept", PROBLEM),
        ("traceparent", TRACE),
    ];
    let res = send("POST", &format!("{base}/transfers"), &headers, Some("{bad"));
    assert_eq!(res.status, 400);
    assert_eq!(res.header("content-type"), Some(PROBLEM));
    assert_eq!(res.header("vary"), Some("accept"));
    // The rejection's member (the body as a whole) is its one violation.
    assert_eq!(
        res.body,
        format!(
            r#"{{"type":"about:blank","title":"Bad Request","status":400,"detail":"Failed to parse the request body as JSON: is not valid JSON","instance":"/transfers","code":"bad_request","errors":[{{"code":"invalid_json","detail":"is not valid JSON","pointer":""}}],"traceId":"{TRACE}"}}"#
        )
    );
    let res = send("DELETE", &format!("{base}/nope/x"), &headers, None);
    assert_eq!(res.status, 404);
    assert_eq!(
        res.body,
        problem(
            "Not Found",
            404,
            "the requested object was not found",
            "/nope/x",
            "not_found"
        )
    );
}

#[test]
fn fresh_trace_ids_when_none_or_invalid() {
    let base = start(1_000_000);
    let url = format!("{base}/transfers/trsf_test_missing");
    let mut seen = Vec::new();
    for traceparent in [
        "",
        "00-xyz",
        "00-00000000000000000000000000000000-706492e906541d31-01",
    ] {
        let res = send(
            "GET",
            &url,
            &[("Accept", PROBLEM), ("traceparent", traceparent)],
            None,
        );
        let trace = res.json()["traceId"].as_str().expect("traceId").to_owned();
        assert!(apierror::web::is_traceparent(&trace), "{trace}");
        assert_ne!(trace, traceparent);
        seen.push(trace);
    }
    seen.dedup();
    assert_eq!(seen.len(), 3);
    // Omise bodies are the same whatever the context.
    let res = send(
        "GET",
        &url,
        &[("Accept", "application/json"), ("Accept-Language", "ja")],
        None,
    );
    assert_omise(&res, 404, "not_found", "the requested object was not found");
}

/// The member names of a JSON object, in the document's (sorted) order.
fn keys(object: &Value) -> Vec<&str> {
    let object = object.as_object().expect("a JSON object");
    object.keys().map(String::as_str).collect()
}

#[test]
fn the_location_of_the_servers_own_errors_is_its_public_reference_page() {
    let base = start(1_000_000);
    let res = send(
        "GET",
        &format!("{base}/errors"),
        &[("Authorization", "")],
        None,
    );
    assert_eq!(res.status, 200, "{}", res.body);
    assert_eq!(res.header("content-type"), Some("text/html; charset=utf-8"));
    // Each error has a section whose anchor is the one its `location` names.
    assert!(res.body.contains(
        "<section id=\"database-unavailable\"><h2>Database Unavailable</h2><p><code>database_unavailable</code>, HTTP 503</p><p>the service is temporarily unavailable; retry later</p><p>The database cannot be reached, or refuses to write (stopped, read-only, I/O error).</p></section>\n"
    ), "{}", res.body);
    let anchors = res.body.matches("<section id=").count();
    assert_eq!(anchors, 6, "{}", res.body);
    assert!(res.body.contains("<section id=\"idempotency-key-reused\">"));
}

#[test]
fn openapi_document_is_public_and_describes_every_operation() {
    let base = start(1_000_000);
    let res = send(
        "GET",
        &format!("{base}/openapi.json"),
        &[("Authorization", "")],
        None,
    );
    assert_eq!(res.status, 200, "{}", res.body);
    let doc = res.json();
    assert_eq!(doc["openapi"], "3.1.0");
    assert_eq!(doc["info"]["title"], "Omise Transfers (apierror example)");
    assert_eq!(
        keys(&doc["paths"]),
        [
            "/transfers",
            "/transfers/{id}",
            "/transfers/{id}/mark_as_paid",
            "/transfers/{id}/mark_as_sent"
        ]
    );
    let item = &doc["paths"]["/transfers/{id}"];
    for method in ["get", "patch", "delete"] {
        assert!(item[method].is_object(), "{method} /transfers/{{id}}");
    }
    let not_found = &item["get"]["responses"]["404"]["content"]["application/json; charset=utf-8"];
    assert_eq!(
        not_found["examples"]["NotFound"]["value"],
        serde_json::json!({
            "object": "error",
            "location": "https://www.omise.co/api-errors#not-found",
            "code": "not_found",
            "message": "the requested object was not found"
        })
    );
    // The server's own errors beside Omise's, merged by status: Omise's one 503 with the
    // server's three, and a 500 of each.
    let unavailable =
        &item["get"]["responses"]["503"]["content"]["application/json; charset=utf-8"];
    assert_eq!(
        keys(&unavailable["examples"]),
        [
            "DatabaseBusy",
            "DatabaseUnavailable",
            "SearchUnavailable",
            "StorageFull"
        ]
    );
    assert_eq!(
        unavailable["examples"]["DatabaseUnavailable"]["value"],
        serde_json::json!({
            "object": "error",
            "location": "http://127.0.0.1:8080/errors#database-unavailable",
            "code": "database_unavailable",
            "message": "the service is temporarily unavailable; retry later"
        })
    );
    let internal = &item["get"]["responses"]["500"]["content"]["application/json; charset=utf-8"];
    assert_eq!(keys(&internal["examples"]), ["Internal", "InternalError"]);
}
