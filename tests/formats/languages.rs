//! Languages: an error written in several languages answers in the one the request prefers
//! among those it has, and every body says truthfully which language it is in.

use apierror::parse::{decode, DecodeOptions};
use apierror::{ApiError, Format, Renderer, RequestContext};

use crate::support::Generic;

/// A shop's errors written in English, Japanese and Thai (`CartNotFound`), and in English
/// only (`EmptyCart`).
#[derive(Debug, PartialEq, ApiError)]
#[api_error(lang = "en")]
enum TranslatedShopError {
    #[status(404)]
    #[code("cart_not_found")]
    #[message("cart {id} was not found")]
    #[message(ja = "カート {id} が見つかりません", th = "ไม่พบตะกร้า {id}")]
    #[title(ja = "カートが見つかりません")]
    CartNotFound { id: u64 },

    #[status(400)]
    #[code("empty_cart")]
    #[message("the cart is empty")]
    EmptyCart,
}

/// A struct takes translations as an enum's variant does.
#[derive(Debug, PartialEq, ApiError)]
#[status(429)]
#[code("rate_limited")]
#[message("slow down, retry in {secs} s")]
#[message(ja = "{secs} 秒後に再試行してください")]
#[title("Rate Limited")]
#[title(ja = "リクエストが多すぎます")]
struct RateLimited {
    secs: u32,
}

/// The status, the `Content-Language` and `Vary` headers and the body of `err` in `format`
/// for a request preferring `accept_language`.
fn answer(
    format: Format,
    err: &dyn ApiError,
    accept_language: Option<&str>,
) -> (u16, String, Option<String>, String) {
    answer_all(format, &[err], accept_language)
}

/// [`answer`] for a body of several errors.
fn answer_all(
    format: Format,
    errors: &[&dyn ApiError],
    accept_language: Option<&str>,
) -> (u16, String, Option<String>, String) {
    let mut ctx = RequestContext::new();
    if let Some(preferences) = accept_language {
        ctx = ctx.with_accept_language(preferences).unwrap();
    }
    let res = Renderer::new(format).response_all(format, errors, &ctx);
    let header = |name: &str| {
        res.headers()
            .get(name)
            .map(|v| v.to_str().unwrap().to_owned())
    };
    (
        res.status().as_u16(),
        header("content-language").unwrap(),
        header("vary"),
        String::from_utf8(res.body().clone()).unwrap(),
    )
}

const CART: TranslatedShopError = TranslatedShopError::CartNotFound { id: 7 };

fn vary() -> Option<String> {
    Some("accept-language".to_owned())
}

#[test]
fn omise_and_oney_bodies_in_each_language() {
    let omise = |message: &str| {
        format!(
            r#"{{"object":"error","location":"https://www.omise.co/api-errors#cart-not-found","code":"cart_not_found","message":"{message}"}}"#
        )
    };
    for (preference, lang, message) in [
        (None, "en", "cart 7 was not found"),
        (Some("ja"), "ja", "カート 7 が見つかりません"),
        (Some("th-TH, en;q=0.5"), "th", "ไม่พบตะกร้า 7"),
    ] {
        assert_eq!(
            answer(Format::Omise, &CART, preference),
            (404, lang.to_owned(), vary(), omise(message)),
            "{preference:?}"
        );
    }
    assert_eq!(
        answer(Format::Oney, &CART, Some("ja")),
        (
            404,
            "ja".to_owned(),
            vary(),
            r#"{"language_code":"JA","error_list":[{"error":{"error_code":"cart_not_f","error_label":"カート 7 が見つかりません"}}]}"#.to_owned()
        )
    );
    assert_eq!(
        answer(Format::Oney, &CART, Some("th")),
        (
            404,
            "th".to_owned(),
            vary(),
            r#"{"language_code":"TH","error_list":[{"error":{"error_code":"cart_not_f","error_label":"ไม่พบตะกร้า 7"}}]}"#.to_owned()
        )
    );
}

/// Problem bodies write a title, and each text's language is chosen apart: Thai has a
/// message but no title, so a request for Thai gets the Thai detail under the English title
/// (the status phrase of `about:blank`, or the variant's English title), labelled both.
#[test]
fn problem_bodies_choose_each_texts_language() {
    assert_eq!(
        answer(Format::Problem, &CART, Some("ja")),
        (
            404,
            "ja".to_owned(),
            vary(),
            r#"{"type":"about:blank","title":"カートが見つかりません","status":404,"detail":"カート 7 が見つかりません","code":"cart_not_found"}"#.to_owned()
        )
    );
    assert_eq!(
        answer(Format::Problem, &CART, Some("th")),
        (
            404,
            "th, en".to_owned(),
            vary(),
            r#"{"type":"about:blank","title":"Not Found","status":404,"detail":"ไม่พบตะกร้า 7","code":"cart_not_found"}"#.to_owned()
        )
    );
    assert_eq!(
        answer(Format::Vipps, &CART, Some("th")),
        (
            404,
            "th, en".to_owned(),
            vary(),
            r#"{"type":"https://httpstatuses.io/404","title":"Cart Not Found","status":404,"detail":"ไม่พบตะกร้า 7","extraDetails":[{"name":"ErrorCode","reason":"cart_not_found"}],"traceId":""}"#.to_owned()
        )
    );
    assert_eq!(
        answer(Format::Vipps, &CART, Some("ja")),
        (
            404,
            "ja".to_owned(),
            vary(),
            r#"{"type":"https://httpstatuses.io/404","title":"カートが見つかりません","status":404,"detail":"カート 7 が見つかりません","extraDetails":[{"name":"ErrorCode","reason":"cart_not_found"}],"traceId":""}"#.to_owned()
        )
    );
    assert_eq!(
        answer(Format::Vipps, &RateLimited { secs: 3 }, Some("ja")),
        (
            429,
            "ja".to_owned(),
            vary(),
            r#"{"type":"https://httpstatuses.io/429","title":"リクエストが多すぎます","status":429,"detail":"3 秒後に再試行してください","extraDetails":[{"name":"ErrorCode","reason":"rate_limited"}],"traceId":""}"#.to_owned()
        )
    );
}

/// An error in one language answers in it whatever the request prefers, and does not vary.
#[test]
fn an_error_with_one_language_never_varies() {
    for format in Format::BUILT_IN {
        let (_, lang, vary, _) = answer(format, &TranslatedShopError::EmptyCart, Some("ja"));
        assert_eq!((lang.as_str(), vary), ("en", None), "{format}");
    }
}

/// Several errors in one body: only a language all of them have.
#[test]
fn several_errors_share_one_language() {
    let ctx = RequestContext::new().with_accept_language("ja").unwrap();
    let res = Renderer::default().response_all(
        Format::Oney,
        &[&CART, &TranslatedShopError::EmptyCart],
        &ctx,
    );
    assert_eq!(res.headers()["content-language"], "en");
    assert!(res.body().starts_with(br#"{"language_code":"EN","error_list":[{"error":{"error_code":"cart_not_f","error_label":"cart 7 was not found"}}"#));
    let res = Renderer::default().response_all(Format::Oney, &[&CART, &CART], &ctx);
    assert_eq!(res.headers()["content-language"], "ja");
}

/// An error declared in French only: it shares no language with `TranslatedShopError`.
#[derive(Debug, ApiError)]
#[api_error(lang = "fr")]
enum FrenchError {
    #[status(400)]
    #[code("ERR_04")]
    #[field("purchase.amount")]
    #[title("Valeur invalide")]
    #[message("valeur invalide")]
    Invalid,
}

/// An error in English with a French translation: the language it shares with
/// `FrenchError`.
#[derive(Debug, ApiError)]
enum Bilingual {
    #[status(400)]
    #[code("bad_amount")]
    #[message("amount is invalid")]
    #[message(fr = "montant invalide")]
    #[title(fr = "Montant invalide")]
    BadAmount,
}

/// Errors that share no language are each written in their own, and the header names
/// every language of the text, the first error's first. Omise writes only the first.
#[test]
fn errors_sharing_no_language_are_labelled_with_each() {
    let english: &dyn ApiError = &TranslatedShopError::EmptyCart;
    let french: &dyn ApiError = &FrenchError::Invalid;
    assert_eq!(
        answer_all(Format::Oney, &[english, french], Some("fr")),
        (
            400,
            "en, fr".to_owned(),
            None,
            r#"{"language_code":"EN","error_list":[{"error":{"error_code":"empty_cart","error_label":"the cart is empty"}},{"error":{"field":"purchase.amount","error_code":"ERR_04","error_label":"valeur invalide"}}]}"#.to_owned()
        )
    );
    assert_eq!(
        answer_all(Format::Problem, &[french, english], None),
        (
            400,
            "fr, en".to_owned(),
            None,
            r#"{"type":"about:blank","title":"Valeur invalide","status":400,"detail":"valeur invalide","code":"ERR_04","errors":[{"code":"ERR_04","detail":"valeur invalide","field":"purchase.amount"},{"code":"empty_cart","detail":"the cart is empty"}]}"#.to_owned()
        )
    );
    let (_, language, _, body) = answer_all(Format::Google, &[english, french], None);
    assert_eq!(language, "en, fr");
    assert!(
        body.contains(r#""description":"valeur invalide""#),
        "{body}"
    );
    // A Google body's descriptions are developer-facing, each in its error's default
    // language, even where the other has a translation in the body's.
    let bilingual: &dyn ApiError = &Bilingual::BadAmount;
    assert_eq!(
        answer_all(Format::Google, &[french, bilingual], None),
        (
            400,
            "fr, en".to_owned(),
            None,
            r#"{"error":{"code":400,"message":"valeur invalide","status":"INVALID_ARGUMENT","details":[{"@type":"type.googleapis.com/google.rpc.ErrorInfo","reason":"ERR_04","metadata":{}},{"@type":"type.googleapis.com/google.rpc.BadRequest","fieldViolations":[{"field":"purchase.amount","description":"valeur invalide","reason":"ERR_04"},{"description":"amount is invalid","reason":"BAD_AMOUNT"}]}]}}"#.to_owned()
        )
    );
    for (errors, language) in [([english, french], "en"), ([french, english], "fr")] {
        assert_eq!(answer_all(Format::Omise, &errors, None).1, language);
    }
}

/// Where the first error's default is not every error's, a translation that is wins:
/// one language for the whole body, whatever the request prefers.
#[test]
fn a_translation_every_error_has_is_chosen_over_a_default_one_lacks() {
    let errors: [&dyn ApiError; 2] = [&Bilingual::BadAmount, &FrenchError::Invalid];
    for accept_language in [None, Some("en"), Some("en, fr;q=0.1")] {
        assert_eq!(
            answer_all(Format::Oney, &errors, accept_language),
            (
                400,
                "fr".to_owned(),
                None,
                r#"{"language_code":"FR","error_list":[{"error":{"error_code":"bad_amount","error_label":"montant invalide"}},{"error":{"field":"purchase.amount","error_code":"ERR_04","error_label":"valeur invalide"}}]}"#.to_owned()
            ),
            "{accept_language:?}"
        );
    }
    let (_, language, vary, body) = answer_all(Format::Vipps, &errors, None);
    assert_eq!((language.as_str(), vary), ("fr", None));
    assert!(body.contains(r#""title":"Montant invalide""#), "{body}");
}

/// What `Accept-Language` values choose, for an error in English (default), Japanese and
/// Thai, in the Omise format.
#[test]
fn accept_language_matrix() {
    let many_ranges = "xx, ".repeat(5000) + "ja";
    let huge = format!("ja, {}", "a".repeat(1 << 20));
    let matrix: &[(Option<&str>, &str)] = &[
        (None, "en"),
        (Some("ja"), "ja"),
        (Some("JA"), "ja"),
        (Some("ja-JP"), "ja"),
        (Some("th;q=0.9, ja;q=0.8"), "th"),
        (Some("ja;q=0.8, th;q=0.9"), "th"),
        (Some("ja, th"), "ja"),
        (Some("en;q=0.1, ja;q=0.2"), "ja"),
        (Some("ja;q=0, th;q=0.1"), "th"),
        (Some("ja;q=0"), "en"),
        (Some("fr"), "en"),
        (Some("fr, ja;q=0.5"), "ja"),
        (Some("*"), "en"),
        (Some("fr, *;q=0.5, ja;q=0.4"), "en"),
        (Some("*;q=0.1, th"), "th"),
        (Some("ja;q=2, th;q=x"), "en"),
        (Some(",,;;==,q=1"), "en"),
        (Some("x-klingon, th"), "th"),
        (Some(&many_ranges), "en"),
        (Some(&huge), "en"),
    ];
    for (preference, lang) in matrix {
        let (_, content_language, _, body) = answer(Format::Omise, &CART, *preference);
        assert_eq!(&content_language, lang, "{preference:?}");
        let expected_message = match *lang {
            "ja" => "カート 7 が見つかりません",
            "th" => "ไม่พบตะกร้า 7",
            _ => "cart 7 was not found",
        };
        assert!(body.contains(expected_message), "{preference:?}: {body}");
    }
}

#[test]
fn the_catalog_lists_every_language() {
    let meta = TranslatedShopError::catalog()
        .find("cart_not_found")
        .unwrap();
    assert_eq!(meta.language, "en");
    assert_eq!(meta.languages().collect::<Vec<_>>(), ["en", "ja", "th"]);
    assert_eq!(meta.title_in("ja"), Some("カートが見つかりません"));
    assert_eq!(meta.title_in("th"), None);
    assert_eq!(meta.title_in("en"), Some("Cart Not Found"));
    assert_eq!(meta.message_in("th"), Some("ไม่พบตะกร้า {id}"));
    assert_eq!(meta.localized.len(), 2);
    let empty = TranslatedShopError::catalog().find("empty_cart").unwrap();
    assert_eq!(empty.languages().collect::<Vec<_>>(), ["en"]);
}

/// A client reads a localized body back to the typed variant, and keeps its language.
#[test]
fn localized_bodies_decode_to_the_typed_variant() {
    for preference in ["ja", "th", "en"] {
        for format in [Format::Omise, Format::Oney, Format::Vipps] {
            let ctx = RequestContext::new()
                .with_accept_language(preference)
                .unwrap();
            let res = Renderer::new(format).response(format, &CART, &ctx);
            let decoded = decode::<TranslatedShopError>(
                res.status().as_u16(),
                res.headers(),
                res.body(),
                &DecodeOptions::default(),
            );
            assert_eq!(decoded.typed(), Some(&CART), "{preference} {format}");
            let language = decoded.response().language.as_deref();
            assert_eq!(
                language,
                res.headers()["content-language"].to_str().ok(),
                "{preference} {format}"
            );
        }
    }
}

/// Translations of every shape the derive writes straight into a body: a lead and a
/// placeholder, a placeholder first, escapes, a format spec, no placeholder, a tag longer
/// than eight bytes, two tags with one primary subtag, a message a field may replace, and
/// a title translated without the message.
#[derive(Debug, ApiError)]
#[api_error(location = "https://shop.example.com/errors")]
enum Shapes {
    #[status(404)]
    #[code("item_missing")]
    #[message("item {id} is missing")]
    #[message(
        ja = "品目 \"{id}\" がありません",
        th = "{id} ไม่มี",
        pt = "item {id} (pt)",
        pt_BR = "item {id} (pt-BR)",
        zh_Hant_TW = "項目 {id}"
    )]
    #[title(ja = "品目がありません")]
    ItemMissing { id: String },

    #[status(400)]
    #[code("bad_ratio")]
    #[message("ratio {ratio:.1} is too high")]
    #[message(ja = "比率 {ratio:.1} が高すぎます")]
    BadRatio { ratio: f64 },

    #[status(409)]
    #[code("static_one")]
    #[message("a static message")]
    #[message(ja = "静的なメッセージ", en_GB = "a static message, GB")]
    StaticOne,

    #[status(422)]
    #[code("replaced")]
    #[message("default {id}")]
    #[message(ja = "既定 {id}")]
    Replaced {
        #[message]
        message: Option<&'static str>,
        id: u32,
    },

    #[status(400)]
    #[code("titled_only")]
    #[message("titled only")]
    #[title(ja = "題名だけ")]
    TitledOnly,
}

fn shapes() -> Vec<Shapes> {
    vec![
        Shapes::ItemMissing {
            id: "i\"7".to_owned(),
        },
        Shapes::BadRatio { ratio: 2.25 },
        Shapes::StaticOne,
        Shapes::Replaced {
            message: None,
            id: 3,
        },
        Shapes::Replaced {
            message: Some("replaced \"text\""),
            id: 3,
        },
        Shapes::TitledOnly,
    ]
}

fn renderers() -> [Renderer; 2] {
    use apierror::format::OmiseFormat;
    [
        Renderer::new(Format::Omise),
        Renderer::new(Format::Omise).with_omise(
            OmiseFormat::new()
                .with_location("https://docs.opn.ooo/api-errors")
                .unwrap(),
        ),
    ]
}

/// Every body of every shape for `accept_language`, in every format: rendered from the
/// derived parts (the Omise body choosing its language from the parts' table) and the
/// general way, and as a response, byte for byte the same.
fn same_bodies_every_way(accept_language: &str) {
    let Ok(ctx) = RequestContext::new().with_accept_language(accept_language) else {
        return;
    };
    for renderer in renderers() {
        for err in shapes() {
            for format in Format::BUILT_IN {
                let (mut derived, mut general) = (Vec::new(), Vec::new());
                renderer.render(format, &err, &ctx, &mut derived);
                renderer.render(format, &Generic(&err), &ctx, &mut general);
                let derived = String::from_utf8(derived).unwrap();
                assert_eq!(
                    derived,
                    String::from_utf8(general).unwrap(),
                    "{accept_language:?} {err:?} {format}"
                );
                let response = renderer.response(format, &err, &ctx);
                assert_eq!(
                    derived.as_bytes(),
                    response.body().as_slice(),
                    "{accept_language:?} {err:?} {format}"
                );
            }
        }
    }
}

/// The Omise body of a shape for a request: its message and `Content-Language`.
fn omise_message(err: &Shapes, accept_language: &str) -> (String, String) {
    let ctx = RequestContext::new()
        .with_accept_language(accept_language)
        .unwrap();
    let res = Renderer::new(Format::Omise).response(Format::Omise, err, &ctx);
    let mut body = Vec::new();
    Renderer::new(Format::Omise).render(Format::Omise, err, &ctx, &mut body);
    assert_eq!(&body, res.body());
    let body: serde_json::Value = serde_json::from_slice(&body).unwrap();
    (
        body["message"].as_str().unwrap().to_owned(),
        res.headers()["content-language"]
            .to_str()
            .unwrap()
            .to_owned(),
    )
}

#[test]
fn each_shape_of_translation_in_the_body() {
    let item = Shapes::ItemMissing { id: "7".into() };
    for (header, message, lang) in [
        ("ja-JP", "品目 \"7\" がありません", "ja"),
        ("th", "7 ไม่มี", "th"),
        ("pt-PT", "item 7 (pt)", "pt"),
        ("pt-BR", "item 7 (pt-BR)", "pt-BR"),
        ("PT-br-x-y", "item 7 (pt-BR)", "pt-BR"),
        ("zh-Hant-TW", "項目 7", "zh-Hant-TW"),
        ("zh-Hant", "item 7 is missing", "en"),
        ("fr, *;q=0.5, ja;q=0.4", "item 7 is missing", "en"),
        ("ja;q=0, ja-JP", "item 7 is missing", "en"),
        ("en;q=0, fr, th;q=0.1", "7 ไม่มี", "th"),
    ] {
        assert_eq!(
            omise_message(&item, header),
            (message.to_owned(), lang.to_owned()),
            "{header}"
        );
    }
    assert_eq!(
        omise_message(&Shapes::BadRatio { ratio: 2.25 }, "ja"),
        ("比率 2.2 が高すぎます".to_owned(), "ja".to_owned())
    );
    assert_eq!(
        omise_message(&Shapes::StaticOne, "en-GB, ja"),
        ("a static message, GB".to_owned(), "en-GB".to_owned())
    );
    let replaced = Shapes::Replaced {
        message: Some("over"),
        id: 1,
    };
    assert_eq!(
        omise_message(&replaced, "ja"),
        ("over".to_owned(), "en".to_owned())
    );
    assert_eq!(
        omise_message(&Shapes::TitledOnly, "ja"),
        ("titled only".to_owned(), "en".to_owned())
    );
}

#[test]
fn the_parts_table_and_the_general_way_write_the_same_bodies() {
    for header in [
        "ja",
        "ja-JP, en;q=0.5",
        "JA-jp",
        "th-TH",
        "pt",
        "pt-BR",
        "pt-br-x-a",
        "zh-Hant-TW",
        "zh-hant-tw-x-y",
        "en-GB",
        "en",
        "en-US, ja",
        "*",
        "*;q=0.5, th",
        "fr, ja;q=0.5",
        "ja;q=0, th",
        "*;q=0, ja",
        "x-klingon, th",
        "abcdefgh-x, ja",
        "ja-a-bb-c, th;q=0.1",
        "ja;q=2",
    ] {
        same_bodies_every_way(header);
    }
}

mod properties {
    use super::*;
    use proptest::prelude::*;

    /// A language range, realistic or not.
    fn range() -> impl Strategy<Value = String> {
        prop_oneof![
            prop::sample::select(vec![
                "ja", "th", "en", "JA-jp", "th-TH", "fr", "*", "x-y", ""
            ])
            .prop_map(str::to_owned),
            "[a-zA-Z*-]{0,12}",
            any::<String>(),
        ]
    }

    fn header() -> impl Strategy<Value = String> {
        let weighted = (
            range(),
            prop::option::of("(0(\\.[0-9]{0,4})?|1(\\.0{0,3})?|[0-9.x]{0,4})"),
        )
            .prop_map(|(range, q)| match q {
                Some(q) => format!("{range};q={q}"),
                None => range,
            });
        prop::collection::vec(weighted, 0..40).prop_map(|ranges| ranges.join(", "))
    }

    proptest! {
        /// Whatever the request prefers, the language written is one the error has, the
        /// header says that language, and the text is in it.
        #[test]
        fn the_header_is_the_language_of_the_text(header in header()) {
            let Ok(ctx) = RequestContext::new().with_accept_language(header.clone()) else {
                // Only control characters are refused.
                prop_assert!(header.chars().any(char::is_control));
                return Ok(());
            };
            same_bodies_every_way(&header);
            for format in Format::BUILT_IN {
                let res = Renderer::new(format).response(format, &CART, &ctx);
                let header_value = res.headers()["content-language"].to_str().unwrap();
                let body = std::str::from_utf8(res.body()).unwrap();
                // A Google body's message is English; a localized one comes beside it, and
                // the header names both (`en, ja`).
                let lang = match (format, header_value.split_once(", ")) {
                    (Format::Google, Some((first, localized))) => {
                        prop_assert_eq!(first, "en");
                        prop_assert!(body.contains("cart 7 was not found"));
                        localized
                    }
                    // A Thai detail goes under the English title: both are named.
                    (Format::Problem | Format::Vipps, Some(("th", title))) => {
                        prop_assert_eq!(title, "en");
                        "th"
                    }
                    _ => header_value,
                };
                let text = match lang {
                    "en" => "cart 7 was not found",
                    "ja" => "カート 7 が見つかりません",
                    "th" => "ไม่พบตะกร้า 7",
                    other => return Err(TestCaseError::fail(format!("{format}: {other} for {header:?}"))),
                };
                prop_assert!(body.contains(text), "{}: {} for {:?}", format, body, header);
            }
        }

        /// Several errors in one body, in whatever languages they have: each error's text
        /// is in one of them, and `Content-Language` names the language of every text the
        /// body holds, with no name twice.
        #[test]
        fn every_text_of_several_errors_is_labelled(
            header in header(),
            picks in prop::collection::vec(0..SEVERAL.len(), 1..5),
        ) {
            let Ok(ctx) = RequestContext::new().with_accept_language(header.clone()) else {
                return Ok(());
            };
            let errors: Vec<&dyn ApiError> = picks.iter().map(|&i| SEVERAL[i].0).collect();
            for format in Format::BUILT_IN {
                let res = Renderer::new(format).response_all(format, &errors, &ctx);
                let labels: Vec<&str> = res.headers()["content-language"]
                    .to_str()
                    .unwrap()
                    .split(", ")
                    .collect();
                let mut unique = labels.clone();
                unique.dedup();
                prop_assert_eq!(unique.len(), labels.len(), "{:?}", labels);
                let body = std::str::from_utf8(res.body()).unwrap();
                // The body alone, and its `Serialize` view, are the response's bytes.
                let renderer = Renderer::new(format);
                let mut rendered = Vec::new();
                renderer.render_all(format, &errors, &ctx, &mut rendered);
                prop_assert_eq!(&rendered, res.body(), "{} for {:?}", format, header);
                let viewed = serde_json::to_vec(&renderer.view(format, &errors, &ctx)).unwrap();
                prop_assert_eq!(&viewed, res.body(), "{} view for {:?}", format, header);
                for (n, &i) in picks.iter().enumerate() {
                    let written: Vec<&str> = SEVERAL[i]
                        .1
                        .iter()
                        .filter(|(_, text)| body.contains(text))
                        .map(|(lang, _)| *lang)
                        .collect();
                    // Omise writes the first error only; a Google body lists another error
                    // only where it names a field.
                    let must = n == 0 || !matches!(format, Format::Omise | Format::Google);
                    prop_assert!(!must || !written.is_empty(), "{}: {} for {:?}", format, body, header);
                    for lang in written {
                        prop_assert!(labels.contains(&lang), "{}: {} in {:?} for {:?}: {}", format, lang, labels, header, body);
                    }
                }
            }
        }
    }

    /// An error and its message in each language it has, as (language, text).
    type Texts = (
        &'static dyn ApiError,
        &'static [(&'static str, &'static str)],
    );

    /// Errors of several catalogs and languages, each with its message in every language
    /// it has.
    const SEVERAL: [Texts; 5] = [
        (
            &CART,
            &[
                ("en", "cart 7 was not found"),
                ("ja", "カート 7 が見つかりません"),
                ("th", "ไม่พบตะกร้า 7"),
            ],
        ),
        (
            &TranslatedShopError::EmptyCart,
            &[("en", "the cart is empty")],
        ),
        (
            &RateLimited { secs: 3 },
            &[
                ("en", "slow down, retry in 3 s"),
                ("ja", "3 秒後に再試行してください"),
            ],
        ),
        (&FrenchError::Invalid, &[("fr", "valeur invalide")]),
        (
            &Bilingual::BadAmount,
            &[("en", "amount is invalid"), ("fr", "montant invalide")],
        ),
    ];
}

/// An error written in Thai alone, answered with no preference: each text of the body is
/// in Thai but a title a format writes in English, and `Content-Language` says so, for one
/// error (the renderer's shortcut) as for a list of them (the general path).
#[test]
fn a_body_in_its_default_language_names_each_texts_language() {
    use apierror::format::{Body, Carries, JsonWriter, WireFormat};

    #[derive(Debug, ApiError)]
    #[api_error(lang = "th")]
    enum ThaiError {
        #[status(404)]
        #[code("cart_not_found")]
        #[message("ไม่พบตะกร้า")]
        CartNotFound,
        #[status(409)]
        #[code("sold_out")]
        #[title("สินค้าหมด")]
        #[message("สินค้าหมดแล้ว")]
        SoldOut,
    }

    /// A format whose title is always an English phrase of its own.
    #[derive(Debug)]
    struct EnglishTitle;
    impl WireFormat for EnglishTitle {
        fn name(&self) -> &'static str {
            "english_title"
        }
        fn carries(&self) -> Carries {
            Carries::LIST.with_title()
        }
        fn title_language(&self, _: &Body<'_>, _: &dyn ApiError) -> &'static str {
            "en"
        }
        fn write(&self, body: &Body<'_>, out: &mut Vec<u8>) {
            let mut w = JsonWriter::new(out);
            w.raw(r#"{"title":"Error","messages":["#);
            for (i, err) in body.errors().iter().enumerate() {
                if i > 0 {
                    w.raw(",");
                }
                w.message(*err, body.message_language(*err));
            }
            w.raw("]}");
        }
    }

    let renderer = Renderer::default().with_format(EnglishTitle).unwrap();
    let english_title = Format::named("english_title");
    let ctx = RequestContext::new();
    let language = |format, errors: &[&dyn ApiError]| {
        let res = renderer.response_all(format, errors, &ctx);
        res.headers()["content-language"]
            .to_str()
            .unwrap()
            .to_owned()
    };
    let (cart, sold_out): (&dyn ApiError, &dyn ApiError) =
        (&ThaiError::CartNotFound, &ThaiError::SoldOut);
    assert_eq!(language(english_title, &[cart]), "th, en");
    assert_eq!(language(english_title, &[cart, sold_out]), "th, en");
    for format in Format::BUILT_IN {
        for err in [cart, sold_out] {
            assert_eq!(language(format, &[err]), "th", "{format}");
            assert_eq!(language(format, &[err, err]), "th", "{format}");
        }
    }
}
