//! The write transaction: every change to a transfer and every balance move happens inside
//! one, after the account row is locked, so concurrent requests (in this process or another
//! one on the same database) apply one after the other and never overspend.

use std::sync::Arc;

use sqlx::{Any, AnyPool, Row, Transaction};
use tokio::sync::{Mutex, OwnedMutexGuard};

use apierror_catalog::omise::OmiseError;

use super::super::errors::AppError;
use super::dialect::Dialect;
use super::transfers::{self, Transfer};

/// The account as the transaction read (and locked) it; changed in memory, written back by
/// [`WriteTx::commit`].
pub struct Account {
    pub balance: i64,
    pub next_seq: i64,
    pub recipient: String,
}

/// An open write transaction holding the account lock.
pub struct WriteTx {
    pub tx: Transaction<'static, Any>,
    pub account: Account,
    /// Held until commit or drop. Writers of one process queue here rather than in the
    /// database: SQLite's busy handler polls with sleeps, which would cost throughput, and a
    /// waiting writer should not hold one of the pool's connections.
    _gate: OwnedMutexGuard<()>,
}

impl WriteTx {
    /// Waits for this process's other writers, opens the transaction and locks the account.
    /// Dropping the result without [`WriteTx::commit`] rolls everything back.
    pub async fn begin(
        pool: &AnyPool,
        dialect: Dialect,
        gate: &Arc<Mutex<()>>,
    ) -> Result<Self, sqlx::Error> {
        let gate = Arc::clone(gate).lock_owned().await;
        let mut tx = pool.begin_with(dialect.begin_write()).await?;
        let row = sqlx::query(dialect.lock_account())
            .fetch_one(&mut *tx)
            .await?;
        let account = Account {
            balance: row.try_get("balance")?,
            next_seq: row.try_get("next_seq")?,
            recipient: row.try_get("recipient")?,
        };
        Ok(WriteTx {
            tx,
            account,
            _gate: gate,
        })
    }

    /// The transfer `id`, if it exists.
    pub async fn transfer(&mut self, id: &str) -> Result<Option<Transfer>, sqlx::Error> {
        let row = sqlx::query(select_transfer!("WHERE id = $1"))
            .bind(id.to_owned())
            .fetch_optional(&mut *self.tx)
            .await?;
        row.as_ref().map(transfers::from_row).transpose()
    }

    /// Reads the transfer `id` as changed, then commits.
    pub async fn commit_reading(mut self, id: &str) -> Result<Transfer, AppError> {
        let transfer = self.transfer(id).await?.ok_or(OmiseError::NotFound)?;
        self.commit().await?;
        Ok(transfer)
    }

    /// Writes the account back and commits.
    pub async fn commit(mut self) -> Result<(), sqlx::Error> {
        sqlx::query("UPDATE account SET balance = $1, next_seq = $2 WHERE id = 1")
            .bind(self.account.balance)
            .bind(self.account.next_seq)
            .execute(&mut *self.tx)
            .await?;
        self.tx.commit().await
    }
}
