//! The few statements that differ between SQLite and PostgreSQL; every other statement is
//! shared, written with `$n` placeholders, which both drivers accept.

/// The database behind a URL.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Dialect {
    Sqlite,
    Postgres,
}

impl Dialect {
    /// The dialect of `url`, by its scheme.
    pub fn of_url(url: &str) -> Option<Self> {
        let scheme = url.split(':').next()?;
        match scheme {
            "sqlite" => Some(Dialect::Sqlite),
            "postgres" | "postgresql" => Some(Dialect::Postgres),
            _ => None,
        }
    }

    /// Opens a transaction that will change the balance. SQLite takes its write lock at once
    /// (`IMMEDIATE`): a deferred transaction that reads first and writes later can fail with
    /// `SQLITE_BUSY_SNAPSHOT` when another process wrote in between, which no wait can cure.
    /// PostgreSQL locks the account row instead ([`Dialect::lock_account`]).
    pub fn begin_write(self) -> &'static str {
        match self {
            Dialect::Sqlite => "BEGIN IMMEDIATE",
            Dialect::Postgres => "BEGIN",
        }
    }

    /// Opens a transaction for a list, so its page and its total are read from one snapshot.
    /// A deferred SQLite transaction in WAL mode reads one snapshot; PostgreSQL's default,
    /// read committed, takes a new one per statement.
    pub fn begin_read(self) -> &'static str {
        match self {
            Dialect::Sqlite => "BEGIN",
            Dialect::Postgres => "BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY",
        }
    }

    /// Reads the account inside a write transaction, locking it against every other writer
    /// until commit: on PostgreSQL a row lock, which serializes balance moves across server
    /// processes; on SQLite the transaction already holds the database's write lock.
    pub fn lock_account(self) -> &'static str {
        match self {
            Dialect::Sqlite => "SELECT balance, next_seq, recipient FROM account WHERE id = 1",
            Dialect::Postgres => {
                "SELECT balance, next_seq, recipient FROM account WHERE id = 1 FOR UPDATE"
            }
        }
    }

    /// Settings of every new connection.
    pub fn session_settings(self) -> &'static [&'static str] {
        match self {
            // WAL with NORMAL sync: a commit survives the process being killed (the OS has
            // the WAL); only a power loss may drop the last commits. sqlx already sets a 5 s
            // busy_timeout: the bounded wait for another process's write lock.
            Dialect::Sqlite => &["PRAGMA synchronous = NORMAL"],
            // The bounded wait for the account row held by another process, and for any
            // statement; past it the request is answered 503 database_busy.
            Dialect::Postgres => &["SET lock_timeout = '5s'", "SET statement_timeout = '15s'"],
        }
    }
}
