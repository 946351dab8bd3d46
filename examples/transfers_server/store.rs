//! The in-memory transfers: the transfer object of the Omise Transfers API and the rules
//! that change it.

use std::collections::hash_map::RandomState;
use std::hash::{BuildHasher, Hasher};

use apierror_catalog::omise::OmiseError;
use apierror_catalog::omise_transfer_failure::{TransferFailure, TransferFailureCode};
use serde::Serialize;
use serde_json::{Map, Value};

use super::time;

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
    /// Creation time in Unix seconds, for list filters; not an attribute.
    #[serde(skip)]
    pub created: i64,
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
    fn none() -> Self {
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

/// The account: its transferable balance, its one active recipient and its transfers.
pub struct Store {
    pub balance: i64,
    pub recipient: String,
    pub currency: &'static str,
    transfers: Vec<Transfer>,
    ids: RandomState,
}

/// The reason for refusing to change a transfer, as the `invalid_transfer` message.
fn invalid(message: &'static str) -> OmiseError {
    OmiseError::InvalidTransfer {
        message: Some(message.into()),
    }
}

impl Store {
    /// An account with `balance` (satang) and the default recipient `recipient`.
    pub fn new(balance: i64, recipient: String) -> Self {
        Store {
            balance,
            recipient,
            currency: "thb",
            transfers: Vec::new(),
            ids: RandomState::new(),
        }
    }

    /// Every transfer, oldest first.
    pub fn all(&self) -> &[Transfer] {
        &self.transfers
    }

    /// The transfer `id`, or `not_found`.
    pub fn get(&self, id: &str) -> Result<&Transfer, OmiseError> {
        self.transfers
            .iter()
            .find(|t| t.id == id)
            .ok_or(OmiseError::NotFound)
    }

    fn get_mut(&mut self, id: &str) -> Result<&mut Transfer, OmiseError> {
        self.transfers
            .iter_mut()
            .find(|t| t.id == id)
            .ok_or(OmiseError::NotFound)
    }

    fn new_id(&self) -> String {
        let mut hasher = self.ids.build_hasher();
        hasher.write_usize(self.transfers.len());
        format!("trsf_test_{:016x}", hasher.finish())
    }

    /// Checks an amount against the fee and the balance available to it.
    fn check_amount(&self, amount: i64, available: i64) -> Result<(), OmiseError> {
        if amount <= FEE + FEE_VAT {
            return Err(invalid("amount must be greater than the transfer fee"));
        }
        if amount > available {
            return Err(invalid("amount exceeds the available balance"));
        }
        Ok(())
    }

    /// Creates a transfer of `amount` (the whole balance by default) to `recipient` (the
    /// default recipient by default). A recipient other than the account's active one is
    /// invalid: the transfer is created with `failure_code: invalid_recipient`, not sendable,
    /// and holds no balance.
    pub fn create(
        &mut self,
        amount: Option<i64>,
        recipient: Option<String>,
        fail_fast: bool,
        metadata: Map<String, Value>,
    ) -> Result<&Transfer, OmiseError> {
        let amount = amount.unwrap_or(self.balance);
        self.check_amount(amount, self.balance)?;
        let recipient = recipient.unwrap_or_else(|| self.recipient.clone());
        let failure = if recipient == self.recipient {
            self.balance -= amount;
            Failure::none()
        } else {
            Failure::Some(TransferFailure::new(TransferFailureCode::InvalidRecipient))
        };
        let sendable = matches!(failure, Failure::None { .. });
        let id = self.new_id();
        let now = time::now();
        let transfer = Transfer {
            object: "transfer",
            location: format!("/transfers/{id}"),
            id,
            livemode: false,
            amount,
            bank_account: BankAccount {
                object: "bank_account",
                livemode: false,
                account_type: None,
                bank_code: "bbl",
                brand: "bbl",
                branch_code: None,
                created_at: time::format(now),
                last_digits: "6789",
                name: "Somchai Prasert",
            },
            created_at: time::format(now),
            currency: self.currency,
            deleted: false,
            fail_fast,
            failure,
            fee: FEE,
            fee_vat: FEE_VAT,
            metadata,
            net: amount - FEE - FEE_VAT,
            paid: false,
            paid_at: None,
            recipient,
            schedule: None,
            sendable,
            sent: false,
            sent_at: None,
            total_fee: FEE + FEE_VAT,
            transactions: Vec::new(),
            created: now,
        };
        self.transfers.push(transfer);
        self.transfers.last().ok_or(OmiseError::InternalError)
    }

    /// Refuses changes to a transfer that was deleted, sent or paid.
    fn check_changeable(transfer: &Transfer) -> Result<(), OmiseError> {
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

    /// Changes the amount and/or metadata of a transfer that is not sent, paid or deleted.
    pub fn update(
        &mut self,
        id: &str,
        amount: Option<i64>,
        metadata: Option<Map<String, Value>>,
    ) -> Result<&Transfer, OmiseError> {
        let transfer = self.get(id)?;
        Self::check_changeable(transfer)?;
        let holds = transfer.sendable;
        let old = transfer.amount;
        if let Some(amount) = amount {
            // A sendable transfer already holds its old amount.
            let available = self.balance + if holds { old } else { 0 };
            self.check_amount(amount, available)?;
            if holds {
                self.balance = available - amount;
            }
        }
        let transfer = self.get_mut(id)?;
        if let Some(amount) = amount {
            transfer.amount = amount;
            transfer.net = amount - transfer.total_fee;
        }
        if let Some(metadata) = metadata {
            transfer.metadata = metadata;
        }
        Ok(transfer)
    }

    /// Deletes a transfer that is not sent, paid or deleted: it stays readable with
    /// `deleted: true` and `failure_code: transfer_deleted`, and its amount returns to the
    /// balance.
    pub fn delete(&mut self, id: &str) -> Result<&Transfer, OmiseError> {
        Self::check_changeable(self.get(id)?)?;
        let transfer = self.get_mut(id)?;
        let refund = if transfer.sendable {
            transfer.amount
        } else {
            0
        };
        transfer.deleted = true;
        transfer.sendable = false;
        transfer.failure =
            Failure::Some(TransferFailure::new(TransferFailureCode::TransferDeleted));
        self.balance += refund;
        self.get(id)
    }

    /// Marks a sendable transfer as sent (test mode).
    pub fn mark_as_sent(&mut self, id: &str) -> Result<&Transfer, OmiseError> {
        let transfer = self.get_mut(id)?;
        Self::check_changeable(transfer)?;
        if !transfer.sendable {
            return Err(invalid("transfer is not sendable"));
        }
        transfer.sent = true;
        transfer.sent_at = Some(time::format(time::now()));
        Ok(transfer)
    }

    /// Marks a sent transfer as paid (test mode).
    pub fn mark_as_paid(&mut self, id: &str) -> Result<&Transfer, OmiseError> {
        let transfer = self.get_mut(id)?;
        if transfer.deleted {
            return Err(invalid("transfer was deleted"));
        }
        if transfer.paid {
            return Err(invalid("transfer was already paid"));
        }
        if !transfer.sent {
            return Err(invalid("transfer has not been sent"));
        }
        transfer.paid = true;
        transfer.paid_at = Some(time::format(time::now()));
        Ok(transfer)
    }
}
