//! Omise transfer failure codes: the `failure_code` / `failure_message` pair of a
//! [transfer object](https://www.omise.co/transfers-api).
//!
//! These are not error responses: a transfer that could not be sent is returned with
//! `200 OK`, and its `failure_code` says why. The six codes are spelled as in the live API
//! reference (`insufficient_balance`, `invalid_recipient`, `transfers_suspended`,
//! `transfer_deleted`, `transfer_sent`, `transfer_failed`); the Japanese reference this
//! catalog was made from garbles some of them (`transfer_suspended'`, `transferdeleted`,
//! `transfersent`).
//!
//! Two types:
//!
//! - [`TransferFailureCode`], a derived [`ApiError`] enum: the catalog of codes, with
//!   titles, messages and the reference's Japanese gloss as `ja` description. The derive
//!   needs an HTTP status; it is **422** (Unprocessable Entity: the request was understood
//!   but the transfer cannot go through), for documentation and for rendering a failure as
//!   an error body when a server chooses to. Omise itself sends no status with these codes.
//! - [`TransferFailure`], the pair as it appears on a transfer: a code and the message sent
//!   with it (Omise's own text may differ from the default message here), serialized as the
//!   two members `failure_code` and `failure_message`, so it can be flattened into a
//!   transfer struct.
//!
//! The reference gives no English message for any code, only a Japanese gloss (`残高不足`,
//! …). The default messages here are this crate's own, short and lower case in the style of
//! Omise's error messages.
//!
//! ```
//! use apierror_catalog::omise_transfer_failure::{TransferFailure, TransferFailureCode};
//! use serde::Deserialize;
//!
//! #[derive(Deserialize)]
//! struct Transfer {
//!     id: String,
//!     #[serde(flatten)]
//!     failure: Option<TransferFailure>,
//! }
//!
//! let failed: Transfer = serde_json::from_str(
//!     r#"{"id":"trsf_test_1","failure_code":"insufficient_balance","failure_message":"insufficient balance"}"#,
//! )
//! .unwrap();
//! let failure = failed.failure.unwrap();
//! assert_eq!(failure.kind(), TransferFailureCode::InsufficientBalance);
//! assert_eq!(failure.code(), "insufficient_balance");
//! assert_eq!(failure.message(), "insufficient balance");
//!
//! let sent: Transfer =
//!     serde_json::from_str(r#"{"id":"trsf_test_2","failure_code":null,"failure_message":null}"#)
//!         .unwrap();
//! assert!(sent.failure.is_none());
//! # assert_eq!(sent.id, "trsf_test_2");
//!
//! let failure = TransferFailure::from_code("transfer_failed").unwrap();
//! assert_eq!(
//!     serde_json::to_string(&failure).unwrap(),
//!     r#"{"failure_code":"transfer_failed","failure_message":"transfer failed"}"#
//! );
//! ```

use std::borrow::Cow;
use std::fmt;

use apierror::{ApiError, Catalog, MessageSink, VariantMeta};
use serde::{Deserialize, Deserializer, Serialize, Serializer};

/// Why a transfer failed: the values of a transfer's `failure_code`.
///
/// The status (422) is for documentation only; see the [module docs](self). Serialized as
/// the code string.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, ApiError)]
#[api_error(status = 422, location = "https://www.omise.co/transfers-api")]
pub enum TransferFailureCode {
    /// The account's balance is too low for the transfer.
    #[code("insufficient_balance")]
    #[title("Insufficient Balance")]
    #[message("insufficient balance")]
    #[description(ja = "残高不足")]
    InsufficientBalance,

    /// The recipient is invalid (not verified, inactive or deleted).
    #[code("invalid_recipient")]
    #[title("Invalid Recipient")]
    #[message("invalid recipient")]
    #[description(ja = "受取人が無効")]
    InvalidRecipient,

    /// Transfers are suspended for the account.
    #[code("transfers_suspended")]
    #[title("Transfers Suspended")]
    #[message("transfers are suspended")]
    #[description(ja = "振込が一時停止")]
    TransfersSuspended,

    /// The transfer was deleted.
    #[code("transfer_deleted")]
    #[title("Transfer Deleted")]
    #[message("transfer was deleted")]
    #[description(ja = "振込削除")]
    TransferDeleted,

    /// The transfer has already been sent.
    #[code("transfer_sent")]
    #[title("Transfer Sent")]
    #[message("transfer was already sent")]
    #[description(ja = "振込済み")]
    TransferSent,

    /// The transfer failed for another reason.
    #[code("transfer_failed")]
    #[title("Transfer Failed")]
    #[message("transfer failed")]
    #[description(ja = "振込エラー")]
    TransferFailed,
}

crate::display_via_message!(TransferFailureCode);

impl TransferFailureCode {
    /// Every code, in the reference's order.
    pub const ALL: [TransferFailureCode; 6] = [
        TransferFailureCode::InsufficientBalance,
        TransferFailureCode::InvalidRecipient,
        TransferFailureCode::TransfersSuspended,
        TransferFailureCode::TransferDeleted,
        TransferFailureCode::TransferSent,
        TransferFailureCode::TransferFailed,
    ];

    /// The variant with this `failure_code`, if it is one of the six.
    pub fn from_code(code: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|c| c.code() == code)
    }

    /// The default message, as a static string.
    pub fn default_message(self) -> &'static str {
        // Every variant has a #[message] without placeholders.
        self.meta().message.unwrap_or_default()
    }
}

impl Serialize for TransferFailureCode {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.serialize_str(self.code())
    }
}

impl<'de> Deserialize<'de> for TransferFailureCode {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        let code = Cow::<'de, str>::deserialize(deserializer)?;
        Self::from_code(&code).ok_or_else(|| {
            serde::de::Error::unknown_variant(
                &code,
                &[
                    "insufficient_balance",
                    "invalid_recipient",
                    "transfers_suspended",
                    "transfer_deleted",
                    "transfer_sent",
                    "transfer_failed",
                ],
            )
        })
    }
}

/// A transfer's failure: its `failure_code` and the `failure_message` sent with it.
///
/// Serialized as exactly those two members, so a transfer struct can hold it with
/// `#[serde(flatten)] failure: Option<TransferFailure>` (`null` members give `None`). A
/// missing `failure_message` deserializes to the code's default message.
///
/// It implements [`ApiError`] too, with the code's metadata and its own message.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TransferFailure {
    kind: TransferFailureCode,
    message: Cow<'static, str>,
}

impl TransferFailure {
    /// A failure with the code's default message.
    pub fn new(kind: TransferFailureCode) -> Self {
        Self {
            kind,
            message: Cow::Borrowed(kind.default_message()),
        }
    }

    /// A failure with a specific message.
    pub fn with_message(kind: TransferFailureCode, message: impl Into<Cow<'static, str>>) -> Self {
        Self {
            kind,
            message: message.into(),
        }
    }

    /// The failure for a `failure_code`, with its default message; `None` for a code that
    /// is not one of the six.
    pub fn from_code(code: &str) -> Option<Self> {
        TransferFailureCode::from_code(code).map(Self::new)
    }

    /// The `failure_code`.
    pub fn code(&self) -> &'static str {
        self.kind.code()
    }

    /// The typed code.
    pub fn kind(&self) -> TransferFailureCode {
        self.kind
    }

    /// The `failure_message`.
    pub fn message(&self) -> &str {
        &self.message
    }
}

impl From<TransferFailureCode> for TransferFailure {
    fn from(kind: TransferFailureCode) -> Self {
        Self::new(kind)
    }
}

impl fmt::Display for TransferFailure {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.message)
    }
}

impl std::error::Error for TransferFailure {}

impl ApiError for TransferFailure {
    fn catalog() -> &'static Catalog {
        TransferFailureCode::catalog()
    }

    fn meta(&self) -> &'static VariantMeta {
        self.kind.meta()
    }

    fn write_message(&self, out: &mut dyn MessageSink) -> fmt::Result {
        out.value(&self.message)
    }
}

#[derive(Serialize)]
struct WireRef<'a> {
    failure_code: &'a str,
    failure_message: &'a str,
}

#[derive(Deserialize)]
struct Wire {
    failure_code: TransferFailureCode,
    #[serde(default)]
    failure_message: Option<String>,
}

impl Serialize for TransferFailure {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        WireRef {
            failure_code: self.code(),
            failure_message: &self.message,
        }
        .serialize(serializer)
    }
}

impl<'de> Deserialize<'de> for TransferFailure {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        let wire = Wire::deserialize(deserializer)?;
        Ok(match wire.failure_message {
            Some(message) => Self::with_message(wire.failure_code, message),
            None => Self::new(wire.failure_code),
        })
    }
}
