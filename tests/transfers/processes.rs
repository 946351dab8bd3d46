//! Several server processes on one database: 32 clients spread over two processes on one
//! PostgreSQL database lose no transfer, duplicate none and never overspend; and the load
//! figures (requests per second) of one and two processes on SQLite and on PostgreSQL.
//! `cargo test --all-features --test transfers processes:: -- --nocapture` prints them.

use std::sync::atomic::AtomicBool;
use std::sync::Arc;

use crate::support::transfers_app::client::{
    agent, all_transfers, held, post_transfer, stored_balance,
};
use crate::support::transfers_app::load::{self, reconcile};
use crate::support::transfers_app::pg::Cluster;
use crate::support::transfers_app::process::ServerProcess;
use crate::support::transfers_app::{fresh_dir, fresh_sqlite_url};

const CLIENTS: u64 = 32;

/// `n` server processes on `url`, each new account starting with `balance`.
fn servers(name: &str, url: &str, n: usize, balance: i64) -> Vec<ServerProcess> {
    let dir = fresh_dir(name);
    (0..n)
        .map(|i| ServerProcess::start(url, balance, &dir.join(format!("server-{i}.log"))))
        .collect()
}

/// With room for exactly 10 transfers, 32 clients on two processes send 320 creates: exactly
/// 10 succeed, both processes list the same 10, and the balance is 0.
#[test]
fn two_processes_on_postgres_never_overspend() {
    const AMOUNT: i64 = 100_000;
    let Some(cluster) = Cluster::start("overspend") else {
        return;
    };
    let url = cluster.database("overspend");
    let servers = servers("overspend", &url, 2, 10 * AMOUNT);
    let clients: Vec<_> = (0..CLIENTS as usize)
        .map(|client| {
            let base = servers[client % 2].base.clone();
            std::thread::spawn(move || {
                let body = format!(r#"{{"amount":{AMOUNT}}}"#);
                let mut created = Vec::new();
                for _ in 0..10 {
                    let res = post_transfer(&base, None, &body);
                    match (res.status, res.json()["code"].as_str()) {
                        (200, _) => created.push(res.json()["id"].as_str().unwrap().to_owned()),
                        (400, Some("invalid_transfer")) => {}
                        _ => panic!("{} {}", res.status, res.body),
                    }
                }
                created
            })
        })
        .collect();
    let mut created: Vec<String> = clients
        .into_iter()
        .flat_map(|c| c.join().expect("client"))
        .collect();
    created.sort();
    assert_eq!(created.len(), 10, "{created:?}");
    for server in &servers {
        let mut listed: Vec<String> = all_transfers(&agent(), &server.base)
            .iter()
            .map(|t| t["id"].as_str().unwrap().to_owned())
            .collect();
        listed.sort();
        assert_eq!(listed, created);
    }
    assert_eq!(stored_balance(&url), 0);
}

/// 32 clients, 100 requests each, on `n` processes on `url`; reconciled; prints the rate.
fn measured_load(label: &str, url: &str, n: usize) {
    const START: i64 = 20_000_000;
    let servers = servers(label, url, n, START);
    let bases: Vec<String> = servers.iter().map(|s| s.base.clone()).collect();
    let outcome = load::run(&bases, CLIENTS, 100, &Arc::new(AtomicBool::new(false)));
    assert!(outcome.unanswered.is_empty(), "a request had no answer");
    assert_eq!(outcome.answered, CLIENTS as usize * 100);
    outcome.assert_only_refusals();
    let all = reconcile(&outcome, &bases[0], url, START);
    eprintln!(
        "load {label}, {n} process(es): {} requests by {CLIENTS} clients in {:.2?}: {:.0} req/s; \
         {} transfers, {} holding {} satang",
        outcome.answered,
        outcome.elapsed,
        outcome.per_second(),
        all.len(),
        all.iter().filter(|t| held(t) > 0).count(),
        all.iter().map(held).sum::<i64>(),
    );
}

#[test]
fn load_on_sqlite_one_and_two_processes() {
    measured_load("sqlite", &fresh_sqlite_url("load1"), 1);
    measured_load("sqlite", &fresh_sqlite_url("load2"), 2);
}

#[test]
fn load_on_postgres_one_and_two_processes() {
    let Some(cluster) = Cluster::start("load") else {
        return;
    };
    measured_load("postgres", &cluster.database("load1"), 1);
    measured_load("postgres", &cluster.database("load2"), 2);
}
