//! Database failures as catalog errors: what the client may do about each (retry later, or
//! not), decided from the driver's error kind and code; the driver's text is kept only as the
//! error's source, for the log.

use sqlx::error::{DatabaseError, ErrorKind};

use super::super::errors::ServerError;
use super::dialect::Dialect;

/// What a database failure means to a client.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Fault {
    /// Down, unreachable, read-only or failing I/O: retry in a few seconds.
    Unavailable,
    /// A lock held past the bounded wait: retry at once.
    Busy,
    /// No space left.
    Full,
    /// A unique key already taken.
    Conflict,
    /// Anything else: a bug or a damaged database, not the client's to retry.
    Internal,
}

impl Fault {
    /// The catalog error for this fault, with `err` as its source.
    pub fn with_source(self, err: sqlx::Error) -> ServerError {
        match self {
            Fault::Unavailable => ServerError::DatabaseUnavailable(err),
            Fault::Busy => ServerError::DatabaseBusy(err),
            Fault::Full => ServerError::StorageFull(err),
            Fault::Conflict => ServerError::Conflict(err),
            Fault::Internal => ServerError::Internal(err),
        }
    }
}

/// The catalog error for a failed database call.
pub fn classify(err: sqlx::Error) -> ServerError {
    let fault = match &err {
        sqlx::Error::Database(db) => of_database_error(db.as_ref()),
        // Every connection attempt failed or none came free within the acquire timeout: the
        // server is down, restarting, or refusing connections.
        sqlx::Error::PoolTimedOut
        | sqlx::Error::PoolClosed
        | sqlx::Error::Io(_)
        | sqlx::Error::Tls(_)
        | sqlx::Error::Protocol(_)
        | sqlx::Error::WorkerCrashed
        | sqlx::Error::BeginFailed => Fault::Unavailable,
        _ => Fault::Internal,
    };
    fault.with_source(err)
}

fn of_database_error(db: &dyn DatabaseError) -> Fault {
    if db.kind() == ErrorKind::UniqueViolation {
        return Fault::Conflict;
    }
    let dialect = if db.try_downcast_ref::<sqlx::sqlite::SqliteError>().is_some() {
        Dialect::Sqlite
    } else {
        Dialect::Postgres
    };
    db.code()
        .map_or(Fault::Internal, |code| of_code(dialect, &code))
}

/// The fault a database error code stands for: SQLite's (extended) result code in decimal,
/// or PostgreSQL's SQLSTATE.
pub fn of_code(dialect: Dialect, code: &str) -> Fault {
    match dialect {
        Dialect::Sqlite => {
            // An extended code keeps its primary code in the low byte.
            let Ok(extended) = code.parse::<i32>() else {
                return Fault::Internal;
            };
            match extended & 0xff {
                5 | 6 => Fault::Busy,                   // SQLITE_BUSY, SQLITE_LOCKED
                13 => Fault::Full,                      // SQLITE_FULL
                8 | 10 | 14 | 15 => Fault::Unavailable, // READONLY, IOERR, CANTOPEN, PROTOCOL
                19 if extended == 2067 || extended == 1555 => Fault::Conflict, // UNIQUE, PRIMARYKEY
                _ => Fault::Internal,
            }
        }
        Dialect::Postgres => match code {
            "23505" => Fault::Conflict,                           // unique_violation
            "53100" => Fault::Full,                               // disk_full
            "40001" | "40P01" | "55P03" | "57014" => Fault::Busy, // serialization, deadlock, lock_not_available, query_canceled (timeout)
            "25006" => Fault::Unavailable, // read_only_sql_transaction (a standby)
            _ if code.starts_with("08") || code.starts_with("57P") || code.starts_with("53") => {
                // connection exception; admin/crash shutdown, cannot connect now; out of
                // memory or connections
                Fault::Unavailable
            }
            _ => Fault::Internal,
        },
    }
}
