//! Opening the database: the pool, each connection's settings, the embedded migrations, and
//! the account row on first start.

use std::time::Duration;

use sqlx::any::AnyPoolOptions;
use sqlx::{AnyPool, Executor};

use super::dialect::Dialect;

/// The migrations in `migrations/` beside this package's `Cargo.toml`, compiled into the binary.
static MIGRATOR: sqlx::migrate::Migrator = sqlx::migrate!("./migrations");

/// Why the store could not open.
#[derive(Debug, thiserror::Error)]
pub enum OpenError {
    #[error("DATABASE_URL must start with sqlite: or postgres:")]
    Scheme,
    #[error("this server was built without PostgreSQL: build it with `--features postgres`")]
    NoPostgres,
    #[error("cannot connect to the database")]
    Connect(#[source] sqlx::Error),
    #[error("cannot apply the migrations")]
    Migrate(#[source] sqlx::migrate::MigrateError),
    #[error("cannot prepare the database")]
    Prepare(#[source] sqlx::Error),
}

/// How long a request waits for a connection before it is answered 503: long enough to ride
/// out a burst, short enough that a client learns of an outage in seconds.
const ACQUIRE_TIMEOUT: Duration = Duration::from_secs(3);

/// Connects to `url`, applies the migrations, and creates the account with `balance` and
/// `recipient` unless it exists (a restart keeps the stored balance).
pub async fn open(
    url: &str,
    balance: i64,
    recipient: &str,
) -> Result<(AnyPool, Dialect), OpenError> {
    sqlx::any::install_default_drivers();
    let dialect = Dialect::of_url(url).ok_or(OpenError::Scheme)?;
    if dialect == Dialect::Postgres && !cfg!(feature = "postgres") {
        return Err(OpenError::NoPostgres);
    }
    let pool = AnyPoolOptions::new()
        .max_connections(8)
        .acquire_timeout(ACQUIRE_TIMEOUT)
        // A connection the database dropped (a restart) fails its ping and is replaced, so
        // the server serves again when the database returns.
        .test_before_acquire(true)
        .after_connect(move |conn, _| {
            Box::pin(async move {
                for statement in dialect.session_settings() {
                    conn.execute(*statement).await?;
                }
                Ok(())
            })
        })
        .connect(url)
        .await
        .map_err(OpenError::Connect)?;
    if dialect == Dialect::Sqlite {
        // Readers never wait for the writer, and the mode is stored in the file: set once.
        sqlx::query("PRAGMA journal_mode = WAL")
            .execute(&pool)
            .await
            .map_err(OpenError::Prepare)?;
    }
    MIGRATOR.run(&pool).await.map_err(OpenError::Migrate)?;
    sqlx::query(
        "INSERT INTO account (id, balance, next_seq, recipient) VALUES (1, $1, 1, $2) \
         ON CONFLICT (id) DO NOTHING",
    )
    .bind(balance)
    .bind(recipient.to_owned())
    .execute(&pool)
    .await
    .map_err(OpenError::Prepare)?;
    Ok((pool, dialect))
}
