//! Durability of the Transfers example's store, with the server as a process of its own:
//! a restart keeps every transfer and the balance; `kill -9` in the middle of a 32-client load
//! loses no acknowledged transfer, invents none, duplicates none (also when the clients retry
//! their unanswered creates with the same `Idempotency-Key`), and leaves the balance equal to
//! the start balance less what the live transfers hold. On SQLite and on PostgreSQL.

use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::Arc;
use std::time::{Duration, Instant};

use crate::support::transfers_app::client::{agent, all_transfers, held, send, stored_balance};
use crate::support::transfers_app::load::{self, reconcile};
use crate::support::transfers_app::pg::Cluster;
use crate::support::transfers_app::process::ServerProcess;
use crate::support::transfers_app::{self, fresh_dir, fresh_sqlite_url};

/// `POST /transfers` with `body`, under `key` if given.
fn create(base: &str, body: &str, key: Option<&str>) -> transfers_app::client::Res {
    transfers_app::client::post_transfer(base, key, body)
}

/// Transfers in every state, a restart, and everything is as it was.
fn restart_keeps_everything(url: &str) {
    const BALANCE: i64 = 1_000_000;
    let log = fresh_dir("restart").join("server.log");
    let mut server = ServerProcess::start(url, BALANCE, &log);
    let base = server.base.clone();
    let keyed = create(&base, r#"{"amount":50000}"#, Some("restart-key"));
    assert_eq!(keyed.status, 200, "{}", keyed.body);
    let mut ids = Vec::new();
    for amount in [10_000, 20_000, 30_000, 40_000] {
        let res = create(&base, &format!(r#"{{"amount":{amount}}}"#), None);
        assert_eq!(res.status, 200, "{}", res.body);
        ids.push(res.json()["id"].as_str().unwrap().to_owned());
    }
    let agent = agent();
    let url_of = |id: &str, rest: &str| format!("{base}/transfers/{id}{rest}");
    let patch = r#"{"amount":15000,"metadata":{"note":"changed"}}"#;
    assert_eq!(
        send(&agent, "PATCH", &url_of(&ids[0], ""), &[], Some(patch)).status,
        200
    );
    assert_eq!(
        send(&agent, "DELETE", &url_of(&ids[1], ""), &[], None).status,
        200
    );
    assert_eq!(
        send(&agent, "POST", &url_of(&ids[2], "/mark_as_sent"), &[], None).status,
        200
    );
    let before = all_transfers(&agent, &base);
    let balance = stored_balance(url);
    assert_eq!(balance, BALANCE - before.iter().map(held).sum::<i64>());
    assert_eq!(balance, BALANCE - 50_000 - 15_000 - 30_000 - 40_000);

    server.kill();
    // A different BALANCE for the restart: an existing database keeps its own.
    let server = ServerProcess::start(url, 7, &log);
    let after = all_transfers(&agent, &server.base);
    assert_eq!(after, before);
    assert_eq!(stored_balance(url), balance);
    // The key is still known: the retry gets the first answer, not a second transfer.
    let retry = create(&server.base, r#"{"amount":50000}"#, Some("restart-key"));
    assert_eq!(
        (retry.status, retry.body.as_str()),
        (200, keyed.body.as_str())
    );
    assert_eq!(retry.header("idempotent-replayed"), Some("true"));
    assert_eq!(all_transfers(&agent, &server.base).len(), 5);
}

#[test]
fn restart_on_sqlite() {
    restart_keeps_everything(&fresh_sqlite_url("restart"));
}

#[test]
fn restart_on_postgres() {
    let Some(cluster) = Cluster::start("restart") else {
        return;
    };
    restart_keeps_everything(&cluster.database("restart"));
}

/// 32 clients, `kill -9` after `run_for`, restart, reconcile; then the clients retry what had
/// no answer, with the same keys, and every create is there exactly once.
fn crash_mid_load(name: &str, url: &str) {
    const START: i64 = 50_000_000;
    const CLIENTS: u64 = 32;
    let log = fresh_dir(name).join("server.log");
    let mut server = ServerProcess::start(url, START, &log);
    let stop = Arc::new(AtomicBool::new(false));
    let bases = vec![server.base.clone()];
    let load = {
        let stop = Arc::clone(&stop);
        std::thread::spawn(move || load::run(&bases, CLIENTS, 100_000, &stop))
    };
    // Kill once enough transfers are stored that the crash lands in the middle of the load.
    let deadline = Instant::now() + Duration::from_secs(60);
    while stored_count(url) < 300 {
        assert!(Instant::now() < deadline, "the load made no progress");
        std::thread::sleep(Duration::from_millis(50));
    }
    server.kill();
    let mut outcome = load.join().expect("load");
    stop.store(true, Ordering::Relaxed);
    let at_kill = format!(
        "{} creates sent, {} acknowledged, {} refused, {} unanswered",
        outcome.sent.len(),
        outcome.acked.len(),
        outcome.refused.len(),
        outcome.unanswered.len(),
    );
    let unanswered = outcome.unanswered.len();
    assert!(
        outcome.acked.len() >= 300,
        "{} acknowledged",
        outcome.acked.len()
    );
    outcome.assert_only_refusals();

    let server = ServerProcess::start(url, START, &log);
    let stored = reconcile(&outcome, &server.base, url, START);
    let stored_tags: std::collections::HashMap<_, _> = stored
        .iter()
        .map(|t| (load::tag(t).unwrap(), t["id"].as_str().unwrap().to_owned()))
        .collect();

    // Retry every unanswered create: one that was committed before the kill is replayed
    // (same transfer), one that was not is made now; none is made twice.
    let mut committed = 0;
    for create in std::mem::take(&mut outcome.unanswered) {
        let res = self::create(&server.base, &create.body, Some(&create.key));
        match (res.status, stored_tags.get(&create.tag)) {
            (200, Some(id)) => {
                committed += 1;
                assert_eq!(res.json()["id"], id.as_str());
                assert_eq!(res.header("idempotent-replayed"), Some("true"));
                outcome.acked.insert(create.tag, id.clone());
            }
            (200, None) => {
                assert_eq!(res.header("idempotent-replayed"), None);
                let id = res.json()["id"].as_str().unwrap().to_owned();
                outcome.acked.insert(create.tag, id);
            }
            (400, None) => {
                assert_eq!(res.json()["code"], "invalid_transfer", "{}", res.body);
                outcome.refused.insert(create.tag);
            }
            (status, _) => panic!("retry of {:?}: {status} {}", create.tag, res.body),
        }
    }
    let all = reconcile(&outcome, &server.base, url, START);
    let answered = outcome.acked.len() + outcome.refused.len();
    assert_eq!(answered, outcome.sent.len(), "a create has no answer");
    eprintln!(
        "crash ({name}): at the kill {at_kill}; {committed} of the {unanswered} unanswered had \
         committed (replayed on retry), the rest were made by the retry; {} transfers, each \
         create once; balance {} = {START} - held, exactly",
        all.len(),
        stored_balance(url),
    );
}

/// How many transfers the database at `url` holds (0 while it is being created).
fn stored_count(url: &str) -> i64 {
    let url = url.to_owned();
    transfers_app::client::block_on(async move {
        use sqlx::Row;
        sqlx::any::install_default_drivers();
        let Ok(pool) = sqlx::AnyPool::connect(&url).await else {
            return 0;
        };
        let count = match sqlx::query("SELECT COUNT(*) AS n FROM transfers")
            .fetch_one(&pool)
            .await
        {
            Ok(row) => row.try_get("n").unwrap_or(0),
            Err(_) => 0,
        };
        pool.close().await;
        count
    })
}

#[test]
fn crash_on_sqlite() {
    crash_mid_load("sqlite", &fresh_sqlite_url("crash"));
}

#[test]
fn crash_on_postgres() {
    let Some(cluster) = Cluster::start("crash") else {
        return;
    };
    crash_mid_load("postgres", &cluster.database("crash"));
}
