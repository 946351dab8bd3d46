//! What the server is started with, from the environment.

use std::time::Duration;

/// The secret key accepted when `OMISE_SECRET_KEY` is not set.
pub const DEFAULT_SECRET_KEY: &str = "skey_test_apierror";
/// The starting balance when `BALANCE` is not set, in satang (1,000,000.00 THB).
pub const DEFAULT_BALANCE: i64 = 100_000_000;
/// The database when `DATABASE_URL` is not set: a SQLite file in the working directory,
/// created if missing, so the example runs on a machine with nothing installed.
pub const DEFAULT_DATABASE_URL: &str = "sqlite://transfers.db?mode=rwc";
/// How long an `Idempotency-Key` is kept when `IDEMPOTENCY_TTL` is not set: 24 hours, as
/// payment APIs keep them.
pub const DEFAULT_IDEMPOTENCY_TTL: Duration = Duration::from_secs(24 * 60 * 60);

/// What the server is started with.
#[derive(Debug, Clone)]
pub struct Config {
    /// The secret key clients authenticate with.
    pub secret_key: String,
    /// The transferable balance of a new database, in satang; an existing database keeps
    /// its own.
    pub balance: i64,
    /// `sqlite://…` or `postgres://…`.
    pub database_url: String,
    /// How long an `Idempotency-Key` and its first answer are kept.
    pub idempotency_ttl: Duration,
}

impl Default for Config {
    fn default() -> Self {
        Config {
            secret_key: DEFAULT_SECRET_KEY.to_owned(),
            balance: DEFAULT_BALANCE,
            database_url: DEFAULT_DATABASE_URL.to_owned(),
            idempotency_ttl: DEFAULT_IDEMPOTENCY_TTL,
        }
    }
}

impl Config {
    /// `OMISE_SECRET_KEY`, `BALANCE`, `DATABASE_URL` and `IDEMPOTENCY_TTL` (seconds), each
    /// defaulting when unset; `PORT` (default 8080) is returned beside.
    pub fn from_env() -> Result<(Config, u16), std::io::Error> {
        let mut config = Config::default();
        let var = |name: &str| std::env::var(name).ok().filter(|v| !v.is_empty());
        let port = match var("PORT") {
            Some(port) => port.parse::<u16>().map_err(|e| invalid_env("PORT", e))?,
            None => 8080,
        };
        if let Some(balance) = var("BALANCE") {
            config.balance = balance.parse().map_err(|e| invalid_env("BALANCE", e))?;
        }
        if let Some(key) = var("OMISE_SECRET_KEY") {
            config.secret_key = key;
        }
        if let Some(url) = var("DATABASE_URL") {
            config.database_url = url;
        }
        if let Some(ttl) = var("IDEMPOTENCY_TTL") {
            let secs = ttl.parse().map_err(|e| invalid_env("IDEMPOTENCY_TTL", e))?;
            config.idempotency_ttl = Duration::from_secs(secs);
        }
        Ok((config, port))
    }

    /// The database URL without its password, for the log.
    pub fn database_for_log(&self) -> String {
        let url = &self.database_url;
        match (url.find("://"), url.rfind('@')) {
            (Some(scheme_end), Some(at)) if at > scheme_end => {
                let user_info = &url[scheme_end + 3..at];
                let user = user_info.split(':').next().unwrap_or("");
                format!("{}{user}@{}", &url[..scheme_end + 3], &url[at + 1..])
            }
            _ => url.clone(),
        }
    }
}

fn invalid_env(name: &str, err: impl std::fmt::Display) -> std::io::Error {
    std::io::Error::new(std::io::ErrorKind::InvalidInput, format!("{name}: {err}"))
}
