//! Transactions. Every change to a transfer and every balance move happens inside one
//! [`WriteTx`], after the account row is locked, so concurrent requests (in this process or
//! another one on the same database) apply one after the other and never overspend.
//!
//! The statements `BEGIN …`, `COMMIT` and `ROLLBACK` are sent by hand rather than through
//! sqlx's `Transaction`: after a failed `COMMIT` (a read-only file, a full disk) sqlx keeps
//! counting the connection as inside a transaction and refuses the next `begin` on it. Here a
//! transaction that does not commit is rolled back, and a connection whose rollback fails is
//! closed instead of going back to the pool.

use std::sync::Arc;

use apierror_catalog::omise::OmiseError;
use sqlx::any::{AnyArguments, AnyRow};
use sqlx::pool::PoolConnection;
use sqlx::{Any, AnyConnection, AnyPool, Row};
use tokio::sync::{Mutex, OwnedMutexGuard};

use super::super::errors::AppError;
use super::dialect::Dialect;
use super::transfers::{self, Transfer};

type AnyQuery<'q> = sqlx::query::Query<'q, Any, AnyArguments>;

/// An open transaction on a pooled connection; dropped without [`Tx::commit`], it is rolled
/// back (in a task of its own: `Drop` cannot wait). Its statements go through its methods,
/// which note a failure: a connection that failed a statement is closed, not reused, since it
/// may be one SQLite opened read-only while the file was (it would stay so) or one the
/// server dropped.
pub struct Tx {
    conn: Option<PoolConnection<Any>>,
    /// Released only once the transaction is over, so the next writer of this process never
    /// finds the database still locked by this one.
    gate: Option<OwnedMutexGuard<()>>,
    failed: bool,
}

impl Tx {
    /// Takes a connection and sends `begin`; `gate` is held until the transaction ends.
    pub async fn begin(
        pool: &AnyPool,
        begin: &'static str,
        gate: Option<OwnedMutexGuard<()>>,
    ) -> Result<Tx, sqlx::Error> {
        let conn = pool.acquire().await?;
        let mut tx = Tx {
            conn: Some(conn),
            gate,
            failed: false,
        };
        tx.execute(sqlx::query(begin)).await?;
        Ok(tx)
    }

    fn conn(&mut self) -> &mut AnyConnection {
        self.conn.as_mut().expect("a transaction in progress")
    }

    fn note<T>(&mut self, result: Result<T, sqlx::Error>) -> Result<T, sqlx::Error> {
        self.failed |= result.is_err();
        result
    }

    pub async fn execute(&mut self, query: AnyQuery<'_>) -> Result<(), sqlx::Error> {
        let result = query.execute(self.conn()).await.map(drop);
        self.note(result)
    }

    pub async fn fetch_one(&mut self, query: AnyQuery<'_>) -> Result<AnyRow, sqlx::Error> {
        let result = query.fetch_one(self.conn()).await;
        self.note(result)
    }

    pub async fn fetch_optional(
        &mut self,
        query: AnyQuery<'_>,
    ) -> Result<Option<AnyRow>, sqlx::Error> {
        let result = query.fetch_optional(self.conn()).await;
        self.note(result)
    }

    pub async fn fetch_all(&mut self, query: AnyQuery<'_>) -> Result<Vec<AnyRow>, sqlx::Error> {
        let result = query.fetch_all(self.conn()).await;
        self.note(result)
    }

    /// Commits. On failure the transaction is rolled back with its connection closed.
    pub async fn commit(mut self) -> Result<(), sqlx::Error> {
        self.execute(sqlx::query("COMMIT")).await?;
        // Committed: the connection goes back to the pool as it is.
        self.conn.take();
        Ok(())
    }
}

impl Drop for Tx {
    fn drop(&mut self) {
        let Some(mut conn) = self.conn.take() else {
            return;
        };
        let (gate, failed) = (self.gate.take(), self.failed);
        let Ok(runtime) = tokio::runtime::Handle::try_current() else {
            // No runtime to roll back on: closing the connection rolls back.
            conn.close_on_drop();
            return;
        };
        runtime.spawn(async move {
            if failed || sqlx::query("ROLLBACK").execute(&mut *conn).await.is_err() {
                // Closing rolls back whatever is open.
                let _ = conn.close().await;
            }
            drop(gate);
        });
    }
}

/// The account as the transaction read (and locked) it; changed in memory, written back by
/// [`WriteTx::commit`].
pub struct Account {
    pub balance: i64,
    pub next_seq: i64,
    pub recipient: String,
}

/// An open write transaction holding the account lock.
pub struct WriteTx {
    pub tx: Tx,
    pub account: Account,
}

impl WriteTx {
    /// Waits for this process's other writers, opens the transaction and locks the account.
    /// Writers of one process queue on `gate` rather than in the database: SQLite's busy
    /// handler polls with sleeps, which would cost throughput, and a waiting writer should
    /// not hold one of the pool's connections. Dropping the result without
    /// [`WriteTx::commit`] rolls everything back.
    pub async fn begin(
        pool: &AnyPool,
        dialect: Dialect,
        gate: &Arc<Mutex<()>>,
    ) -> Result<Self, sqlx::Error> {
        let gate = Arc::clone(gate).lock_owned().await;
        let mut tx = Tx::begin(pool, dialect.begin_write(), Some(gate)).await?;
        let row = tx.fetch_one(sqlx::query(dialect.lock_account())).await?;
        let account = Account {
            balance: row.try_get("balance")?,
            next_seq: row.try_get("next_seq")?,
            recipient: row.try_get("recipient")?,
        };
        Ok(WriteTx { tx, account })
    }

    /// The transfer `id`, if it exists.
    pub async fn transfer(&mut self, id: &str) -> Result<Option<Transfer>, sqlx::Error> {
        let row = self
            .tx
            .fetch_optional(sqlx::query(select_transfer!("WHERE id = $1")).bind(id.to_owned()))
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
        self.tx
            .execute(
                sqlx::query("UPDATE account SET balance = $1, next_seq = $2 WHERE id = 1")
                    .bind(self.account.balance)
                    .bind(self.account.next_seq),
            )
            .await?;
        self.tx.commit().await
    }
}
