//! The Omise catalog against the error reference, transcribed here from the English page
//! (43 codes) and the Japanese page (`processed_charge`).

use std::borrow::Cow;

use apierror::ApiError;
use apierror_catalog::omise::OmiseError;

/// (code, status, title, default message), in the reference's order; `processed_charge`
/// sits where the Japanese page lists it, before `used_token`.
const TABLE: &[(&str, u16, &str, &str)] = &[
    ("backend_error", 400, "Backend Error", "backend error"),
    ("bad_request", 400, "Bad Request", "bad request"),
    (
        "brand_not_supported",
        400,
        "Brand Not Supported",
        "brand not supported",
    ),
    (
        "documents_locked",
        400,
        "Documents Locked",
        "documents list cannot be modified",
    ),
    ("expired_charge", 400, "Expired Charge", "charge expired"),
    ("failed_capture", 400, "Failed Capture", "capture failed"),
    ("failed_expire", 400, "Failed Expire", "expire failed"),
    (
        "failed_fraud_check",
        400,
        "Failed Fraud Check",
        "fraud check failed",
    ),
    (
        "failed_multi_currency",
        400,
        "Failed Multi Currency",
        "the currency conversion could not be completed",
    ),
    ("failed_refund", 400, "Failed Refund", "refund failed"),
    ("failed_reverse", 400, "Failed Reverse", "reverse failed"),
    ("failed_void", 400, "Failed Void", "void failed"),
    (
        "feature_not_supported",
        400,
        "Feature Not Supported",
        "feature not supported",
    ),
    ("invalid_amount", 400, "Invalid Amount", "invalid amount"),
    (
        "invalid_bank_account",
        400,
        "Invalid Bank Account",
        "invalid bank account",
    ),
    ("invalid_card", 400, "Invalid Card", "invalid card"),
    (
        "invalid_card_token",
        400,
        "Invalid Card Token",
        "invalid card token",
    ),
    ("invalid_charge", 400, "Invalid Charge", "invalid charge"),
    ("invalid_dispute", 400, "Invalid Dispute", "invalid dispute"),
    (
        "invalid_domain",
        400,
        "Invalid Domain",
        "request must be made with the http://vault.omise.co domain",
    ),
    (
        "invalid_file_type",
        400,
        "Invalid File Type",
        "invalid content-type",
    ),
    ("invalid_link", 400, "Invalid Link", "invalid link"),
    (
        "invalid_recipient",
        400,
        "Invalid Recipient",
        "invalid recipient",
    ),
    ("invalid_token", 400, "Invalid Token", "invalid token"),
    (
        "invalid_transfer",
        400,
        "Invalid Transfer",
        "invalid transfer",
    ),
    (
        "missing_card",
        400,
        "Missing Card",
        "request contains no card parameters",
    ),
    (
        "missing_file",
        400,
        "Missing File",
        "missing file or filename",
    ),
    (
        "processed_charge",
        400,
        "Processed Charge",
        "charge was already processed",
    ),
    ("used_token", 400, "Used Token", "token was already used"),
    (
        "authentication_failure",
        401,
        "Authentication Failure",
        "authentication failed",
    ),
    ("key_expired_error", 403, "Key Expired Error", "expired key"),
    (
        "locked_account_error",
        403,
        "Locked Account Error",
        "account locked",
    ),
    ("not_authorized", 403, "Not Authorized", "not authorized"),
    (
        "not_found",
        404,
        "Not Found",
        "the requested object was not found",
    ),
    (
        "serializer_not_found",
        404,
        "Serializer Not Found",
        "your current API version does not support this action",
    ),
    (
        "service_not_found",
        404,
        "Service Not Found",
        "you are using api version which does not support this operation",
    ),
    (
        "failed_deletion",
        422,
        "Failed Deletion",
        "this object could not be deleted",
    ),
    ("invalid_filter", 422, "Invalid Filter", "invalid filters"),
    ("invalid_page", 422, "Invalid Page", "invalid page"),
    (
        "invalid_per_page",
        422,
        "Invalid Per Page",
        "invalid per page",
    ),
    ("invalid_scope", 422, "Invalid Scope", "invalid scope"),
    (
        "too_many_requests",
        429,
        "Too Many Requests",
        "you have sent too many requests in too little time",
    ),
    (
        "internal_error",
        500,
        "Internal Error",
        "request could not be completed due to an internal error",
    ),
    (
        "search_unavailable",
        503,
        "Search Unavailable",
        "search is temporarily unavailable",
    ),
];

#[test]
fn catalog_matches_the_reference_in_order() {
    let catalog = OmiseError::catalog();
    assert_eq!(catalog.name, "OmiseError");
    assert_eq!(catalog.variants.len(), 44);
    assert_eq!(catalog.variants.len(), TABLE.len());
    for (meta, &(code, status, title, message)) in catalog.variants.iter().zip(TABLE) {
        assert_eq!(meta.code, code);
        assert_eq!(meta.status, status, "{code}");
        assert_eq!(meta.title, title, "{code}");
        assert_eq!(meta.message, Some(message), "{code}");
        assert_eq!(
            meta.location,
            Some("https://www.omise.co/api-errors"),
            "{code}"
        );
        assert!(!meta.description.is_empty(), "{code} has no description");
    }
}

#[test]
fn english_descriptions() {
    let catalog = OmiseError::catalog();
    let desc = |code| catalog.find(code).unwrap().description;
    assert_eq!(
        desc("bad_request"),
        "Several types of invalid requests return bad_request. See the message attribute for more information."
    );
    assert_eq!(
        desc("documents_locked"),
        "An attempt was made to upload a file to a dispute that is no longer open (status=open)."
    );
    assert_eq!(
        desc("expired_charge"),
        "For credit and debit cards, an attempt was made to capture or reverse a charge, but the charge can no longer be captured. Authorized credit and debit card charges left uncaptured for more than 7 days (30 days for merchants registered in Japan) will automatically be canceled.\n\nFor other payment methods, an attempt was made to complete a charge (for example, in-person payment using a payment code generated by Opn Payments), but the expiration date for the charge has already passed."
    );
    assert_eq!(
        desc("invalid_scope"),
        "An invalid (or missing) string was passed to the search scope parameter. Search requests expect a scope to be one a predefined list of scopes. See list of available scopes."
    );
    assert_eq!(
        desc("not_found"),
        "An attempt was made to reference an object ID (e.g. rfnd_test_5dvfvd32uiabudlr3v7) that could not be found. Check that you’re using the right ID for the right request."
    );
    assert_eq!(
        desc("internal_error"),
        "An internal server error occurred. If this error occurs again, please contact support@opn.ooo."
    );
}

#[test]
fn japanese_descriptions() {
    let catalog = OmiseError::catalog();
    let ja = |code| catalog.find(code).unwrap().description_in("ja");
    assert_eq!(ja("not_authorized"), "不正な操作が行われました。");
    assert_eq!(
        ja("used_token"),
        "トークンを再利用しようとした際に発生するエラーです。トークンは一度のみのご利用であることにご留意ください。"
    );
    assert_eq!(
        ja("processed_charge"),
        "このエラーはオフラインにて課金処理を試みたものの、すでに処理済みだった場合に発生します。"
    );
    // The entry whose title the Japanese page lost.
    assert_eq!(
        ja("invalid_link"),
        "このエラーは、無効な通貨、または説明パラメータのないリンクを作成しようとした際に発生します。"
    );
    assert_eq!(
        ja("search_unavailable"),
        "Search (検索)は一時的にご利用いただけません。後ほど再度お試しください。"
    );
    assert_eq!(
        ja("failed_expire"),
        "期限切れの課金を設定できませんでした。"
    );

    // Codes the Japanese page does not describe fall back to English.
    for code in ["failed_fraud_check", "invalid_token", "too_many_requests"] {
        let meta = catalog.find(code).unwrap();
        assert!(meta.translations.is_empty(), "{code}");
        assert_eq!(meta.description_in("ja"), meta.description);
    }
    let translated = catalog
        .variants
        .iter()
        .filter(|v| v.translations.iter().any(|t| t.lang == "ja"))
        .count();
    assert_eq!(translated, 41);
}

/// Builds a variant from its message override.
type Make = fn(Option<Cow<'static, str>>) -> OmiseError;

#[test]
fn message_override_keeps_the_default() {
    let cases: [(Make, &str); 6] = [
        (|message| OmiseError::BadRequest { message }, "bad request"),
        (
            |message| OmiseError::FailedCapture { message },
            "capture failed",
        ),
        (
            |message| OmiseError::FailedReverse { message },
            "reverse failed",
        ),
        (
            |message| OmiseError::InvalidCharge { message },
            "invalid charge",
        ),
        (
            |message| OmiseError::InvalidTransfer { message },
            "invalid transfer",
        ),
        (
            |message| OmiseError::FailedDeletion { message },
            "this object could not be deleted",
        ),
    ];
    for (make, default) in cases {
        assert_eq!(make(None).message().to_string(), default);
        let specific = make(Some("amount must be at least 2000".into()));
        assert_eq!(
            specific.message().to_string(),
            "amount must be at least 2000"
        );
        // The override changes the message only.
        assert_eq!(specific.meta(), make(None).meta());
    }
    let meta = OmiseError::catalog().find("invalid_charge").unwrap();
    assert_eq!(meta.fields, ["message"]);
}

#[test]
fn values_render_and_display() {
    let err = OmiseError::SearchUnavailable;
    assert_eq!(err.status(), http::StatusCode::SERVICE_UNAVAILABLE);
    assert_eq!(err.to_string(), "search is temporarily unavailable");
    let boxed: Box<dyn std::error::Error> = Box::new(OmiseError::UsedToken);
    assert_eq!(boxed.to_string(), "token was already used");
    assert_eq!(OmiseError::KeyExpiredError.title(), "Key Expired Error");
    assert_eq!(OmiseError::ProcessedCharge.code(), "processed_charge");
}
