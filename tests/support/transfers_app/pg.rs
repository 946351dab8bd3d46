//! A throwaway PostgreSQL cluster per test, started by `scripts/postgres.sh`. Where the
//! server is missing the tests that need it are skipped, saying so, unless they run in CI
//! (`CI` set, as `.ci/run` runs, or `APIERROR_REQUIRE_POSTGRES=1`): there a missing
//! PostgreSQL fails them.

use std::path::PathBuf;
use std::process::Command;

const SCRIPT: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/scripts/postgres.sh");

/// Whether a missing PostgreSQL must fail the test rather than skip it.
pub fn required() -> bool {
    let set = |name| std::env::var(name).is_ok_and(|v| !v.is_empty() && v != "0" && v != "false");
    set("CI") || set("APIERROR_REQUIRE_POSTGRES")
}

/// A running cluster; dropped, it is stopped and its directory deleted.
pub struct Cluster {
    dir: PathBuf,
    /// `postgres://postgres@127.0.0.1:<port>/postgres`.
    pub url: String,
}

impl Cluster {
    /// Starts a cluster for the test `name`, or `None` (having printed why) where PostgreSQL
    /// is not installed and not required.
    pub fn start(name: &str) -> Option<Cluster> {
        let dir = std::env::temp_dir().join(format!("apierror-pg-{name}-{}", std::process::id()));
        let _ = run("remove", &dir);
        match run("start", &dir) {
            Ok(url) => Some(Cluster { dir, url }),
            Err(why) if required() => panic!("PostgreSQL is required here (CI): {why}"),
            Err(why) => {
                eprintln!("{name}: skipped locally, no PostgreSQL: {why}");
                None
            }
        }
    }

    /// Stops the server (fast shutdown: open connections are cut).
    pub fn stop(&self) {
        run("stop", &self.dir).expect("stop PostgreSQL");
    }

    /// Starts it again, on the same port.
    pub fn restart(&self) {
        let url = run("start", &self.dir).expect("start PostgreSQL again");
        assert_eq!(url, self.url);
    }

    /// The URL of a new, empty database `name` in this cluster.
    pub fn database(&self, name: &str) -> String {
        let admin = self.url.clone();
        let statement = format!("CREATE DATABASE {name}");
        super::client::block_on(async move {
            use sqlx::Executor;
            sqlx::any::install_default_drivers();
            let pool = sqlx::AnyPool::connect(&admin).await.expect("connect");
            pool.execute(sqlx::AssertSqlSafe(statement))
                .await
                .expect("create database");
        });
        let (server, _) = self.url.rsplit_once('/').expect("a database in the URL");
        format!("{server}/{name}")
    }
}

impl Drop for Cluster {
    fn drop(&mut self) {
        if let Err(why) = run("remove", &self.dir) {
            eprintln!(
                "cannot remove the PostgreSQL cluster in {}: {why}",
                self.dir.display()
            );
        }
    }
}

/// Runs `postgres.sh <verb> <dir>`; its standard output, or why it failed.
fn run(verb: &str, dir: &std::path::Path) -> Result<String, String> {
    let out = Command::new("bash")
        .arg(SCRIPT)
        .arg(verb)
        .arg(dir)
        .output()
        .map_err(|e| format!("cannot run {SCRIPT}: {e}"))?;
    if out.status.success() {
        Ok(String::from_utf8_lossy(&out.stdout).trim().to_owned())
    } else {
        Err(String::from_utf8_lossy(&out.stderr).trim().to_owned())
    }
}
