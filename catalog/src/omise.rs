//! Omise / Opn Payments API errors: the 43 codes of the English
//! [error reference](https://www.omise.co/api-errors), plus `processed_charge` from its
//! Japanese edition.
//!
//! Every variant carries the reference's HTTP status, code, title (`#[title]`), English
//! description (the doc comment, the page's full text) and default message (`#[message]`);
//! where the Japanese page describes the code, its text is the `ja` description.
//!
//! - `processed_charge` ("charge was already processed", 400) is listed only on the Japanese
//!   page; its English description is this crate's translation of the Japanese one.
//! - The Japanese page lost the title of the entry before "Invalid Recipient"; its default
//!   message (`invalid link`) identifies it as `invalid_link`.
//! - Six codes are documented as "see the message attribute": [`OmiseError::BadRequest`],
//!   [`OmiseError::FailedCapture`], [`OmiseError::FailedReverse`],
//!   [`OmiseError::InvalidCharge`], [`OmiseError::InvalidTransfer`] and
//!   [`OmiseError::FailedDeletion`]. They hold a `message: Option<Cow<'static, str>>`:
//!   `None` renders the default message, `Some` the specific reason.
//!
//! ```
//! use std::borrow::Cow;
//!
//! use apierror::ApiError;
//! use apierror_catalog::omise::OmiseError;
//!
//! let err = OmiseError::UsedToken;
//! assert_eq!(err.status().as_u16(), 400);
//! assert_eq!(err.code(), "used_token");
//! assert_eq!(err.title(), "Used Token");
//! assert_eq!(err.message().to_string(), "token was already used");
//!
//! // The default message, or a specific reason.
//! let err = OmiseError::InvalidCharge { message: None };
//! assert_eq!(err.message().to_string(), "invalid charge");
//! let err = OmiseError::InvalidCharge {
//!     message: Some(Cow::Borrowed("amount must be at least 2000")),
//! };
//! assert_eq!(err.message().to_string(), "amount must be at least 2000");
//!
//! // Descriptions, in English and Japanese.
//! let meta = OmiseError::catalog().find("not_authorized").unwrap();
//! assert_eq!(meta.description, "An attempt was made to perform an unauthorized action.");
//! assert_eq!(meta.description_in("ja"), "不正な操作が行われました。");
//! ```
//!
//! ## Returning them from a server
//!
//! A handler returns the catalog's type as its error; the wire formats of `apierror` render
//! it with the status, code and message of the reference.
//!
//! ```
//! use apierror::ApiError;
//! use apierror_catalog::omise::OmiseError;
//!
//! #[derive(Debug)]
//! struct Charge {
//!     amount: u64,
//! }
//!
//! fn create_charge(amount: u64, token: &str) -> Result<Charge, OmiseError> {
//!     if token.is_empty() {
//!         return Err(OmiseError::MissingCard);
//!     }
//!     if amount < 2000 {
//!         return Err(OmiseError::InvalidCharge {
//!             message: Some(format!("amount must be at least 2000, got {amount}").into()),
//!         });
//!     }
//!     Ok(Charge { amount })
//! }
//!
//! let err = create_charge(100, "tokn_test_1").unwrap_err();
//! assert_eq!(err.status(), http::StatusCode::BAD_REQUEST);
//! assert_eq!(err.message().to_string(), "amount must be at least 2000, got 100");
//! assert_eq!(create_charge(5000, "tokn_test_1").unwrap().amount, 5000);
//! ```

use std::borrow::Cow;

use apierror::ApiError;

/// An Omise / Opn Payments API error, as listed in the error reference.
///
/// Its `Display` is the message, and it implements [`std::error::Error`].
#[derive(Debug, Clone, PartialEq, Eq, ApiError)]
#[api_error(location = "https://www.omise.co/api-errors")]
#[non_exhaustive]
pub enum OmiseError {
    /// An error occurred communicating with the provider for this particular payment method. Please try again.
    #[status(400)]
    #[code("backend_error")]
    #[title("Backend Error")]
    #[message("backend error")]
    #[description(
        ja = "このエラーは、指定された決済方法でプロバイダとの通信中にエラーが発生した場合に表示されます。後ほど再度お試しください。"
    )]
    BackendError,

    /// Several types of invalid requests return bad_request. See the message attribute for more information.
    #[status(400)]
    #[code("bad_request")]
    #[title("Bad Request")]
    #[message("bad request")]
    #[description(
        ja = "複数種類のエラーに対してBad Request(不正なリクエスト)が返されます。詳しくは、message属性を参照してください。"
    )]
    BadRequest {
        /// A specific reason, replacing the default message when `Some`.
        #[message]
        message: Option<Cow<'static, str>>,
    },

    /// An attempt was made to create a charge using a card with a brand not supported by the account.
    #[status(400)]
    #[code("brand_not_supported")]
    #[title("Brand Not Supported")]
    #[message("brand not supported")]
    #[description(
        ja = "サポート外のブランドのカードが使用されて課金が作成された際に発生するエラーです"
    )]
    BrandNotSupported,

    /// An attempt was made to upload a file to a dispute that is no longer open (status=open).
    #[status(400)]
    #[code("documents_locked")]
    #[title("Documents Locked")]
    #[message("documents list cannot be modified")]
    #[description(
        ja = "このエラーはクローズしたチャージバックにファイルをアップロードしようとした際に発生します( status = open )。"
    )]
    DocumentsLocked,

    /// For credit and debit cards, an attempt was made to capture or reverse a charge, but the charge can no longer be captured. Authorized credit and debit card charges left uncaptured for more than 7 days (30 days for merchants registered in Japan) will automatically be canceled.
    ///
    /// For other payment methods, an attempt was made to complete a charge (for example, in-person payment using a payment code generated by Opn Payments), but the expiration date for the charge has already passed.
    #[status(400)]
    #[code("expired_charge")]
    #[title("Expired Charge")]
    #[message("charge expired")]
    #[description(
        ja = "有効期限切れの課金エラーは、課金を売上確定しようとした場合に確定されなかった際に発生するエラーです。承認された課金が7日以上売上確定されないまま経過すると(この期間はカード発行会社によって異なります)自動的にキャンセル扱いとなります。"
    )]
    ExpiredCharge,

    /// An attempt was made to capture a charge, but the charge was not captured. The charge might not be authorized yet, or it might have already been captured. The specific reason can be found in the message attribute.
    #[status(400)]
    #[code("failed_capture")]
    #[title("Failed Capture")]
    #[message("capture failed")]
    #[description(
        ja = "このエラーは、課金を売上確定しようと試みたものの確定できなかった場合に発生します。課金が承認されていない、もしくはすでに確定されている可能性があります。詳細は、メッセージ属性で確認できます。"
    )]
    FailedCapture {
        /// A specific reason, replacing the default message when `Some`.
        #[message]
        message: Option<Cow<'static, str>>,
    },

    /// An attempt was made to set a charge to expire, but the charge could not be set to expire.
    #[status(400)]
    #[code("failed_expire")]
    #[title("Failed Expire")]
    #[message("expire failed")]
    #[description(ja = "期限切れの課金を設定できませんでした。")]
    FailedExpire,

    /// An attempt was made to create a token, but card was marked as fraudulent.
    #[status(400)]
    #[code("failed_fraud_check")]
    #[title("Failed Fraud Check")]
    #[message("fraud check failed")]
    FailedFraudCheck,

    /// An attempt was made to create a multi-currency charge, but failed. Please contact support@opn.ooo to enable multi-currency.
    #[status(400)]
    #[code("failed_multi_currency")]
    #[title("Failed Multi Currency")]
    #[message("the currency conversion could not be completed")]
    #[description(ja = "多通貨決済が失敗した際に発生するエラーです。")]
    FailedMultiCurrency,

    /// An attempt was made to process a refund but something went wrong.
    #[status(400)]
    #[code("failed_refund")]
    #[title("Failed Refund")]
    #[message("refund failed")]
    #[description(
        ja = "このエラーは、国ごとに設定されている許容範囲制限を超過した課金の返金が行われた際に発生します。"
    )]
    FailedRefund,

    /// An attempt was made to reverse a charge, but the charge was not reversed. See the message attribute for more information.
    #[status(400)]
    #[code("failed_reverse")]
    #[title("Failed Reverse")]
    #[message("reverse failed")]
    #[description(
        ja = "このエラーは、課金をリバースする操作がなされたもののリバースされなかった際に発生します。詳しくは、message属性を参照してください。"
    )]
    FailedReverse {
        /// A specific reason, replacing the default message when `Some`.
        #[message]
        message: Option<Cow<'static, str>>,
    },

    /// An attempt was made to void (e.g. refund) a charge, but the charge was not voided.
    #[status(400)]
    #[code("failed_void")]
    #[title("Failed Void")]
    #[message("void failed")]
    #[description(
        ja = "このエラーは、課金を無効にする(例「返金」)を試みたものの失敗した場合に発生します。"
    )]
    FailedVoid,

    /// An attempt was made to use a feature which is not currently enabled for your account. Please contact support@opn.ooo.
    #[status(400)]
    #[code("feature_not_supported")]
    #[title("Feature Not Supported")]
    #[message("feature not supported")]
    #[description(
        ja = "リクエストされた機能がその時点で有効化されていない場合に発生するエラーです。 Omiseサポートまでご連絡ください。support@omise.co"
    )]
    FeatureNotSupported,

    /// An attempt was made to create a charge with a non-integer amount.
    #[status(400)]
    #[code("invalid_amount")]
    #[title("Invalid Amount")]
    #[message("invalid amount")]
    #[description(ja = "このエラーは非整数の金額で課金作成が試みられた際に発生します。")]
    InvalidAmount,

    /// An attempt was made to create a recipient with an invalid bank account. See Supported Banks.
    #[status(400)]
    #[code("invalid_bank_account")]
    #[title("Invalid Bank Account")]
    #[message("invalid bank account")]
    #[description(
        ja = "このエラーは、無効な銀行口座を指定する受取口座を作成しようとした際に発生します。サポートされている銀行を参照してください。"
    )]
    InvalidBankAccount,

    /// An attempt was made to create a token with invalid parameters.
    #[status(400)]
    #[code("invalid_card")]
    #[title("Invalid Card")]
    #[message("invalid card")]
    #[description(ja = "無効なパラメータでトークンを作成しようとした際に発生するエラーです。")]
    InvalidCard,

    /// An attempt was made to perform an action which requires a card token string (e.g. tokn_test_4xvpea0ifwajbx3f873) using a non-string object (for example, a card dictionary) instead.
    #[status(400)]
    #[code("invalid_card_token")]
    #[title("Invalid Card Token")]
    #[message("invalid card token")]
    #[description(
        ja = "このエラーは、非文字列オブジェクト(例: card dictionary)を使用しカードトークン文字列(例: tokn_test_4xvpea0ifwajbx3f873)を必要とするアクションを実行しようとした際に発生します。"
    )]
    InvalidCardToken,

    /// An attempt was made to create a charge that does not meet the minimum requirements. See the message attribute for more information.
    #[status(400)]
    #[code("invalid_charge")]
    #[title("Invalid Charge")]
    #[message("invalid charge")]
    #[description(
        ja = "このエラーは、最小要件の金額に満たない課金作成が試みられた際に発生します。詳しくは、message属性を参照してください。"
    )]
    InvalidCharge {
        /// A specific reason, replacing the default message when `Some`.
        #[message]
        message: Option<Cow<'static, str>>,
    },

    /// An attempt was made to modify a dispute outside of the allowed parameters.
    #[status(400)]
    #[code("invalid_dispute")]
    #[title("Invalid Dispute")]
    #[message("invalid dispute")]
    #[description(
        ja = "このエラーは、許可されているパラメーター外でチャージバックを修正しようとした際に発生します。"
    )]
    InvalidDispute,

    /// An attempt was made to generate a token using the api.omise.co domain. Use vault.omise.co to generate tokens.
    #[status(400)]
    #[code("invalid_domain")]
    #[title("Invalid Domain")]
    #[message("request must be made with the http://vault.omise.co domain")]
    #[description(
        ja = "このエラーは、api.omise.coドメインを使用してトークンを生成しようとした際に発生します。トークンを生成するにはvault.omise.coを使用してください。"
    )]
    InvalidDomain,

    /// An attempt was made to upload a file with a type outside of the allowed file types. See Documents API for supported file types.
    #[status(400)]
    #[code("invalid_file_type")]
    #[title("Invalid File Type")]
    #[message("invalid content-type")]
    #[description(
        ja = "このエラーは、許可されていない形式のファイルをアップロードしようとする際に発生します。   サポートされているファイル形式については Document API をご覧ください。"
    )]
    InvalidFileType,

    /// An attempt was made to create a link with an invalid currency or with no description parameter.
    #[status(400)]
    #[code("invalid_link")]
    #[title("Invalid Link")]
    #[message("invalid link")]
    #[description(
        ja = "このエラーは、無効な通貨、または説明パラメータのないリンクを作成しようとした際に発生します。"
    )]
    InvalidLink,

    /// An attempt was made to update a recipient in an invalid way (e.g. deleting a recipient that cannot be deleted) or send a transfer to a recipient who doesn't exist.
    #[status(400)]
    #[code("invalid_recipient")]
    #[title("Invalid Recipient")]
    #[message("invalid recipient")]
    #[description(
        ja = "無効な方法で追加振込先口座を更新しようとした(削除できない受取口座の削除など)場合に発生するエラーです。"
    )]
    InvalidRecipient,

    /// An attempt was made to send a payment token that has an incorrect format, is not supported, or was expired.
    #[status(400)]
    #[code("invalid_token")]
    #[title("Invalid Token")]
    #[message("invalid token")]
    InvalidToken,

    /// An attempt was made to create or update a transfer in an invalid way (e.g. deleting a transfer that cannot be deleted, transferring more than the available balance, or transferring to an inactive recipient). The specific reason can be found in the message attribute.
    #[status(400)]
    #[code("invalid_transfer")]
    #[title("Invalid Transfer")]
    #[message("invalid transfer")]
    #[description(
        ja = "このエラーは無効な方法で送金を更新しようとした際に発生します。例: 削除できない送金を削除したり、利用可能な残高を超えた送金等)"
    )]
    InvalidTransfer {
        /// A specific reason, replacing the default message when `Some`.
        #[message]
        message: Option<Cow<'static, str>>,
    },

    /// An attempt was made to create a token with invalid card parameters.
    #[status(400)]
    #[code("missing_card")]
    #[title("Missing Card")]
    #[message("request contains no card parameters")]
    #[description(
        ja = "無効なカードパラメータでトークンを作成しようとした際に発生するエラーです。"
    )]
    MissingCard,

    /// An attempt was made to upload a non-existent file.
    #[status(400)]
    #[code("missing_file")]
    #[title("Missing File")]
    #[message("missing file or filename")]
    #[description(ja = "このエラーは存在しないファイルをアップロードしようとした際に発生します。")]
    MissingFile,

    /// An attempt was made to process a charge offline, but the charge had already been processed.
    #[status(400)]
    #[code("processed_charge")]
    #[title("Processed Charge")]
    #[message("charge was already processed")]
    #[description(
        ja = "このエラーはオフラインにて課金処理を試みたものの、すでに処理済みだった場合に発生します。"
    )]
    ProcessedCharge,

    /// An attempt was made to re-use a token. Tokens are single use only.
    #[status(400)]
    #[code("used_token")]
    #[title("Used Token")]
    #[message("token was already used")]
    #[description(
        ja = "トークンを再利用しようとした際に発生するエラーです。トークンは一度のみのご利用であることにご留意ください。"
    )]
    UsedToken,

    /// An attempt was made to access the API using an invalid key. Check whether the API method accepts a private or public key. Current keys can be found in the account dashboard.
    #[status(401)]
    #[code("authentication_failure")]
    #[title("Authentication Failure")]
    #[message("authentication failed")]
    #[description(
        ja = "このエラーは、無効なキーを使用してAPIにアクセスしようとした際に発生します。 APIメソッドがシークレットキーもしくはパブリックキーを受け入れるかどうかを確認してください。 現在のキーはアカウントダッシュボードからご確認いただけます。"
    )]
    AuthenticationFailure,

    /// An attempt was made to perform a request using an expired (i.e. revoked) key. Current keys can be found in the account dashboard.
    #[status(403)]
    #[code("key_expired_error")]
    #[title("Key Expired Error")]
    #[message("expired key")]
    #[description(
        ja = "有効期限切れ(いわゆる「失効」)のキーを使用してリクエストを実行しようとしました際に発生するエラーです。現在のキーはアカウントのダッシュボード よりご確認いただけます。"
    )]
    KeyExpiredError,

    /// The account is locked. Please contact support@opn.ooo.
    #[status(403)]
    #[code("locked_account_error")]
    #[title("Locked Account Error")]
    #[message("account locked")]
    #[description(
        ja = "アカウントがロックされた場合に発生するエラーです。 Omiseサポートまでご連絡ください。support@omise.co"
    )]
    LockedAccountError,

    /// An attempt was made to perform an unauthorized action.
    #[status(403)]
    #[code("not_authorized")]
    #[title("Not Authorized")]
    #[message("not authorized")]
    #[description(ja = "不正な操作が行われました。")]
    NotAuthorized,

    /// An attempt was made to reference an object ID (e.g. rfnd_test_5dvfvd32uiabudlr3v7) that could not be found. Check that you’re using the right ID for the right request.
    #[status(404)]
    #[code("not_found")]
    #[title("Not Found")]
    #[message("the requested object was not found")]
    #[description(
        ja = "このエラーは、未検出のオブジェクトID(例:rfnd_test_5dvfvd32uiabudlr3v7)を参照しようとした際に発生します。リクエストが正しいこと、また正しいアカウントで実行されていることを確認してください。"
    )]
    NotFound,

    /// An attempt was made to use a feature which is not supported by the API version of the request. If the API version is not specified in the header of the request (e.g. Omise-Version: 2017-11-02), the API version of the account is used by default. Learn how to update API versions here.
    #[status(404)]
    #[code("serializer_not_found")]
    #[title("Serializer Not Found")]
    #[message("your current API version does not support this action")]
    #[description(
        ja = "このエラーは、APIバージョンのリクエストでサポートされていない機能を使用しようとした際に発生します。APIバージョンがリクエストのヘッダーに指定されていない場合(例:Omise-Version = 2017-11-02)ご利用アカウントのAPIバージョンがデフォルトで使用されます。 APIのバージョンを更新する方法については、 こちら をご覧ください。"
    )]
    SerializerNotFound,

    /// An attempt was made to use a feature which is not supported by the API version of the request. If the API version is not specified in the header of the request (e.g. Omise-Version: 2017-11-02), the API version of the account is used by default. Learn how to update API versions here.
    #[status(404)]
    #[code("service_not_found")]
    #[title("Service Not Found")]
    #[message("you are using api version which does not support this operation")]
    #[description(
        ja = "このエラーは、APIバージョンのリクエストでサポートされていない機能を使用しようとした際に発生します。APIバージョンがリクエストのヘッダーに指定されていない場合(例:Omise-Version = 2017-11-02)ご利用アカウントのAPIバージョンがデフォルトで使用されます。 APIのバージョンを更新する方法については、 こちら をご覧ください。"
    )]
    ServiceNotFound,

    /// An attempt was made to delete an object (e.g. a link or a schedule), but the operation failed. See the message attribute for more information.
    #[status(422)]
    #[code("failed_deletion")]
    #[title("Failed Deletion")]
    #[message("this object could not be deleted")]
    #[description(
        ja = "このエラーは(リンクやスケジュールなどの)オブジェクトを削除しようとしたものの失敗した場合に発生します。詳しくは、message属性を参照してください。"
    )]
    FailedDeletion {
        /// A specific reason, replacing the default message when `Some`.
        #[message]
        message: Option<Cow<'static, str>>,
    },

    /// An invalid key was passed to the search filters parameter. Search requests expect specific set of filter keys. See list of available filters.
    #[status(422)]
    #[code("invalid_filter")]
    #[title("Invalid Filter")]
    #[message("invalid filters")]
    #[description(
        ja = "このエラーは、無効なキーが検索フィルター・パラメーターに渡された際に発生します。検索リクエストは特定のフィルタキーのセットを必要とします。 利用可能なフィルタのリストをご確認ください。"
    )]
    InvalidFilter,

    /// An invalid number was passed to the search page parameter. Search requests expect positive integers in the page parameter.
    #[status(422)]
    #[code("invalid_page")]
    #[title("Invalid Page")]
    #[message("invalid page")]
    #[description(
        ja = "無効な数字が検索ページパラメータに渡された際に発生するエラーです。検索リクエストではページパラメータに正の整数を入力してください。"
    )]
    InvalidPage,

    /// An invalid number was passed to the search per_page parameter. Search requests expect positive integers in the per_page parameter.
    #[status(422)]
    #[code("invalid_per_page")]
    #[title("Invalid Per Page")]
    #[message("invalid per page")]
    #[description(
        ja = "検索の per_pageパラメータに無効な数字が渡された際に発生するエラーです。検索リクエストでは、per_pageパラメータに正の整数を入力してください。"
    )]
    InvalidPerPage,

    /// An invalid (or missing) string was passed to the search scope parameter. Search requests expect a scope to be one a predefined list of scopes. See list of available scopes.
    #[status(422)]
    #[code("invalid_scope")]
    #[title("Invalid Scope")]
    #[message("invalid scope")]
    #[description(
        ja = "このエラーは、無効な(または欠落している)文字列が検索有効範囲パラメーターに渡された際に発生します。検索リクエストは、スコープ(範囲)が定義済みのスコープ(範囲)リスト内にあることが必要です。利用可能なスコープ(範囲)リストをご確認ください。"
    )]
    InvalidScope,

    /// An attempt was made to send too many requests in too little time. See guidance on request rate limiting.
    #[status(429)]
    #[code("too_many_requests")]
    #[title("Too Many Requests")]
    #[message("you have sent too many requests in too little time")]
    TooManyRequests,

    /// An internal server error occurred. If this error occurs again, please contact support@opn.ooo.
    #[status(500)]
    #[code("internal_error")]
    #[title("Internal Error")]
    #[message("request could not be completed due to an internal error")]
    #[description(
        ja = "このエラーは、インターナル(内部)サーバーエラーが発生した際に表示されます。再度エラーが発生する場合は、support@omise.coにお問い合わせください。"
    )]
    InternalError,

    /// An attempt was made to search, but the Search API is temporarily unavailable. Please try again.
    #[status(503)]
    #[code("search_unavailable")]
    #[title("Search Unavailable")]
    #[message("search is temporarily unavailable")]
    #[description(ja = "Search (検索)は一時的にご利用いただけません。後ほど再度お試しください。")]
    SearchUnavailable,
}

crate::display_via_message!(OmiseError);
