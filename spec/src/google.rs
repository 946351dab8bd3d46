//! Google's error model (AIP-193): the `google.rpc.Code` names, the name an HTTP status maps
//! to, the `ErrorInfo.reason` of a code, and the literal pieces of a body.
//!
//! ```text
//! {"error":{"code":404,"message":"…","status":"NOT_FOUND","details":[{"@type":"type.googleapis.com/google.rpc.ErrorInfo","reason":"…","domain":"…","metadata":{…}},…]}}
//! ```
//!
//! The runtime writes a body from the pieces ([`body`]) around values it escapes; the derive
//! writes the whole body of a variant with a static message and no field at compile time
//! ([`unit_body`]), one string literal in the generated code.

/// The 17 `google.rpc.Code` names, by number (`OK` is 0). A variant's `#[grpc(…)]` may name
/// any but `OK`, which is no error.
pub const CODE_NAMES: [&str; 17] = [
    "OK",
    "CANCELLED",
    "UNKNOWN",
    "INVALID_ARGUMENT",
    "DEADLINE_EXCEEDED",
    "NOT_FOUND",
    "ALREADY_EXISTS",
    "PERMISSION_DENIED",
    "RESOURCE_EXHAUSTED",
    "FAILED_PRECONDITION",
    "ABORTED",
    "OUT_OF_RANGE",
    "UNIMPLEMENTED",
    "INTERNAL",
    "UNAVAILABLE",
    "DATA_LOSS",
    "UNAUTHENTICATED",
];

/// The `google.rpc.Code` name an HTTP status maps to, as `google/rpc/code.proto` documents
/// each code's HTTP mapping; any other status by its class (4xx `FAILED_PRECONDITION`, 5xx
/// `INTERNAL`).
pub const fn code_name_of(status: u16) -> &'static str {
    match status {
        400 => "INVALID_ARGUMENT",
        401 => "UNAUTHENTICATED",
        403 => "PERMISSION_DENIED",
        404 => "NOT_FOUND",
        409 => "ABORTED",
        429 => "RESOURCE_EXHAUSTED",
        499 => "CANCELLED",
        500 => "INTERNAL",
        501 => "UNIMPLEMENTED",
        503 => "UNAVAILABLE",
        504 => "DEADLINE_EXCEEDED",
        // Any other status by its class.
        _ if status >= 400 && status < 500 => "FAILED_PRECONDITION",
        _ => "INTERNAL",
    }
}

/// Most characters of an `ErrorInfo.reason` (AIP-193).
pub const REASON_MAX: usize = 63;

/// Appends the `ErrorInfo.reason` of a code to `out`: upper case, every run of characters
/// other than ASCII letters and digits one `_`, none at either end, at most [`REASON_MAX`]
/// characters (`cart_not_found` gives `CART_NOT_FOUND`). Only ASCII letters, digits and `_`
/// are written: nothing to escape in JSON.
pub fn write_reason(out: &mut Vec<u8>, code: &str) {
    let start = out.len();
    let mut pending_underscore = false;
    for b in code.bytes() {
        if b.is_ascii_alphanumeric() {
            if pending_underscore && out.len() > start {
                out.push(b'_');
            }
            pending_underscore = false;
            out.push(b.to_ascii_uppercase());
        } else {
            pending_underscore = true;
        }
        if out.len() - start >= REASON_MAX {
            break;
        }
    }
    out.truncate(start + REASON_MAX.min(out.len() - start));
    while out.len() > start && out.last() == Some(&b'_') {
        out.pop();
    }
}

/// [`write_reason`] as a `String`.
pub fn reason(code: &str) -> String {
    let mut out = Vec::with_capacity(code.len());
    write_reason(&mut out, code);
    // Only ASCII is written.
    String::from_utf8(out).unwrap_or_default()
}

/// The literal pieces of a Google body, already JSON text, in the order they are written.
pub mod body {
    /// Before the status digits.
    pub const START: &str = "{\"error\":{\"code\":";
    /// Between the status digits and the message.
    pub const MESSAGE: &str = ",\"message\":\"";
    /// Between the message and the code name.
    pub const STATUS: &str = "\",\"status\":\"";
    /// Between the code name and the reason: the `ErrorInfo` detail's start.
    pub const INFO: &str =
        "\",\"details\":[{\"@type\":\"type.googleapis.com/google.rpc.ErrorInfo\",\"reason\":\"";
    /// Between the reason and the domain.
    pub const DOMAIN: &str = "\",\"domain\":\"";
    /// Between the reason or domain and the metadata members.
    pub const METADATA: &str = "\",\"metadata\":{";
    /// After the metadata members: the end of the `ErrorInfo` detail.
    pub const INFO_END: &str = "}}";
    /// A `Help` detail's start, before the title.
    pub const HELP: &str =
        ",{\"@type\":\"type.googleapis.com/google.rpc.Help\",\"links\":[{\"description\":\"";
    /// Between the `Help` detail's title and its location.
    pub const HELP_URL: &str = "\",\"url\":\"";
    /// After the `Help` detail's anchor.
    pub const HELP_END: &str = "\"}]}";
    /// After the last detail.
    pub const END: &str = "]}}";
}

/// The whole body of one error whose message is static and which has no field (no
/// metadata, no `BadRequest`), for a format that adds neither a domain nor a `RetryInfo`;
/// with where a format's domain member goes (right after the reason, when `domain` is
/// `None`). Every text is already escaped for the inside of a JSON string; `help` is the
/// title, location and anchor of a `Help` detail.
pub fn unit_body(
    status: u16,
    message: &str,
    code_name: &str,
    reason: &str,
    domain: Option<&str>,
    help: Option<(&str, &str, &str)>,
) -> (String, usize) {
    let mut out = String::with_capacity(256);
    out.push_str(body::START);
    out.push_str(&status.to_string());
    out.push_str(body::MESSAGE);
    out.push_str(message);
    out.push_str(body::STATUS);
    out.push_str(code_name);
    out.push_str(body::INFO);
    out.push_str(reason);
    let domain_at = out.len();
    if let Some(domain) = domain {
        out.push_str(body::DOMAIN);
        out.push_str(domain);
    }
    out.push_str(body::METADATA);
    out.push_str(body::INFO_END);
    if let Some((title, location, anchor)) = help {
        out.push_str(body::HELP);
        out.push_str(title);
        out.push_str(body::HELP_URL);
        out.push_str(location);
        out.push('#');
        out.push_str(anchor);
        out.push_str(body::HELP_END);
    }
    out.push_str(body::END);
    (out, domain_at)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reasons() {
        for (code, want) in [
            ("used_token", "USED_TOKEN"),
            ("6080", "6080"),
            ("ERR_07", "ERR_07"),
            ("too-many__requests.", "TOO_MANY_REQUESTS"),
            ("__x", "X"),
            ("é", ""),
            ("a_é_b", "A_B"),
        ] {
            assert_eq!(reason(code), want, "{code}");
        }
        assert_eq!(reason(&"a".repeat(100)).len(), REASON_MAX);
        assert_eq!(reason(&format!("{}_b", "a".repeat(62))), "A".repeat(62));
        let mut out = b"x".to_vec();
        write_reason(&mut out, "_a_");
        assert_eq!(out, b"xA");
    }

    #[test]
    fn status_mapping() {
        assert_eq!(code_name_of(400), "INVALID_ARGUMENT");
        assert_eq!(code_name_of(418), "FAILED_PRECONDITION");
        assert_eq!(code_name_of(502), "INTERNAL");
        assert_eq!(CODE_NAMES[5], "NOT_FOUND");
        for status in 400..=599 {
            assert!(CODE_NAMES[1..].contains(&code_name_of(status)), "{status}");
        }
    }

    #[test]
    fn unit_bodies() {
        assert_eq!(
            unit_body(404, "m", "NOT_FOUND", "R", None, None),
            (
                r#"{"error":{"code":404,"message":"m","status":"NOT_FOUND","details":[{"@type":"type.googleapis.com/google.rpc.ErrorInfo","reason":"R","metadata":{}}]}}"#.to_owned(),
                130
            )
        );
        let (body, at) = unit_body(
            400,
            "m",
            "INVALID_ARGUMENT",
            "R",
            Some("d.test"),
            Some(("T", "https://x.test/e", "a-b")),
        );
        assert_eq!(
            body,
            r#"{"error":{"code":400,"message":"m","status":"INVALID_ARGUMENT","details":[{"@type":"type.googleapis.com/google.rpc.ErrorInfo","reason":"R","domain":"d.test","metadata":{}},{"@type":"type.googleapis.com/google.rpc.Help","links":[{"description":"T","url":"https://x.test/e#a-b"}]}]}}"#
        );
        assert!(body[..at].ends_with(r#""reason":"R"#), "{at}");
        assert!(body[at..].starts_with(r#"","domain":"d.test""#), "{at}");
    }
}
