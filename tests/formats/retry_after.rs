//! `#[retry_after]`: the `Retry-After` header in every format, and Google's `RetryInfo`.

use apierror::{ApiError, Format, Renderer, RequestContext};

#[derive(Debug, ApiError)]
#[retry_after(30)]
enum GatewayError {
    #[status(503)]
    #[code("maintenance")]
    #[message("the gateway is under maintenance")]
    Maintenance,

    #[status(429)]
    #[code("rate_limited")]
    #[message("slow down")]
    #[retry_after(2)]
    RateLimited,

    #[status(404)]
    #[code("not_found")]
    #[message("no such charge")]
    NotFound,
}

fn response(format: Format, err: &GatewayError) -> http::Response<Vec<u8>> {
    let stripe = apierror::format::Stripe::new();
    let renderer = Renderer::all_built_in(Format::Problem).with_configured_format(stripe);
    let renderer = renderer.expect("stripe registers once");
    renderer.response(format, err, &RequestContext::new())
}

#[test]
fn every_format_sends_the_header() {
    let formats = [
        Format::Omise,
        Format::Problem,
        Format::Vipps,
        Format::Oney,
        Format::Google,
        Format::named("stripe"),
    ];
    for format in formats {
        let res = response(format, &GatewayError::Maintenance);
        assert_eq!(res.headers()["retry-after"], "30", "{format:?}");
        let res = response(format, &GatewayError::RateLimited);
        assert_eq!(res.headers()["retry-after"], "2", "{format:?}");
        let res = response(format, &GatewayError::NotFound);
        assert_eq!(res.headers().get("retry-after"), None, "{format:?}");
    }
}

#[test]
fn google_writes_retry_info() {
    let res = response(Format::Google, &GatewayError::RateLimited);
    assert_eq!(
        std::str::from_utf8(res.body()).unwrap(),
        r#"{"error":{"code":429,"message":"slow down","status":"RESOURCE_EXHAUSTED","details":[{"@type":"type.googleapis.com/google.rpc.ErrorInfo","reason":"RATE_LIMITED","metadata":{}},{"@type":"type.googleapis.com/google.rpc.RetryInfo","retryDelay":"2s"}]}}"#
    );
}

#[test]
fn the_client_reads_the_delay_back() {
    use apierror::parse::{decode, DecodeOptions, RetryAfter};
    let res = response(Format::Problem, &GatewayError::Maintenance);
    let options = DecodeOptions::default();
    let decoded = decode::<GatewayError>(503, res.headers(), res.body(), &options);
    let delay = std::time::Duration::from_secs(30);
    match decoded {
        apierror::parse::Decoded::Typed { error, response } => {
            assert!(matches!(error, GatewayError::Maintenance));
            assert_eq!(response.retry_after, Some(RetryAfter::Delay(delay)));
        }
        other => panic!("not typed: {other:?}"),
    }
}
