//! Database faults as catalog errors: with the database unavailable (the SQLite file made
//! read-only; PostgreSQL stopped) or its disk full, writes are answered 503 with the
//! server's catalog body and `Retry-After`, never the driver's text (which goes to the log);
//! other endpoints keep answering, no acknowledged write is lost, and the server serves
//! again when the database returns, without a restart.

use std::path::{Path, PathBuf};
use std::process::Command;
use std::time::{Duration, Instant};

use transfers_server::store::faults::{of_code, Fault};
use transfers_server::store::Dialect;

use crate::support::transfers_app::client::{
    agent, all_transfers, held, post_transfer, send, stored_balance, Res,
};
use crate::support::transfers_app::fresh_dir;
use crate::support::transfers_app::pg::{self, Cluster};
use crate::support::transfers_app::process::ServerProcess;
use crate::support::TRACE;

const UNAVAILABLE: &str = r#"{"object":"error","location":"http://127.0.0.1:8080/errors#database-unavailable","code":"database_unavailable","message":"the service is temporarily unavailable; retry later"}"#;
const STORAGE_FULL: &str = r#"{"object":"error","location":"http://127.0.0.1:8080/errors#storage-full","code":"storage_full","message":"the service cannot store changes at the moment; retry later"}"#;

#[test]
fn database_codes_map_to_faults() {
    use Dialect::{Postgres, Sqlite};
    let table = [
        (Sqlite, "5", Fault::Busy),           // SQLITE_BUSY
        (Sqlite, "517", Fault::Busy),         // SQLITE_BUSY_SNAPSHOT
        (Sqlite, "6", Fault::Busy),           // SQLITE_LOCKED
        (Sqlite, "13", Fault::Full),          // SQLITE_FULL
        (Sqlite, "8", Fault::Unavailable),    // SQLITE_READONLY
        (Sqlite, "1032", Fault::Unavailable), // SQLITE_READONLY_DBMOVED
        (Sqlite, "778", Fault::Unavailable),  // SQLITE_IOERR_WRITE
        (Sqlite, "14", Fault::Unavailable),   // SQLITE_CANTOPEN
        (Sqlite, "2067", Fault::Conflict),    // SQLITE_CONSTRAINT_UNIQUE
        (Sqlite, "1555", Fault::Conflict),    // SQLITE_CONSTRAINT_PRIMARYKEY
        (Sqlite, "787", Fault::Internal),     // SQLITE_CONSTRAINT_FOREIGNKEY
        (Sqlite, "11", Fault::Internal),      // SQLITE_CORRUPT
        (Sqlite, "garbage", Fault::Internal),
        (Postgres, "23505", Fault::Conflict), // unique_violation
        (Postgres, "53100", Fault::Full),     // disk_full
        (Postgres, "53300", Fault::Unavailable), // too_many_connections
        (Postgres, "40001", Fault::Busy),     // serialization_failure
        (Postgres, "40P01", Fault::Busy),     // deadlock_detected
        (Postgres, "55P03", Fault::Busy),     // lock_not_available (lock_timeout)
        (Postgres, "57014", Fault::Busy),     // query_canceled (statement_timeout)
        (Postgres, "57P01", Fault::Unavailable), // admin_shutdown
        (Postgres, "57P03", Fault::Unavailable), // cannot_connect_now
        (Postgres, "08006", Fault::Unavailable), // connection_failure
        (Postgres, "25006", Fault::Unavailable), // read_only_sql_transaction
        (Postgres, "23514", Fault::Internal), // check_violation
        (Postgres, "42P01", Fault::Internal), // undefined_table
    ];
    for (dialect, code, fault) in table {
        assert_eq!(of_code(dialect, code), fault, "{dialect:?} {code}");
    }
}

/// Asserts the 503 `database_unavailable` answer, in the Omise format and as a problem.
fn assert_unavailable(base: &str, method: &str, path: &str, json: Option<&str>) {
    let url = format!("{base}{path}");
    let res = send(&agent(), method, &url, &[], json);
    assert_eq!(
        (res.status, res.body.as_str()),
        (503, UNAVAILABLE),
        "{method} {path}"
    );
    assert_eq!(res.header("retry-after"), Some("5"));
    assert_eq!(
        res.header("content-type"),
        Some("application/json; charset=utf-8")
    );
    let headers = [
        ("Accept", "application/problem+json"),
        ("traceparent", TRACE),
    ];
    let res = send(&agent(), method, &url, &headers, json);
    assert_eq!(res.status, 503);
    assert_eq!(res.header("retry-after"), Some("5"));
    assert_eq!(
        res.body,
        format!(
            r#"{{"type":"about:blank","title":"Service Unavailable","status":503,"detail":"the service is temporarily unavailable; retry later","instance":"{path}","code":"database_unavailable","traceId":"{TRACE}"}}"#
        )
    );
}

/// Endpoints that need no database keep answering.
fn assert_others_answer(base: &str) {
    let openapi = send(&agent(), "GET", &format!("{base}/openapi.json"), &[], None);
    assert_eq!(openapi.status, 200);
    let res = agent()
        .get(format!("{base}/transfers"))
        .call()
        .expect("an answer");
    assert_eq!(
        res.status(),
        401,
        "an unauthenticated request was not refused"
    );
    let body = res.into_body().read_to_string().expect("a body");
    assert!(body.contains("authentication_failure"), "{body}");
}

/// Creates until one is answered 200 (the database is back), within `limit`; until then,
/// each is answered 503 with `refusal`.
fn wait_for_service(base: &str, limit: Duration, refusal: &str) {
    let deadline = Instant::now() + limit;
    loop {
        let res = post_transfer(base, Some("after-the-fault"), r#"{"amount":10000}"#);
        if res.status == 200 {
            return;
        }
        assert_eq!((res.status, res.body.as_str()), (503, refusal));
        assert!(
            Instant::now() < deadline,
            "no service {limit:?} after the fault"
        );
        std::thread::sleep(Duration::from_millis(200));
    }
}

/// The log carries what the body does not: the driver's error, on the line of the failure
/// answered with `code`.
fn assert_logged(server: &ServerProcess, code: &str, driver_text: &str) {
    let log = server.log_text();
    let line = log
        .lines()
        .find(|l| l.contains("request failed") && l.contains(code))
        .unwrap_or_else(|| panic!("no failure logged:\n{log}"));
    assert!(line.contains(driver_text), "{line}");
}

/// A server on `url` (a new account with `start`) holding one transfer: the server, the
/// transfer's body and id.
fn start_with_one(url: &str, start: i64, dir: &Path) -> (ServerProcess, Res, String) {
    let server = ServerProcess::start(url, start, &dir.join("server.log"));
    let first = post_transfer(&server.base, None, r#"{"amount":50000}"#);
    assert_eq!(first.status, 200, "{}", first.body);
    let id = first.json()["id"].as_str().unwrap().to_owned();
    (server, first, id)
}

/// The transfer `id` reads as `body`.
fn assert_reads(base: &str, id: &str, body: &str) {
    let read = send(
        &agent(),
        "GET",
        &format!("{base}/transfers/{id}"),
        &[],
        None,
    );
    assert_eq!((read.status, read.body.as_str()), (200, body));
}

/// After the fault: the transfers made before it (`before`) and the one made when service
/// resumed, nothing that a refused write left behind, and the balance to the satang.
fn assert_consistent(base: &str, url: &str, start: i64, before: usize) {
    let all = all_transfers(&agent(), base);
    assert_eq!(all.len(), before + 1, "{all:?}");
    assert_eq!(
        stored_balance(url),
        start - all.iter().map(held).sum::<i64>()
    );
}

/// Whether `command` ran and succeeded.
fn succeeds(command: &mut Command) -> bool {
    command.status().is_ok_and(|status| status.success())
}

/// Makes files immutable (`chattr +i`: read-only even to root) until dropped.
struct Immutable(Vec<PathBuf>);

impl Immutable {
    fn set(files: &[PathBuf]) -> Option<Immutable> {
        succeeds(Command::new("chattr").arg("+i").args(files)).then(|| Immutable(files.to_vec()))
    }
}

impl Drop for Immutable {
    fn drop(&mut self) {
        let _ = Command::new("chattr").arg("-i").args(&self.0).status();
    }
}

#[test]
fn sqlite_file_read_only() {
    const START: i64 = 1_000_000;
    let dir = fresh_dir("readonly");
    let file = dir.join("transfers.db");
    let url = format!("sqlite://{}?mode=rwc", file.display());
    let (server, first, id) = start_with_one(&url, START, &dir);
    let base = server.base.clone();

    let wal = Path::new(&format!("{}-wal", file.display())).to_owned();
    let Some(guard) = Immutable::set(&[file.clone(), wal]) else {
        assert!(
            !pg::required(),
            "chattr +i failed: the test needs root on ext4 in CI"
        );
        eprintln!("sqlite_file_read_only: skipped locally, chattr +i is not permitted here");
        return;
    };
    assert_unavailable(&base, "POST", "/transfers", Some(r#"{"amount":10000}"#));
    assert_unavailable(
        &base,
        "PATCH",
        &format!("/transfers/{id}"),
        Some(r#"{"amount":20000}"#),
    );
    assert_unavailable(&base, "DELETE", &format!("/transfers/{id}"), None);
    // Reads need no write: they still answer.
    assert_reads(&base, &id, &first.body);
    assert_others_answer(&base);
    assert_logged(
        &server,
        "database_unavailable",
        "error returned from database",
    );

    drop(guard);
    wait_for_service(&base, Duration::from_secs(15), UNAVAILABLE);
    assert_consistent(&base, &url, START, 1);
}

#[test]
fn postgres_stopped() {
    const START: i64 = 1_000_000;
    let Some(cluster) = Cluster::start("faults") else {
        return;
    };
    let url = cluster.database("faults");
    let dir = fresh_dir("pgstopped");
    let (server, first, id) = start_with_one(&url, START, &dir);
    let base = server.base.clone();

    cluster.stop();
    assert_unavailable(&base, "POST", "/transfers", Some(r#"{"amount":10000}"#));
    assert_unavailable(&base, "GET", &format!("/transfers/{id}"), None);
    assert_others_answer(&base);
    assert_logged(&server, "database_unavailable", "pool timed out");

    cluster.restart();
    wait_for_service(&base, Duration::from_secs(30), UNAVAILABLE);
    assert_reads(&base, &id, &first.body);
    assert_consistent(&base, &url, START, 1);
}

/// A small file system (tmpfs) mounted on a directory until dropped, that can grow.
struct SmallDisk(PathBuf);

impl SmallDisk {
    fn mount(dir: &Path, size: &str) -> Option<SmallDisk> {
        let mut mount = Command::new("mount");
        mount.args(["-t", "tmpfs", "-o", &format!("size={size}"), "tmpfs"]);
        succeeds(mount.arg(dir)).then(|| SmallDisk(dir.to_owned()))
    }

    /// Gives it room: `size` in all, its files kept.
    fn grow(&self, size: &str) {
        let mut remount = Command::new("mount");
        remount.args(["-o", &format!("remount,size={size}")]);
        assert!(
            succeeds(remount.arg(&self.0)),
            "remount {} to {size}",
            self.0.display()
        );
    }
}

impl Drop for SmallDisk {
    fn drop(&mut self) {
        // Lazy: a server still holding its files open must not keep it mounted.
        let _ = Command::new("umount").arg("-l").arg(&self.0).status();
    }
}

#[test]
fn sqlite_disk_full() {
    const START: i64 = 100_000_000;
    let dir = fresh_dir("diskfull");
    let disk_dir = dir.join("disk");
    std::fs::create_dir_all(&disk_dir).expect("disk dir");
    // 600 KiB: a new database and its write-ahead log fill it within a few dozen transfers.
    let Some(disk) = SmallDisk::mount(&disk_dir, "600k") else {
        assert!(
            !pg::required(),
            "mount -t tmpfs failed: the test needs root in CI"
        );
        eprintln!("sqlite_disk_full: skipped locally, mount is not permitted here");
        return;
    };
    let url = format!(
        "sqlite://{}?mode=rwc",
        disk_dir.join("transfers.db").display()
    );
    // Its log is written outside the small disk. Dropped before the disk.
    let server = ServerProcess::start(&url, START, &dir.join("server.log"));
    let base = server.base.clone();

    let mut acknowledged = Vec::new();
    let refused = loop {
        let res = post_transfer(&base, None, r#"{"amount":100000}"#);
        if res.status != 200 {
            break res;
        }
        acknowledged.push(res);
        assert!(acknowledged.len() < 5_000, "the disk never filled");
    };
    assert_eq!((refused.status, refused.body.as_str()), (503, STORAGE_FULL));
    assert_eq!(refused.header("retry-after"), Some("60"));
    assert!(!acknowledged.is_empty(), "full before the first transfer");
    // Every write that was acknowledged reads back as it was answered, full disk or not.
    for transfer in &acknowledged {
        let id = transfer.json()["id"].as_str().unwrap().to_owned();
        assert_reads(&base, &id, &transfer.body);
    }
    assert_others_answer(&base);
    assert_logged(&server, "storage_full", "database or disk is full");

    disk.grow("16m");
    wait_for_service(&base, Duration::from_secs(15), STORAGE_FULL);
    assert_consistent(&base, &url, START, acknowledged.len());
    drop(server);
}
