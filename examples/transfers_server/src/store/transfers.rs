//! The transfer object of the Omise Transfers API, how a stored row becomes one, and the
//! rules that refuse a change.

use apierror_catalog::omise::OmiseError;
use apierror_catalog::omise_transfer_failure::TransferFailure;
use serde::Serialize;
use serde_json::{Map, Value};
use sqlx::any::AnyRow;
use sqlx::Row;

use super::super::time;

/// Omise's THB transfer fee, in satang, and its 7% VAT.
pub const FEE: i64 = 3000;
/// VAT on [`FEE`].
pub const FEE_VAT: i64 = 210;

/// A transfer, with every attribute of the Transfers API in the reference's order.
#[derive(Debug, Clone, Serialize)]
pub struct Transfer {
    pub object: &'static str,
    pub id: String,
    pub livemode: bool,
    pub location: String,
    pub amount: i64,
    pub bank_account: BankAccount,
    pub created_at: String,
    pub currency: &'static str,
    pub deleted: bool,
    pub fail_fast: bool,
    #[serde(flatten)]
    pub failure: Failure,
    pub fee: i64,
    pub fee_vat: i64,
    pub metadata: Map<String, Value>,
    pub net: i64,
    pub paid: bool,
    pub paid_at: Option<String>,
    pub recipient: String,
    pub schedule: Option<String>,
    pub sendable: bool,
    pub sent: bool,
    pub sent_at: Option<String>,
    pub total_fee: i64,
    pub transactions: Vec<String>,
}

/// `failure_code` / `failure_message`: both `null`, or a transfer failure of the catalog.
#[derive(Debug, Clone, Serialize)]
#[serde(untagged)]
pub enum Failure {
    /// No failure: both members `null`.
    None {
        failure_code: Option<String>,
        failure_message: Option<String>,
    },
    /// A failure code and its message.
    Some(TransferFailure),
}

impl Failure {
    pub fn none() -> Self {
        Failure::None {
            failure_code: None,
            failure_message: None,
        }
    }
}

/// The bank account of the recipient, as Omise nests it in a transfer.
#[derive(Debug, Clone, Serialize)]
pub struct BankAccount {
    pub object: &'static str,
    pub livemode: bool,
    pub account_type: Option<String>,
    pub bank_code: &'static str,
    pub brand: &'static str,
    pub branch_code: Option<String>,
    pub created_at: String,
    pub last_digits: &'static str,
    pub name: &'static str,
}

/// The transfer a `transfers` row holds.
pub fn from_row(row: &AnyRow) -> Result<Transfer, sqlx::Error> {
    let id: String = row.try_get("id")?;
    let amount: i64 = row.try_get("amount")?;
    let created: i64 = row.try_get("created")?;
    let failure_code: Option<String> = row.try_get("failure_code")?;
    let metadata: String = row.try_get("metadata")?;
    let sent_at: Option<i64> = row.try_get("sent_at")?;
    let paid_at: Option<i64> = row.try_get("paid_at")?;
    let decode = |what: &str| sqlx::Error::Decode(format!("transfer {id}: bad {what}").into());
    let failure = match failure_code {
        None => Failure::none(),
        Some(code) => {
            Failure::Some(TransferFailure::from_code(&code).ok_or_else(|| decode("failure_code"))?)
        }
    };
    let metadata = serde_json::from_str(&metadata).map_err(|_| decode("metadata"))?;
    Ok(Transfer {
        object: "transfer",
        location: format!("/transfers/{id}"),
        livemode: false,
        amount,
        bank_account: BankAccount {
            object: "bank_account",
            livemode: false,
            account_type: None,
            bank_code: "bbl",
            brand: "bbl",
            branch_code: None,
            created_at: time::format(created),
            last_digits: "6789",
            name: "Somchai Prasert",
        },
        created_at: time::format(created),
        currency: CURRENCY,
        deleted: row.try_get::<i64, _>("deleted")? != 0,
        fail_fast: row.try_get::<i64, _>("fail_fast")? != 0,
        failure,
        fee: FEE,
        fee_vat: FEE_VAT,
        metadata,
        net: amount - FEE - FEE_VAT,
        paid: paid_at.is_some(),
        paid_at: paid_at.map(time::format),
        recipient: row.try_get("recipient")?,
        schedule: None,
        sendable: row.try_get::<i64, _>("sendable")? != 0,
        sent: sent_at.is_some(),
        sent_at: sent_at.map(time::format),
        total_fee: FEE + FEE_VAT,
        transactions: Vec::new(),
        id,
    })
}

/// The account's currency.
pub const CURRENCY: &str = "thb";

/// The id of the transfer numbered `seq`: unique because the mixing below is a bijection of
/// `u64` (splitmix64's finalizer), and not a visible counter, as Omise's ids are not.
pub fn id_for(seq: i64) -> String {
    let mut z = seq as u64;
    z = (z ^ (z >> 30)).wrapping_mul(0xbf58_476d_1ce4_e5b9);
    z = (z ^ (z >> 27)).wrapping_mul(0x94d0_49bb_1331_11eb);
    z ^= z >> 31;
    format!("trsf_test_{z:016x}")
}

/// The reason for refusing to change a transfer, as the `invalid_transfer` message.
pub fn invalid(message: &'static str) -> OmiseError {
    OmiseError::InvalidTransfer {
        message: Some(message.into()),
    }
}

/// Checks an amount against the fee and the balance available to it.
pub fn check_amount(amount: i64, available: i64) -> Result<(), OmiseError> {
    if amount <= FEE + FEE_VAT {
        return Err(invalid("amount must be greater than the transfer fee"));
    }
    if amount > available {
        return Err(invalid("amount exceeds the available balance"));
    }
    Ok(())
}

/// Refuses changes to a transfer that was deleted, sent or paid.
pub fn check_changeable(transfer: &Transfer) -> Result<(), OmiseError> {
    if transfer.deleted {
        return Err(invalid("transfer was deleted"));
    }
    if transfer.paid {
        return Err(invalid("transfer was already paid"));
    }
    if transfer.sent {
        return Err(invalid("transfer was already sent"));
    }
    Ok(())
}
