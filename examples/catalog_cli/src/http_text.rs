//! HTTP/1.1 response text: written by `render`, read back by `parse`.

use http::Response;

/// The response as sent on the wire: status line, headers (with `content-length`, which a
/// server adds), an empty line and the body, lines ending in CRLF.
pub fn write(response: &Response<Vec<u8>>) -> String {
    let status = response.status();
    let mut out = format!(
        "HTTP/1.1 {} {}\r\n",
        status.as_str(),
        status.canonical_reason().unwrap_or("")
    );
    for (name, value) in response.headers() {
        out.push_str(&format!(
            "{name}: {}\r\n",
            String::from_utf8_lossy(value.as_bytes())
        ));
    }
    out.push_str(&format!(
        "content-length: {}\r\n\r\n",
        response.body().len()
    ));
    // Bodies are built from UTF-8 text, so nothing is lost.
    out.push_str(&String::from_utf8_lossy(response.body()));
    out
}

/// A received response read from text: a full response, or a bare body.
pub struct Message<'a> {
    pub status: Option<u16>,
    pub content_type: Option<String>,
    /// Every header line that is a valid header (others are skipped, as a client would).
    pub headers: http::HeaderMap,
    pub body: &'a [u8],
}

/// Splits `input` into status, `Content-Type` and body. Input not starting with
/// `HTTP/` is a bare body.
pub fn read(input: &[u8]) -> Result<Message<'_>, String> {
    if !input.starts_with(b"HTTP/") {
        return Ok(Message {
            status: None,
            content_type: None,
            headers: http::HeaderMap::new(),
            body: input,
        });
    }
    let (head, body) = split_head(input).ok_or("response has no empty line after its headers")?;
    let head = std::str::from_utf8(head).map_err(|_| "response headers are not UTF-8")?;
    let mut lines = head.lines();
    let status_line = lines.next().unwrap_or("");
    let status = status_line
        .split_whitespace()
        .nth(1)
        .and_then(|s| s.parse::<u16>().ok())
        .filter(|s| (100..=999).contains(s))
        .ok_or_else(|| format!("`{}` is not a status line", status_line.trim_end()))?;
    let mut headers = http::HeaderMap::new();
    for (name, value) in lines.filter_map(|line| line.split_once(':')) {
        let name = http::HeaderName::from_bytes(name.trim().as_bytes());
        let value = http::HeaderValue::from_str(value.trim());
        if let (Ok(name), Ok(value)) = (name, value) {
            headers.append(name, value);
        }
    }
    let content_type = headers
        .get(http::header::CONTENT_TYPE)
        .and_then(|v| v.to_str().ok())
        .map(str::to_owned);
    Ok(Message {
        status: Some(status),
        content_type,
        headers,
        body,
    })
}

/// The head and the body, split at the first empty line (CRLF or LF endings).
fn split_head(input: &[u8]) -> Option<(&[u8], &[u8])> {
    let crlf = find(input, b"\r\n\r\n").map(|i| (i, 4));
    let lf = find(input, b"\n\n").map(|i| (i, 2));
    let (at, len) = match (crlf, lf) {
        (Some(a), Some(b)) => {
            if a.0 <= b.0 {
                a
            } else {
                b
            }
        }
        (a, b) => a.or(b)?,
    };
    Some((&input[..at], &input[at + len..]))
}

fn find(haystack: &[u8], needle: &[u8]) -> Option<usize> {
    haystack.windows(needle.len()).position(|w| w == needle)
}
