//! The Omise transfer failure codes, transcribed here from the transfer reference (codes
//! spelled as in the live API reference, Japanese glosses as given).

use apierror::ApiError;
use apierror_catalog::omise_transfer_failure::{TransferFailure, TransferFailureCode};
use serde::Deserialize;

/// (code, title, default message, Japanese gloss), in the reference's order.
const TABLE: &[(&str, &str, &str, &str)] = &[
    (
        "insufficient_balance",
        "Insufficient Balance",
        "insufficient balance",
        "残高不足",
    ),
    (
        "invalid_recipient",
        "Invalid Recipient",
        "invalid recipient",
        "受取人が無効",
    ),
    (
        "transfers_suspended",
        "Transfers Suspended",
        "transfers are suspended",
        "振込が一時停止",
    ),
    (
        "transfer_deleted",
        "Transfer Deleted",
        "transfer was deleted",
        "振込削除",
    ),
    (
        "transfer_sent",
        "Transfer Sent",
        "transfer was already sent",
        "振込済み",
    ),
    (
        "transfer_failed",
        "Transfer Failed",
        "transfer failed",
        "振込エラー",
    ),
];

#[test]
fn catalog_matches_the_reference() {
    let catalog = TransferFailureCode::catalog();
    assert_eq!(catalog.variants.len(), 6);
    assert_eq!(catalog.variants.len(), TABLE.len());
    for (meta, &(code, title, message, ja)) in catalog.variants.iter().zip(TABLE) {
        assert_eq!(meta.code, code);
        assert_eq!(meta.status, 422, "{code}");
        assert_eq!(meta.title, title, "{code}");
        assert_eq!(meta.message, Some(message), "{code}");
        assert_eq!(meta.description_in("ja"), ja, "{code}");
        assert!(!meta.description.is_empty(), "{code}");
    }
    for (kind, &(code, _, message, _)) in TransferFailureCode::ALL.iter().zip(TABLE) {
        assert_eq!(kind.code(), code);
        assert_eq!(kind.to_string(), message);
        assert_eq!(TransferFailureCode::from_code(code), Some(*kind));
        let failure = TransferFailure::from_code(code).unwrap();
        assert_eq!((failure.code(), failure.message()), (code, message));
    }
    // The seed's garbled spellings are not codes.
    for garbled in ["transfer_suspended", "transferdeleted", "transfersent"] {
        assert!(TransferFailure::from_code(garbled).is_none(), "{garbled}");
    }
}

#[test]
fn serde_form_is_the_two_transfer_members() {
    let failure = TransferFailure::new(TransferFailureCode::InsufficientBalance);
    assert_eq!(
        serde_json::to_string(&failure).unwrap(),
        r#"{"failure_code":"insufficient_balance","failure_message":"insufficient balance"}"#
    );
    let custom = TransferFailure::with_message(
        TransferFailureCode::InvalidRecipient,
        "recipient rcpt_test_1 is not verified",
    );
    let json = serde_json::to_string(&custom).unwrap();
    assert_eq!(
        json,
        r#"{"failure_code":"invalid_recipient","failure_message":"recipient rcpt_test_1 is not verified"}"#
    );
    let back: TransferFailure = serde_json::from_str(&json).unwrap();
    assert_eq!(back, custom);
    assert_eq!(back.kind(), TransferFailureCode::InvalidRecipient);

    // A missing message is the default one; an unknown code is an error.
    let bare: TransferFailure =
        serde_json::from_str(r#"{"failure_code":"transfer_sent"}"#).unwrap();
    assert_eq!(bare.message(), "transfer was already sent");
    let err = serde_json::from_str::<TransferFailure>(
        r#"{"failure_code":"transfer_suspended","failure_message":"x"}"#,
    )
    .unwrap_err();
    assert!(
        err.to_string()
            .contains("unknown variant `transfer_suspended`"),
        "{err}"
    );

    assert_eq!(
        serde_json::to_string(&TransferFailureCode::TransfersSuspended).unwrap(),
        r#""transfers_suspended""#
    );
}

#[test]
fn flattened_into_a_transfer() {
    #[derive(Debug, Deserialize, serde::Serialize)]
    struct Transfer {
        id: String,
        #[serde(flatten)]
        failure: Option<TransferFailure>,
    }
    let json = r#"{"id":"trsf_test_1","failure_code":"transfer_failed","failure_message":"bank rejected the transfer"}"#;
    let transfer: Transfer = serde_json::from_str(json).unwrap();
    let failure = transfer.failure.as_ref().unwrap();
    assert_eq!(failure.kind(), TransferFailureCode::TransferFailed);
    assert_eq!(failure.message(), "bank rejected the transfer");
    assert_eq!(serde_json::to_string(&transfer).unwrap(), json);

    let ok: Transfer =
        serde_json::from_str(r#"{"id":"trsf_test_2","failure_code":null,"failure_message":null}"#)
            .unwrap();
    assert!(ok.failure.is_none());
}

#[test]
fn a_failure_is_an_api_error_with_its_own_message() {
    let failure = TransferFailure::with_message(TransferFailureCode::TransferFailed, "bank down");
    assert_eq!(failure.status().as_u16(), 422);
    assert_eq!(failure.code(), "transfer_failed");
    assert_eq!(failure.title(), "Transfer Failed");
    assert_eq!(ApiError::message(&failure).to_string(), "bank down");
    assert_eq!(failure.to_string(), "bank down");
}
