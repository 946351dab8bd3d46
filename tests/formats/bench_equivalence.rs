//! Every function of a benchmark group (`benches/wire.rs`) writes the same body, so the
//! benchmark compares like with like.

#[path = "../../benches/cases/mod.rs"]
mod cases;

use cases::{Fixture, Same, GROUPS, RESPONSE};

#[test]
fn every_function_of_a_group_writes_the_same_body() {
    let fx = Fixture::new();
    let expected: [(&str, &[u8]); 10] = [
        ("stripe_unit", cases::STRIPE_UNIT_BODY),
        ("jsonapi_list3", cases::JSONAPI_LIST3_BODY),
        ("microsoft_unit", cases::MICROSOFT_UNIT_BODY),
        ("custom_omise", cases::CUSTOM_OMISE_BODY),
        ("google_unit", cases::GOOGLE_UNIT_BODY),
        ("omise_unit", cases::OMISE_UNIT_BODY),
        ("omise_templated", cases::OMISE_TEMPLATED_BODY),
        ("omise_localized", cases::OMISE_LOCALIZED_BODY),
        ("problem_vipps", cases::VIPPS_BODY),
        ("oney_list3", cases::ONEY_BODY),
    ];
    for group in GROUPS {
        let (_, body) = expected
            .iter()
            .find(|(name, _)| *name == group.name)
            .unwrap();
        let body_value: serde_json::Value = serde_json::from_slice(body).unwrap();
        for (name, case, same) in group.functions {
            // Twice into one buffer: a reused buffer must not change the result.
            let mut buf = Vec::new();
            case(&fx, &mut buf);
            buf.clear();
            case(&fx, &mut buf);
            match same {
                Same::Bytes => assert_eq!(
                    String::from_utf8_lossy(&buf),
                    String::from_utf8_lossy(body),
                    "{}/{name}",
                    group.name
                ),
                Same::Json => {
                    let value: serde_json::Value = serde_json::from_slice(&buf).unwrap();
                    assert_eq!(value, body_value, "{}/{name}", group.name);
                }
            }
        }
    }
}

#[test]
fn every_response_is_the_same() {
    let fx = Fixture::new();
    let responses: Vec<_> = RESPONSE.iter().map(|(_, case)| case(&fx)).collect();
    let first = &responses[0];
    assert_eq!(first.status(), 400);
    assert_eq!(
        first.body().as_slice(),
        br#"{"type":"about:blank","title":"Bad Request","status":400,"detail":"token was already used","instance":"/v1/payments/577531734343670112/capture","code":"used_token","traceId":"00-813b63975adcaaeef2b0ec7c103c40e3-706492e906541d31-01"}"#
    );
    for (response, (name, _)) in responses.iter().zip(RESPONSE) {
        assert_eq!(response.status(), first.status(), "{name}");
        assert_eq!(response.headers(), first.headers(), "{name}");
        assert_eq!(response.body(), first.body(), "{name}");
    }
}
