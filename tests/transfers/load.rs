//! Load test of `examples/transfers_server`: 32 concurrent clients make 10,000 requests on
//! loopback (creates, updates, deletes, mark_as_sent, mark_as_paid, retrieves, lists); then
//! no transfer may be lost or duplicated, the balance may never have gone below zero, and
//! every answer must have been a transfer, a list or a catalog error.
//! `cargo test --all-features --test transfers load:: -- --nocapture` prints the figures.

use std::collections::{BTreeMap, HashSet};
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

use serde_json::Value;

use crate::support::http_client;
use crate::support::transfers_app::{self, start_app};

const CLIENTS: usize = 32;
const REQUESTS: usize = 10_000;
/// Smallest amount above the fee (3,000 + 210 VAT satang).
const MIN_AMOUNT: i64 = 3_211;

/// Starts a fresh app with `balance` on two worker threads; returns its base URL.
fn start(balance: i64) -> String {
    format!("http://{}", start_app(balance, 2))
}

fn agent() -> ureq::Agent {
    http_client::agent(Duration::from_secs(10))
}

/// What an answer was.
#[derive(Debug)]
enum Kind {
    Transfer(Value),
    List(Value),
    Error(String),
}

/// Sends a request; panics on a transport failure or a body that is not a transfer, a list
/// or an Omise catalog error matching its status.
fn send(agent: &ureq::Agent, method: &str, url: &str, json: Option<&str>) -> (u16, Kind) {
    let res = transfers_app::client::send(agent, method, url, &[], json);
    let (status, text) = (res.status, res.body);
    let value: Value =
        serde_json::from_str(&text).unwrap_or_else(|_| panic!("{method} {url}: not JSON: {text}"));
    let kind = match value["object"].as_str() {
        Some("transfer") if status == 200 => {
            assert!(
                value["id"].is_string() && value["amount"].as_i64() > Some(0),
                "{text}"
            );
            Kind::Transfer(value)
        }
        Some("list") if status == 200 => {
            assert!(
                value["data"].is_array() && value["total"].is_u64(),
                "{text}"
            );
            Kind::List(value)
        }
        Some("error") if status >= 400 => {
            let object = value.as_object().expect("object");
            let mut keys: Vec<&str> = object.keys().map(String::as_str).collect();
            keys.sort_unstable();
            assert_eq!(keys, ["code", "location", "message", "object"], "{text}");
            Kind::Error(value["code"].as_str().expect("code").to_owned())
        }
        _ => panic!("{method} {url}: {status} {text}"),
    };
    (status, kind)
}

/// A small deterministic generator (xorshift), one per client.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        self.0
    }

    fn below(&mut self, n: u64) -> u64 {
        self.next() % n
    }
}

/// Figures gathered by the clients.
#[derive(Default)]
struct Tally {
    requests: usize,
    by_operation: BTreeMap<&'static str, usize>,
    transfers: usize,
    lists: usize,
    errors: BTreeMap<String, usize>,
    created: Vec<String>,
}

/// Every transfer of the account, by paging through the list.
fn all_transfers(agent: &ureq::Agent, base: &str) -> Vec<Value> {
    let mut all = Vec::new();
    loop {
        let url = format!("{base}/transfers?limit=100&offset={}", all.len());
        let (_, kind) = send(agent, "GET", &url, None);
        let Kind::List(list) = kind else {
            panic!("not a list: {kind:?}")
        };
        let data = list["data"].as_array().expect("data").clone();
        if data.is_empty() {
            assert_eq!(list["total"].as_u64(), Some(all.len() as u64));
            return all;
        }
        all.extend(data);
    }
}

/// The amount a transfer holds from the balance: its amount unless deleted or failed.
fn held(transfer: &Value) -> i64 {
    let holds =
        !transfer["deleted"].as_bool().expect("deleted") && transfer["failure_code"].is_null();
    if holds {
        transfer["amount"].as_i64().expect("amount")
    } else {
        0
    }
}

#[test]
fn ten_thousand_concurrent_requests() {
    const BALANCE: i64 = 20_000_000;
    let base = start(BALANCE);
    let deadline = Instant::now() + Duration::from_secs(60);
    let started = Instant::now();
    // Ids shared by all clients, so they act on each other's transfers.
    let pool: Arc<Mutex<Vec<String>>> = Arc::default();
    let tally: Arc<Mutex<Tally>> = Arc::default();
    let clients: Vec<_> = (0..CLIENTS)
        .map(|client| {
            let (base, pool, tally) = (base.clone(), pool.clone(), tally.clone());
            std::thread::spawn(move || {
                let agent = agent();
                let mut rng = Rng(0x9E37_79B9_7F4A_7C15 ^ ((client as u64 + 1) * 0x1234_5679));
                let mut mine = Tally::default();
                let share = REQUESTS / CLIENTS + usize::from(client < REQUESTS % CLIENTS);
                for _ in 0..share {
                    assert!(Instant::now() < deadline, "deadline passed");
                    let pick = {
                        let pool = pool.lock().unwrap();
                        (!pool.is_empty())
                            .then(|| pool[rng.below(pool.len() as u64) as usize].clone())
                    };
                    let roll = rng.below(100);
                    // A valid amount (3,211 to 43,210 satang) or, one time in ten, more than the balance.
                    let amount = if rng.below(10) == 0 {
                        BALANCE + 1
                    } else {
                        MIN_AMOUNT + rng.below(40_000) as i64
                    };
                    let (operation, method, url, body) = match (roll, pick) {
                        (0..=29, _) | (_, None) => (
                            "create",
                            "POST",
                            format!("{base}/transfers"),
                            Some(format!(
                                r#"{{"amount":{amount},"metadata":{{"client":{client}}}}}"#
                            )),
                        ),
                        (30..=49, Some(id)) => {
                            ("retrieve", "GET", format!("{base}/transfers/{id}"), None)
                        }
                        (50..=61, Some(id)) => (
                            "update",
                            "PATCH",
                            format!("{base}/transfers/{id}"),
                            Some(format!(r#"{{"amount":{amount}}}"#)),
                        ),
                        (62..=71, Some(id)) => {
                            ("delete", "DELETE", format!("{base}/transfers/{id}"), None)
                        }
                        (72..=81, Some(id)) => (
                            "mark_as_sent",
                            "POST",
                            format!("{base}/transfers/{id}/mark_as_sent"),
                            None,
                        ),
                        (82..=89, Some(id)) => (
                            "mark_as_paid",
                            "POST",
                            format!("{base}/transfers/{id}/mark_as_paid"),
                            None,
                        ),
                        (_, Some(_)) => {
                            let offset = rng.below(200);
                            (
                                "list",
                                "GET",
                                format!("{base}/transfers?limit=20&offset={offset}"),
                                None,
                            )
                        }
                    };
                    let (_, kind) = send(&agent, method, &url, body.as_deref());
                    mine.requests += 1;
                    *mine.by_operation.entry(operation).or_default() += 1;
                    match kind {
                        Kind::Transfer(transfer) => {
                            mine.transfers += 1;
                            if operation == "create" {
                                let id = transfer["id"].as_str().expect("id").to_owned();
                                pool.lock().unwrap().push(id.clone());
                                mine.created.push(id);
                            }
                        }
                        Kind::List(_) => mine.lists += 1,
                        Kind::Error(code) => *mine.errors.entry(code).or_default() += 1,
                    }
                }
                let mut tally = tally.lock().unwrap();
                tally.requests += mine.requests;
                tally.transfers += mine.transfers;
                tally.lists += mine.lists;
                for (op, n) in mine.by_operation {
                    *tally.by_operation.entry(op).or_default() += n;
                }
                for (code, n) in mine.errors {
                    *tally.errors.entry(code).or_default() += n;
                }
                tally.created.extend(mine.created);
            })
        })
        .collect();
    for client in clients {
        client.join().expect("client");
    }
    let elapsed = started.elapsed();
    let tally = Arc::try_unwrap(tally).ok().unwrap().into_inner().unwrap();
    eprintln!(
        "load: {} requests by {CLIENTS} clients in {:.2?} ({:.0} req/s)",
        tally.requests,
        elapsed,
        tally.requests as f64 / elapsed.as_secs_f64()
    );
    eprintln!("load: operations {:?}", tally.by_operation);
    eprintln!(
        "load: answers: {} transfers, {} lists, errors by code {:?}",
        tally.transfers, tally.lists, tally.errors
    );
    assert_eq!(tally.requests, REQUESTS);
    assert_eq!(
        tally.transfers + tally.lists + tally.errors.values().sum::<usize>(),
        REQUESTS
    );
    // The only refusals a well-formed request on an existing transfer may get.
    let unexpected: Vec<_> = tally
        .errors
        .keys()
        .filter(|code| *code != "invalid_transfer")
        .collect();
    assert!(
        unexpected.is_empty(),
        "unexpected errors: {:?}",
        tally.errors
    );
    assert!(
        tally.errors.get("invalid_transfer") > Some(&0),
        "no overspend was refused"
    );

    // No transfer lost or duplicated.
    let agent = agent();
    let unique: HashSet<&String> = tally.created.iter().collect();
    assert_eq!(unique.len(), tally.created.len(), "duplicate ids");
    let all = all_transfers(&agent, &base);
    assert_eq!(
        all.len(),
        tally.created.len(),
        "list total != transfers created"
    );
    let listed: HashSet<&str> = all.iter().map(|t| t["id"].as_str().expect("id")).collect();
    assert_eq!(listed.len(), all.len(), "an id listed twice");
    for id in &tally.created {
        assert!(listed.contains(id.as_str()), "{id} missing from the list");
        let (status, kind) = send(&agent, "GET", &format!("{base}/transfers/{id}"), None);
        assert!(
            matches!(&kind, Kind::Transfer(t) if t["id"] == **id),
            "{id}: {status} {kind:?}"
        );
    }

    // The balance never went negative: what the transfers hold fits in the start balance,
    // and the server agrees to the satang on what is left.
    let holding: i64 = all.iter().map(held).sum();
    let left = BALANCE - holding;
    eprintln!(
        "load: {} transfers created, {} holding {holding} satang, {left} left",
        all.len(),
        all.iter().filter(|t| held(t) > 0).count()
    );
    assert!(left >= 0, "balance went negative: {left}");
    let create = |amount: i64| {
        send(
            &agent,
            "POST",
            &format!("{base}/transfers"),
            Some(&format!(r#"{{"amount":{amount}}}"#)),
        )
        .1
    };
    if left >= MIN_AMOUNT {
        assert!(matches!(create(left + 1), Kind::Error(c) if c == "invalid_transfer"));
        assert!(matches!(create(left), Kind::Transfer(_)));
    }
    assert!(matches!(create(MIN_AMOUNT), Kind::Error(c) if c == "invalid_transfer"));
    assert!(elapsed < Duration::from_secs(60));
}

/// 32 clients race to overspend: with room for exactly 10 transfers, exactly 10 of 320
/// creates succeed and the rest are refused with `invalid_transfer`.
#[test]
fn concurrent_overspend_is_refused() {
    const AMOUNT: i64 = 100_000;
    let base = start(10 * AMOUNT);
    let clients: Vec<_> = (0..CLIENTS)
        .map(|_| {
            let base = base.clone();
            std::thread::spawn(move || {
                let agent = agent();
                let body = format!(r#"{{"amount":{AMOUNT}}}"#);
                let mut created = Vec::new();
                let mut refused = 0;
                for _ in 0..10 {
                    match send(&agent, "POST", &format!("{base}/transfers"), Some(&body)).1 {
                        Kind::Transfer(t) => created.push(t["id"].as_str().unwrap().to_owned()),
                        Kind::Error(code) if code == "invalid_transfer" => refused += 1,
                        other => panic!("{other:?}"),
                    }
                }
                (created, refused)
            })
        })
        .collect();
    let (mut created, mut refused) = (Vec::new(), 0);
    for client in clients {
        let (ids, n) = client.join().expect("client");
        created.extend(ids);
        refused += n;
    }
    eprintln!("overspend: {} created, {refused} refused", created.len());
    assert_eq!((created.len(), refused), (10, CLIENTS * 10 - 10));
    let all = all_transfers(&agent(), &base);
    assert_eq!(all.iter().map(held).sum::<i64>(), 10 * AMOUNT);
}
