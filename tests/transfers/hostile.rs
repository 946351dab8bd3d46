//! Hostile requests against `examples/transfers_server`: oversized and malformed bodies,
//! wrong content types, invalid UTF-8, control characters in headers, absurd parameters,
//! unknown methods and paths. Each must get a catalog error in the negotiated format (or,
//! for bytes that are not HTTP at all, hyper's bare `400`), leak nothing internal, and leave
//! the server serving.

use std::io::{Read, Write};
use std::net::{SocketAddr, TcpStream};
use std::time::Duration;

use serde_json::Value;

use crate::support::transfers_app::{start_app, AUTH};

const PROBLEM: &str = "application/problem+json";

/// Text that must never reach any body: framework, library and Rust internals.
const INTERNALS: &[&str] = &[
    "serde",
    "axum",
    "hyper",
    "tokio",
    "panicked",
    ".rs:",
    "src/",
    "std::",
    "core::",
    "alloc::",
    "Map<",
    "Vec<",
    "String",
    "ListQuery",
    "OmiseError",
    "apierror_catalog",
    "RUST_BACKTRACE",
];

/// Text of a parser's diagnostics: tolerated only as the `message` of a `bad_request`
/// (the app deliberately passes the framework's reason on, see `omise_rejection`), never
/// in any other error.
const DIAGNOSTICS: &[&str] = &["Failed to", "expected", "line", "column"];

/// Starts a fresh app with `balance`.
fn start(balance: i64) -> SocketAddr {
    start_app(balance, 0)
}

/// A response read off the wire.
#[derive(Debug)]
struct Res {
    status: u16,
    headers: Vec<(String, String)>,
    body: Vec<u8>,
}

impl Res {
    fn header(&self, name: &str) -> Option<&str> {
        self.headers
            .iter()
            .find(|(n, _)| n.eq_ignore_ascii_case(name))
            .map(|(_, v)| v.as_str())
    }

    fn text(&self) -> String {
        String::from_utf8(self.body.clone()).expect("UTF-8 body")
    }
}

/// Writes `request` (raw bytes, which must ask for `Connection: close`) to a fresh
/// connection and reads the whole answer. `None` when the server closed without answering.
fn raw(addr: SocketAddr, request: &[u8]) -> Option<Res> {
    raw_with(addr, request, false)
}

/// [`raw`], closing the write side after the request when `half_close` (or when the
/// request has no blank line): an incomplete request is then answered at end of input.
fn raw_with(addr: SocketAddr, request: &[u8], half_close: bool) -> Option<Res> {
    let mut stream = TcpStream::connect(addr).expect("connect");
    stream
        .set_read_timeout(Some(Duration::from_secs(10)))
        .expect("timeout");
    stream
        .set_write_timeout(Some(Duration::from_secs(10)))
        .expect("timeout");
    // The server may answer and close before reading everything (e.g. an oversized body):
    // a failed write is not a failure of the test, the answer is what counts.
    let _ = stream.write_all(request);
    if half_close || !request.windows(4).any(|w| w == b"\r\n\r\n") {
        let _ = stream.shutdown(std::net::Shutdown::Write);
    }
    let mut bytes = Vec::new();
    let _ = stream.read_to_end(&mut bytes);
    if bytes.is_empty() {
        return None;
    }
    let end = bytes
        .windows(4)
        .position(|w| w == b"\r\n\r\n")
        .expect("end of head");
    let head = std::str::from_utf8(&bytes[..end]).expect("ASCII head");
    let mut lines = head.split("\r\n");
    let status_line = lines.next().expect("status line");
    let status = status_line
        .split(' ')
        .nth(1)
        .and_then(|s| s.parse().ok())
        .expect("status");
    let headers: Vec<(String, String)> = lines
        .filter_map(|l| l.split_once(':'))
        .map(|(n, v)| (n.trim().to_owned(), v.trim().to_owned()))
        .collect();
    let mut body = bytes[end + 4..].to_vec();
    let chunked = headers.iter().any(|(n, v)| {
        n.eq_ignore_ascii_case("transfer-encoding") && v.eq_ignore_ascii_case("chunked")
    });
    if chunked {
        body = dechunk(&body);
    }
    Some(Res {
        status,
        headers,
        body,
    })
}

fn dechunk(mut data: &[u8]) -> Vec<u8> {
    let mut out = Vec::new();
    loop {
        let eol = data
            .windows(2)
            .position(|w| w == b"\r\n")
            .expect("chunk size");
        let size_text = std::str::from_utf8(&data[..eol]).expect("chunk size");
        let size = usize::from_str_radix(size_text.split(';').next().unwrap().trim(), 16)
            .expect("hex chunk size");
        data = &data[eol + 2..];
        if size == 0 {
            return out;
        }
        out.extend_from_slice(&data[..size]);
        data = &data[size + 2..];
    }
}

/// A request with the key, `Connection: close`, `extra` header lines (each ending in
/// CRLF) and `body` (with its `Content-Length` when given).
fn request(method: &str, target: &str, extra: &[u8], body: Option<&[u8]>) -> Vec<u8> {
    let mut out = Vec::new();
    out.extend_from_slice(
        format!("{method} {target} HTTP/1.1\r\nHost: 127.0.0.1\r\nAuthorization: {AUTH}\r\nConnection: close\r\n")
            .as_bytes(),
    );
    out.extend_from_slice(extra);
    if let Some(body) = body {
        out.extend_from_slice(format!("Content-Length: {}\r\n", body.len()).as_bytes());
    }
    out.extend_from_slice(b"\r\n");
    if let Some(body) = body {
        out.extend_from_slice(body);
    }
    out
}

const JSON: &[u8] = b"Content-Type: application/json\r\n";
const FORM: &[u8] = b"Content-Type: application/x-www-form-urlencoded\r\n";
const ACCEPT_PROBLEM: &[u8] = b"Accept: application/problem+json\r\n";

/// Checks that `res` is a catalog error: an Omise body with exactly its four members, or
/// (when `problem`) an RFC 9457 problem whose `status` is the HTTP status; and that it
/// leaks nothing. Returns the error's code.
fn assert_catalog_error(res: &Res, problem: bool, hostile: &[u8]) -> String {
    let text = res.text();
    assert!(res.status >= 400, "{} {text}", res.status);
    for internal in INTERNALS {
        assert!(!text.contains(internal), "{internal:?} leaked: {text}");
    }
    let value: Value = serde_json::from_str(&text).expect("JSON error body");
    let object = value.as_object().expect("an object");
    let code = object["code"].as_str().expect("code").to_owned();
    if problem {
        assert_eq!(res.header("content-type"), Some(PROBLEM), "{text}");
        assert_eq!(
            object["status"].as_u64(),
            Some(u64::from(res.status)),
            "{text}"
        );
        // `instance` is left out when the path is too long to be one.
        for member in ["type", "title", "status", "code", "traceId"] {
            assert!(object.contains_key(member), "{member} missing: {text}");
        }
    } else {
        assert_eq!(
            res.header("content-type"),
            Some("application/json; charset=utf-8"),
            "{text}"
        );
        let mut keys: Vec<&str> = object.keys().map(String::as_str).collect();
        keys.sort_unstable();
        assert_eq!(keys, ["code", "location", "message", "object"], "{text}");
        assert_eq!(object["object"], "error");
        assert_eq!(
            object["location"].as_str(),
            Some(&*format!(
                "https://www.omise.co/api-errors#{}",
                code.replace('_', "-")
            ))
        );
    }
    if code != "bad_request" {
        for diagnostic in DIAGNOSTICS {
            assert!(
                !text.contains(diagnostic),
                "{diagnostic:?} in {code}: {text}"
            );
        }
    }
    if res.status >= 500 {
        let hostile = String::from_utf8_lossy(hostile);
        if hostile.len() >= 8 {
            assert!(!text.contains(&*hostile), "hostile input echoed: {text}");
        }
    }
    code
}

/// A normal request still succeeds.
fn assert_serving(addr: SocketAddr) {
    let res = raw(addr, &request("GET", "/transfers?limit=1", b"", None)).expect("an answer");
    assert_eq!(res.status, 200, "{}", res.text());
    let list: Value = serde_json::from_slice(&res.body).expect("list");
    assert_eq!(list["object"], "list");
}

/// Sends `req` in both formats (Omise, then problem by `Accept`); both must be the
/// catalog error `code` with `status`; the server must keep serving.
fn check(
    addr: SocketAddr,
    method: &str,
    target: &str,
    extra: &[u8],
    body: Option<&[u8]>,
    status: u16,
    code: &str,
) {
    for problem in [false, true] {
        let mut headers = extra.to_vec();
        if problem {
            headers.extend_from_slice(ACCEPT_PROBLEM);
        }
        let res = raw(addr, &request(method, target, &headers, body))
            .unwrap_or_else(|| panic!("{method} {target}: no answer"));
        let hostile = body.unwrap_or(target.as_bytes());
        let got = assert_catalog_error(&res, problem, hostile);
        assert_eq!(
            (res.status, &*got),
            (status, code),
            "{method} {target}: {}",
            res.text()
        );
        assert_serving(addr);
    }
}

#[test]
fn oversized_bodies() {
    let addr = start(1_000_000);
    // axum's default body limit (2 MB) refuses a 3 MiB body with 413; the app answers
    // every non-404/405/401/5xx rejection as Omise's `bad_request` (400).
    let mut big = b"{\"amount\":100000,\"metadata\":{\"x\":\"".to_vec();
    big.resize(3 * 1024 * 1024, b'a');
    big.extend_from_slice(b"\"}}");
    check(
        addr,
        "POST",
        "/transfers",
        JSON,
        Some(&big),
        400,
        "bad_request",
    );
    let mut form = b"amount=100000&metadata[x]=".to_vec();
    form.resize(3 * 1024 * 1024, b'a');
    check(
        addr,
        "POST",
        "/transfers",
        FORM,
        Some(&form),
        400,
        "bad_request",
    );
    // The message names the limit, not the framework.
    let res = raw(addr, &request("POST", "/transfers", JSON, Some(&big))).unwrap();
    let error: Value = serde_json::from_slice(&res.body).unwrap();
    assert_eq!(
        error["message"],
        "Failed to buffer the request body: length limit exceeded"
    );
    // A Content-Length far beyond the limit, with no body sent.
    let res = raw(
        addr,
        b"POST /transfers HTTP/1.1\r\nHost: x\r\nAuthorization: Basic c2tleV90ZXN0X2FwaWVycm9yOg==\r\nConnection: close\r\nContent-Type: application/json\r\nContent-Length: 18446744073709551615\r\n\r\n",
    );
    if let Some(res) = res {
        assert!([400, 413, 431].contains(&res.status), "{res:?}");
        if !res.body.is_empty() {
            assert_catalog_error(&res, false, b"");
        }
    }
    assert_serving(addr);
}

#[test]
fn oversized_parameters() {
    let addr = start(1_000_000);
    // A 100 KB metadata value is under the body limit: the transfer is created with it.
    let value = "m".repeat(100 * 1024);
    let body = format!(r#"{{"amount":100000,"metadata":{{"note":"{value}"}}}}"#);
    let res = raw(
        addr,
        &request("POST", "/transfers", JSON, Some(body.as_bytes())),
    )
    .unwrap();
    assert_eq!(res.status, 200);
    let transfer: Value = serde_json::from_slice(&res.body).unwrap();
    assert_eq!(
        transfer["metadata"]["note"].as_str().map(str::len),
        Some(100 * 1024)
    );
    // A 10 KB id: not found, in both formats.
    let id = "i".repeat(10 * 1024);
    check(
        addr,
        "GET",
        &format!("/transfers/{id}"),
        b"",
        None,
        404,
        "not_found",
    );
    check(
        addr,
        "DELETE",
        &format!("/transfers/{id}"),
        b"",
        None,
        404,
        "not_found",
    );
    check(
        addr,
        "POST",
        &format!("/transfers/{id}/mark_as_sent"),
        b"",
        None,
        404,
        "not_found",
    );
    // A 60 KB query parameter.
    let junk = "9".repeat(60 * 1024);
    check(
        addr,
        "GET",
        &format!("/transfers?limit={junk}"),
        b"",
        None,
        400,
        "bad_request",
    );
    // Past 64 KiB the request target is refused by hyper (414, empty body) before the app.
    let junk = "9".repeat(100 * 1024);
    let res = raw(
        addr,
        &request("GET", &format!("/transfers?limit={junk}"), b"", None),
    );
    if let Some(res) = res {
        assert_eq!(res.status, 414, "{res:?}");
        assert!(res.body.is_empty(), "{res:?}");
    }
    assert_serving(addr);
    // An amount too large for i64, and the largest i64 (more than the balance).
    // A number JSON cannot hold (1e400) is a parse error.
    for (amount, code) in [
        ("99999999999999999999999999", "invalid_transfer"),
        ("9223372036854775807", "invalid_transfer"),
        ("-9223372036854775808", "invalid_transfer"),
        ("\"99999999999999999999999999\"", "invalid_transfer"),
        ("1e400", "bad_request"),
    ] {
        let body = format!(r#"{{"amount":{amount}}}"#);
        check(
            addr,
            "POST",
            "/transfers",
            JSON,
            Some(body.as_bytes()),
            400,
            code,
        );
    }
}

#[test]
fn malformed_bodies() {
    let addr = start(1_000_000);
    for body in [
        &b"{bad"[..],
        b"[1]",
        b"\"amount\"",
        b"{\"amount\":",
        b"{\"amount\":1}}",
        b"{\"a\":1,\"a\":2",
        b"\xff\xfe{}",
        b"{\"amount\":\"\xc3\x28\"}",
        b"\0\0\0\0",
        &[b'['; 10_000][..],
        b"{\"metadata\":{\"k\":[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[]}}",
    ] {
        check(addr, "POST", "/transfers", JSON, Some(body), 400, "bad_request");
    }
    for body in [
        &b"amount=%zz"[..],
        b"amount=\xff\xfe",
        b"amount=1&&&==&metadata[=&metadata[]]=x",
        b"amount=%&%=%",
    ] {
        let res = raw(addr, &request("POST", "/transfers", FORM, Some(body))).unwrap();
        let code = assert_catalog_error(&res, false, body);
        assert!(
            ["bad_request", "invalid_transfer"].contains(&&*code),
            "{code}: {}",
            res.text()
        );
        assert_serving(addr);
    }
    // Deeply nested JSON: serde_json's recursion limit, not a stack overflow.
    let mut deep = b"{\"metadata\":{\"k\":".to_vec();
    deep.extend(std::iter::repeat(b'[').take(100_000));
    check(
        addr,
        "POST",
        "/transfers",
        JSON,
        Some(&deep),
        400,
        "bad_request",
    );
}

#[test]
fn wrong_content_types() {
    let addr = start(1_000_000);
    for content_type in [
        &b"Content-Type: text/plain\r\n"[..],
        b"Content-Type: application/xml\r\n",
        b"Content-Type: multipart/form-data; boundary=x\r\n",
        b"Content-Type: application/jsonx\r\n",
        b"Content-Type: \r\n",
        b"Content-Type: ;;;\r\n",
        b"Content-Type: \xff\xfe\r\n",
    ] {
        check(
            addr,
            "POST",
            "/transfers",
            content_type,
            Some(b"{\"amount\":100000}"),
            400,
            "bad_request",
        );
    }
}

#[test]
fn hostile_headers() {
    let addr = start(1_000_000);
    // Values that reach the error body through the request context: odd but legal bytes.
    for header in [
        &b"Accept-Language: \"><script>alert(1)</script>\r\n"[..],
        b"Accept-Language: ja-JP\xff\xfe\r\n",
        b"Accept-Language: en\tx,;q=abc,*\r\n",
        b"Accept-Language: ,,,,\r\n",
        b"traceparent: 00-zzzz-\"}\r\n",
        b"traceparent: \xc3\x28\r\n",
        b"Accept: application/problem+json;q=abc, */*;q=-1\r\n",
        b"Accept: \xff\r\n",
    ] {
        check(
            addr,
            "GET",
            "/transfers/trsf_missing",
            header,
            None,
            404,
            "not_found",
        );
    }
    let long = format!("Accept-Language: {}\r\n", "a".repeat(8 * 1024));
    check(
        addr,
        "GET",
        "/transfers/trsf_missing",
        long.as_bytes(),
        None,
        404,
        "not_found",
    );
    // CR, LF, NUL and other control characters inside a header value are not HTTP: hyper
    // refuses them before the app sees the request, with a bare 400 (or a closed
    // connection). Nothing of the input comes back, and the server keeps serving.
    for header in [
        &b"Accept-Language: en\rX-Injected: 1\r\n"[..],
        b"Accept-Language: en\0\r\n",
        b"traceparent: 00-\x01\x02-\r\n",
        b"Accept-Language: en\x7f\x1b[31m\r\n",
        b"Accept-Language: en\n\r\n",
        b"Bad Header: x\r\n",
    ] {
        if let Some(res) = raw(
            addr,
            &request("GET", "/transfers/trsf_missing", header, None),
        ) {
            if res.status == 404 {
                assert_catalog_error(&res, false, header);
            } else {
                assert_eq!(res.status, 400, "{res:?}");
                assert!(res.body.is_empty(), "{res:?}");
            }
        }
        assert_serving(addr);
    }
}

#[test]
fn absurd_list_parameters() {
    let addr = start(1_000_000);
    for query in [
        "limit=18446744073709551615",
        "offset=18446744073709551615",
        "limit=-1",
        "offset=-1",
        "limit=abc",
        "offset=1.5",
        "limit=%00",
        "limit=%ff%fe",
        "order=sideways",
        "from=%0d%0aX:1",
        "to=9999999999-01-01T00:00:00Z",
        "from=2024-02-30T00:00:00Z",
    ] {
        check(
            addr,
            "GET",
            &format!("/transfers?{query}"),
            b"",
            None,
            400,
            "bad_request",
        );
    }
    // Largest accepted values answer an empty page, not an overflow.
    let res = raw(
        addr,
        &request(
            "GET",
            "/transfers?limit=4294967295&offset=4294967295",
            b"",
            None,
        ),
    )
    .unwrap();
    assert_eq!(res.status, 200, "{}", res.text());
    let list: Value = serde_json::from_slice(&res.body).unwrap();
    assert_eq!(list["limit"], 100);
    assert_eq!(list["data"].as_array().map(Vec::len), Some(0));
}

#[test]
fn unknown_methods_and_paths() {
    let addr = start(1_000_000);
    for method in ["BREW", "PUT", "TRACE", "PROPFIND", "M-SEARCH"] {
        check(addr, method, "/transfers", b"", None, 404, "not_found");
    }
    for path in [
        "/",
        "/transfers/",
        "/transfers//x",
        "/transfers/x/y/z",
        "/transfers/%00",
        "/transfers/%ff",
        "/transfers/..%2f..%2fetc%2fpasswd",
        "/../../etc/passwd",
        "/transfers/x/mark_as_sent/",
        "/TRANSFERS",
        "*",
    ] {
        let res = raw(addr, &request("GET", path, b"", None)).expect("an answer");
        let code = assert_catalog_error(&res, false, path.as_bytes());
        assert!(
            ["not_found", "bad_request"].contains(&&*code),
            "{path}: {}",
            res.text()
        );
        assert_serving(addr);
    }
    check(
        addr,
        "GET",
        &format!("/{}", "x/".repeat(5000)),
        b"",
        None,
        404,
        "not_found",
    );
    // Not HTTP: invalid method tokens, garbage, HTTP/9. hyper answers a bare 400 or closes.
    for garbage in [
        &b"BR(EW /transfers HTTP/1.1\r\nHost: x\r\n\r\n"[..],
        b"GET /transfers HTTP/9.9\r\nHost: x\r\n\r\n",
        b"\x16\x03\x01\x00\xa5\x01\x00\x00\xa1\x03\x03",
        b"GET /trans fers HTTP/1.1\r\nHost: x\r\n\r\n",
        b"\r\n\r\n\r\n",
    ] {
        if let Some(res) = raw_with(addr, garbage, true) {
            assert!([400, 505].contains(&res.status), "{res:?}");
            assert!(res.body.is_empty(), "{res:?}");
        }
        assert_serving(addr);
    }
}

#[test]
fn unauthenticated_hostile_requests() {
    let addr = start(1_000_000);
    // Without the key, even a 3 MiB body gets `authentication_failure` without being read.
    let mut big = vec![b'a'; 3 * 1024 * 1024];
    big[0] = b'{';
    let mut req = b"POST /transfers HTTP/1.1\r\nHost: x\r\nConnection: close\r\nContent-Type: application/json\r\n".to_vec();
    req.extend_from_slice(format!("Content-Length: {}\r\n\r\n", big.len()).as_bytes());
    req.extend_from_slice(&big);
    let res = raw(addr, &req).expect("an answer");
    assert_eq!(res.status, 401);
    assert_eq!(
        assert_catalog_error(&res, false, b""),
        "authentication_failure"
    );
    assert_serving(addr);
}
