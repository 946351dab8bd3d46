//! The account and its transfers in a database, through sqlx's `Any` driver: one code path
//! for SQLite (the default, a file) and PostgreSQL (several server processes on one
//! database). Files: `schema` opens the database and applies the migrations, `dialect` holds
//! the few statements that differ, `tx` the write transaction and its lock, `transfers` the
//! transfer object and its rules, `idempotency` the `Idempotency-Key` records, `faults` the
//! mapping of database failures to catalog errors.

/// `SELECT <the transfer columns> FROM transfers <rest>`, as one literal: sqlx takes only
/// static SQL unless told otherwise, and these statements are all known at compile time.
macro_rules! select_transfer {
    ($rest:literal) => {
        concat!(
            "SELECT seq, id, amount, recipient, created, fail_fast, failure_code, metadata, ",
            "deleted, sendable, sent_at, paid_at FROM transfers ",
            $rest
        )
    };
}

mod dialect;
pub mod faults;
pub mod idempotency;
mod schema;
pub mod transfers;
mod tx;

use std::sync::Arc;

use apierror::ApiError;
use apierror_catalog::omise::OmiseError;
use serde_json::{Map, Value};
use sqlx::{AnyPool, Row};
use tokio::sync::Mutex;

use super::errors::{AppError, ServerError};
use super::time;
pub use dialect::Dialect;
use idempotency::{Keyed, Stored};
pub use schema::OpenError;
pub use transfers::Transfer;
use transfers::{check_amount, check_changeable, invalid};
use tx::{Tx, WriteTx};

/// What a create asks for.
pub struct NewTransfer {
    /// `None`: the whole balance.
    pub amount: Option<i64>,
    /// `None`: the account's active recipient.
    pub recipient: Option<String>,
    pub fail_fast: bool,
    pub metadata: Map<String, Value>,
}

/// A create's answer: the transfer body, and whether it is the stored first answer to the
/// request's `Idempotency-Key`.
pub struct Created {
    pub body: String,
    pub replayed: bool,
}

/// The store; clones share the pool.
#[derive(Clone)]
pub struct Store {
    pool: AnyPool,
    dialect: Dialect,
    /// This process's writers queue here (see [`WriteTx`]).
    gate: Arc<Mutex<()>>,
    /// How long an `Idempotency-Key` is kept, in seconds.
    key_ttl: i64,
}

impl Store {
    /// Opens the database at `url` (creating the account with `balance` and `recipient` on
    /// first start) keeping idempotency keys for `key_ttl` seconds.
    pub async fn open(
        url: &str,
        balance: i64,
        recipient: &str,
        key_ttl: i64,
    ) -> Result<Self, OpenError> {
        let (pool, dialect) = schema::open(url, balance, recipient).await?;
        Ok(Store {
            pool,
            dialect,
            gate: Arc::default(),
            key_ttl,
        })
    }

    async fn write(&self) -> Result<WriteTx, sqlx::Error> {
        WriteTx::begin(&self.pool, self.dialect, &self.gate).await
    }

    /// A write transaction and the transfer `id` as it holds it, or `not_found`.
    async fn write_on(&self, id: &str) -> Result<(WriteTx, Transfer), AppError> {
        let mut w = self.write().await?;
        let transfer = w.transfer(id).await?.ok_or(OmiseError::NotFound)?;
        Ok((w, transfer))
    }

    /// The transfer `id`, or `not_found`.
    pub async fn get(&self, id: &str) -> Result<Transfer, AppError> {
        let row = sqlx::query(select_transfer!("WHERE id = $1"))
            .bind(id.to_owned())
            .fetch_optional(&self.pool)
            .await?;
        match row {
            Some(row) => Ok(transfers::from_row(&row)?),
            None => Err(OmiseError::NotFound.into()),
        }
    }

    /// The transfers created from `from` to `to` (Unix seconds), oldest first unless
    /// `newest_first`, `limit` of them after `offset`, and how many there are in all.
    pub async fn list(
        &self,
        (from, to): (i64, i64),
        limit: u32,
        offset: u32,
        newest_first: bool,
    ) -> Result<(Vec<Transfer>, i64), AppError> {
        let mut tx = Tx::begin(&self.pool, self.dialect.begin_read(), None).await?;
        let total: i64 = tx
            .fetch_one(
                sqlx::query(
                    "SELECT COUNT(*) AS total FROM transfers WHERE created >= $1 AND created <= $2",
                )
                .bind(from)
                .bind(to),
            )
            .await?
            .try_get("total")?;
        let page = if newest_first {
            select_transfer!(
                "WHERE created >= $1 AND created <= $2 ORDER BY seq DESC LIMIT $3 OFFSET $4"
            )
        } else {
            select_transfer!(
                "WHERE created >= $1 AND created <= $2 ORDER BY seq LIMIT $3 OFFSET $4"
            )
        };
        let rows = tx
            .fetch_all(
                sqlx::query(page)
                    .bind(from)
                    .bind(to)
                    .bind(i64::from(limit))
                    .bind(i64::from(offset)),
            )
            .await?;
        tx.commit().await?;
        let transfers = rows
            .iter()
            .map(transfers::from_row)
            .collect::<Result<_, _>>()?;
        Ok((transfers, total))
    }

    /// Creates a transfer of `new.amount` (the whole balance by default) to `new.recipient`
    /// (the active recipient by default). A recipient other than the account's active one is
    /// invalid: the transfer is created with `failure_code: invalid_recipient`, not sendable,
    /// and holds no balance.
    ///
    /// With a key, the first answer (a transfer or an `invalid_transfer` refusal) is stored in
    /// the same transaction, and a later request with the key gets it again.
    pub async fn create(
        &self,
        new: NewTransfer,
        keyed: Option<Keyed>,
    ) -> Result<Created, AppError> {
        let mut w = self.write().await?;
        let now = time::now();
        let cutoff = now - self.key_ttl;
        if let Some(keyed) = &keyed {
            if let Some((request, stored)) =
                idempotency::find(&mut w.tx, &keyed.key, cutoff).await?
            {
                // Nothing was written: dropping the transaction only releases the lock.
                if request != keyed.request {
                    return Err(ServerError::IdempotencyKeyReused.into());
                }
                return match stored {
                    Stored::Response(body) => Ok(Created {
                        body,
                        replayed: true,
                    }),
                    Stored::Refusal(reason) => Err(OmiseError::InvalidTransfer {
                        message: Some(reason.into()),
                    }
                    .into()),
                };
            }
        }
        match insert(&mut w, new, now).await {
            Ok(transfer) => {
                let body = serde_json::to_string(&transfer)
                    .map_err(|e| ServerError::Internal(sqlx::Error::Encode(e.into())))?;
                if let Some(keyed) = &keyed {
                    let answer = Stored::Response(body.clone());
                    idempotency::save(&mut w.tx, keyed, &answer, now, cutoff).await?;
                }
                w.commit().await?;
                Ok(Created {
                    body,
                    replayed: false,
                })
            }
            // A refusal is an answer too: keep it, so a retry is refused the same way even if
            // the balance has changed since.
            Err(AppError::Omise(refusal)) if refusal.code() == "invalid_transfer" => {
                if let Some(keyed) = &keyed {
                    let answer = Stored::Refusal(refusal.message().to_string());
                    idempotency::save(&mut w.tx, keyed, &answer, now, cutoff).await?;
                    w.commit().await?;
                }
                Err(refusal.into())
            }
            Err(err) => Err(err),
        }
    }

    /// Changes the amount and/or metadata of a transfer that is not sent, paid or deleted.
    pub async fn update(
        &self,
        id: &str,
        amount: Option<i64>,
        metadata: Option<Map<String, Value>>,
    ) -> Result<Transfer, AppError> {
        let (mut w, mut transfer) = self.write_on(id).await?;
        check_changeable(&transfer)?;
        if let Some(amount) = amount {
            // A sendable transfer already holds its old amount.
            let held = if transfer.sendable {
                transfer.amount
            } else {
                0
            };
            let available = w.account.balance + held;
            check_amount(amount, available)?;
            if transfer.sendable {
                w.account.balance = available - amount;
            }
            transfer.amount = amount;
            transfer.net = amount - transfer.total_fee;
        }
        if let Some(metadata) = metadata {
            transfer.metadata = metadata;
        }
        w.tx.execute(
            sqlx::query("UPDATE transfers SET amount = $1, metadata = $2 WHERE id = $3")
                .bind(transfer.amount)
                .bind(Value::Object(transfer.metadata.clone()).to_string())
                .bind(id.to_owned()),
        )
        .await?;
        w.commit().await?;
        Ok(transfer)
    }

    /// Deletes a transfer that is not sent, paid or deleted: it stays readable with
    /// `deleted: true` and `failure_code: transfer_deleted`, and its amount returns to the
    /// balance.
    pub async fn delete(&self, id: &str) -> Result<Transfer, AppError> {
        let (mut w, transfer) = self.write_on(id).await?;
        check_changeable(&transfer)?;
        if transfer.sendable {
            w.account.balance += transfer.amount;
        }
        w.tx.execute(sqlx::query(
            "UPDATE transfers SET deleted = 1, sendable = 0, failure_code = 'transfer_deleted' \
             WHERE id = $1",
        )
        .bind(id.to_owned()))
        .await?;
        w.commit_reading(id).await
    }

    /// Marks a sendable transfer as sent (test mode).
    pub async fn mark_as_sent(&self, id: &str) -> Result<Transfer, AppError> {
        let (w, transfer) = self.write_on(id).await?;
        check_changeable(&transfer)?;
        if !transfer.sendable {
            return Err(invalid("transfer is not sendable").into());
        }
        self.stamp(w, id, "sent").await
    }

    /// Marks a sent transfer as paid (test mode).
    pub async fn mark_as_paid(&self, id: &str) -> Result<Transfer, AppError> {
        let (w, transfer) = self.write_on(id).await?;
        if transfer.deleted {
            return Err(invalid("transfer was deleted").into());
        }
        if transfer.paid {
            return Err(invalid("transfer was already paid").into());
        }
        if !transfer.sent {
            return Err(invalid("transfer has not been sent").into());
        }
        self.stamp(w, id, "paid").await
    }

    /// Sets `sent_at` or `paid_at` of `id` to now and commits.
    async fn stamp(&self, mut w: WriteTx, id: &str, what: &str) -> Result<Transfer, AppError> {
        let statement = if what == "sent" {
            "UPDATE transfers SET sent_at = $1 WHERE id = $2"
        } else {
            "UPDATE transfers SET paid_at = $1 WHERE id = $2"
        };
        w.tx.execute(sqlx::query(statement).bind(time::now()).bind(id.to_owned()))
            .await?;
        w.commit_reading(id).await
    }
}

/// Inserts the transfer `new` asks for, inside `w`, moving the balance.
async fn insert(w: &mut WriteTx, new: NewTransfer, now: i64) -> Result<Transfer, AppError> {
    let amount = new.amount.unwrap_or(w.account.balance);
    check_amount(amount, w.account.balance)?;
    let recipient = new.recipient.unwrap_or_else(|| w.account.recipient.clone());
    let sendable = recipient == w.account.recipient;
    let failure_code = (!sendable).then_some("invalid_recipient");
    if sendable {
        w.account.balance -= amount;
    }
    let seq = w.account.next_seq;
    w.account.next_seq += 1;
    let id = transfers::id_for(seq);
    w.tx.execute(
        sqlx::query(
            "INSERT INTO transfers (seq, id, amount, recipient, created, fail_fast, failure_code, \
         metadata, deleted, sendable, sent_at, paid_at) \
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, 0, $9, NULL, NULL)",
        )
        .bind(seq)
        .bind(id.clone())
        .bind(amount)
        .bind(recipient)
        .bind(now)
        .bind(i64::from(new.fail_fast))
        .bind(failure_code.map(str::to_owned))
        .bind(Value::Object(new.metadata).to_string())
        .bind(i64::from(sendable)),
    )
    .await?;
    Ok(w.transfer(&id).await?.ok_or(OmiseError::InternalError)?)
}
