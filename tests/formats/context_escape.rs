//! An instance or trace id with a quote or backslash is escaped in problem bodies (the
//! context copies them unescaped only when they need no escaping).

use apierror::format::ProblemFormat;
use apierror::{ApiError, RequestContext};

#[derive(Debug, ApiError)]
#[status(400)]
#[code("used_token")]
#[message("token was already used")]
struct UsedToken;

#[test]
fn quotes_and_backslashes_in_the_context_are_escaped() {
    let ctx = RequestContext::new()
        .with_instance(r#"/a"b\c"#)
        .and_then(|c| c.with_trace_id(r#"t"\"#))
        .unwrap();
    for format in [ProblemFormat::vipps(), ProblemFormat::new()] {
        let mut buf = Vec::new();
        format.render(&UsedToken, &ctx, &mut buf);
        let value: serde_json::Value = serde_json::from_slice(&buf).unwrap();
        assert_eq!(value["instance"], r#"/a"b\c"#);
        assert_eq!(value["traceId"], r#"t"\"#);
    }
    let mut buf = Vec::new();
    ProblemFormat::vipps().render(&UsedToken, &ctx, &mut buf);
    let text = String::from_utf8(buf).unwrap();
    assert!(text.contains(r#""instance":"/a\"b\\c""#), "{text}");
    assert!(text.contains(r#""traceId":"t\"\\""#), "{text}");
}
