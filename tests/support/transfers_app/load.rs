//! A load of concurrent clients on one or more server processes, recording every create it
//! sent (each with its own `Idempotency-Key` and a `metadata` tag naming it), and the
//! reconciliation of that record with what the database holds afterwards.

use std::collections::{BTreeMap, HashMap, HashSet};
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

use serde_json::Value;

use super::client::{agent, all_transfers, held, send, stored_balance, try_send};

/// Smallest amount above the fee (3,000 + 210 VAT satang).
pub const MIN_AMOUNT: i64 = 3_211;

/// A create as sent: its tag `(client, n)`, key and body.
#[derive(Debug, Clone)]
pub struct Create {
    pub tag: (u64, u64),
    pub key: String,
    pub body: String,
}

/// What the clients saw.
#[derive(Default, Debug)]
pub struct Outcome {
    /// Every create sent.
    pub sent: Vec<Create>,
    /// Creates answered 200, by tag: the transfer's id.
    pub acked: HashMap<(u64, u64), String>,
    /// Creates refused (400 invalid_transfer).
    pub refused: HashSet<(u64, u64)>,
    /// Creates sent without an answer (the server died).
    pub unanswered: Vec<Create>,
    /// Requests answered, and error answers by status and code.
    pub answered: usize,
    pub errors: BTreeMap<String, usize>,
    pub elapsed: Duration,
}

impl Outcome {
    /// The only error answers a well-formed load may get are refusals to overspend.
    pub fn assert_only_refusals(&self) {
        let unexpected = self
            .errors
            .keys()
            .filter(|k| k.as_str() != "400 invalid_transfer");
        assert_eq!(unexpected.count(), 0, "{:?}", self.errors);
    }

    pub fn per_second(&self) -> f64 {
        self.answered as f64 / self.elapsed.as_secs_f64()
    }
}

/// A small deterministic generator (xorshift), one per client.
struct Rng(u64);

impl Rng {
    fn below(&mut self, n: u64) -> u64 {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        self.0 % n
    }
}

/// Runs `clients` clients, client `c` on `bases[c % bases.len()]`, each making up to
/// `per_client` requests (creates 60%, updates and deletes of its own transfers 15% and 10%,
/// retrieves 15%) until `stop` is set or its server stops answering.
pub fn run(bases: &[String], clients: u64, per_client: usize, stop: &Arc<AtomicBool>) -> Outcome {
    let total = Arc::new(Mutex::new(Outcome::default()));
    let started = Instant::now();
    let threads: Vec<_> = (0..clients)
        .map(|client| {
            let base = bases[client as usize % bases.len()].clone();
            let (stop, total) = (Arc::clone(stop), Arc::clone(&total));
            std::thread::spawn(move || {
                let mine = client_loop(&base, client, per_client, &stop);
                let mut total = total.lock().unwrap();
                total.sent.extend(mine.sent);
                total.acked.extend(mine.acked);
                total.refused.extend(mine.refused);
                total.unanswered.extend(mine.unanswered);
                total.answered += mine.answered;
                for (code, n) in mine.errors {
                    *total.errors.entry(code).or_default() += n;
                }
            })
        })
        .collect();
    for thread in threads {
        thread.join().expect("client");
    }
    let mut outcome = Arc::try_unwrap(total).ok().unwrap().into_inner().unwrap();
    outcome.elapsed = started.elapsed();
    outcome
}

fn client_loop(base: &str, client: u64, per_client: usize, stop: &AtomicBool) -> Outcome {
    let agent = agent();
    let mut rng = Rng(0x9E37_79B9_7F4A_7C15 ^ ((client + 1) * 0x1234_5679));
    let mut mine = Outcome::default();
    let mut own: Vec<String> = Vec::new();
    for n in 0..per_client as u64 {
        if stop.load(Ordering::Relaxed) {
            break;
        }
        let roll = rng.below(100);
        let amount = MIN_AMOUNT + rng.below(40_000) as i64;
        let pick = (!own.is_empty()).then(|| own[rng.below(own.len() as u64) as usize].clone());
        let (method, url, body, create) = match (roll, pick) {
            (0..=59, _) | (_, None) => {
                let create = Create {
                    tag: (client, n),
                    key: format!("load-{client}-{n}"),
                    body: format!(
                        r#"{{"amount":{amount},"metadata":{{"client":{client},"n":{n}}}}}"#
                    ),
                };
                mine.sent.push(create.clone());
                let body = Some(create.body.clone());
                ("POST", format!("{base}/transfers"), body, Some(create))
            }
            (60..=74, Some(id)) => (
                "PATCH",
                format!("{base}/transfers/{id}"),
                Some(format!(r#"{{"amount":{amount}}}"#)),
                None,
            ),
            (75..=84, Some(id)) => ("DELETE", format!("{base}/transfers/{id}"), None, None),
            (_, Some(id)) => ("GET", format!("{base}/transfers/{id}"), None, None),
        };
        let key = create.as_ref().map(|c| c.key.clone()).unwrap_or_default();
        let headers: &[(&str, &str)] = if key.is_empty() {
            &[]
        } else {
            &[("Idempotency-Key", key.as_str())]
        };
        let res = match try_send(&agent, method, &url, headers, body.as_deref()) {
            Ok(res) => res,
            Err(_) => {
                // The server is gone: what this client sent last has no answer.
                mine.unanswered.extend(create);
                break;
            }
        };
        mine.answered += 1;
        match (res.status, create) {
            (200, Some(create)) => {
                let id = res.json()["id"].as_str().expect("id").to_owned();
                own.push(id.clone());
                mine.acked.insert(create.tag, id);
            }
            (200, None) => {}
            (status, create) => {
                let code = res.json()["code"].as_str().unwrap_or("?").to_owned();
                *mine.errors.entry(format!("{status} {code}")).or_default() += 1;
                if let (Some(create), "invalid_transfer") = (create, code.as_str()) {
                    mine.refused.insert(create.tag);
                }
            }
        }
    }
    mine
}

/// The `(client, n)` tag of a transfer the load created.
pub fn tag(transfer: &Value) -> Option<(u64, u64)> {
    let metadata = &transfer["metadata"];
    Some((metadata["client"].as_u64()?, metadata["n"].as_u64()?))
}

/// Checks what the database holds (read through `base` and, for the balance, directly at
/// `database_url`) against `outcome`: every acknowledged create exists exactly once with its
/// id, no transfer exists that no client sent, no refused create exists, and the balance is
/// the start balance less what the live transfers hold (their amounts, fees included), to the
/// satang. Returns the transfers.
pub fn reconcile(outcome: &Outcome, base: &str, database_url: &str, start: i64) -> Vec<Value> {
    let all = all_transfers(&agent(), base);
    let sent: HashSet<(u64, u64)> = outcome.sent.iter().map(|c| c.tag).collect();
    let mut by_tag: HashMap<(u64, u64), Vec<&str>> = HashMap::new();
    for transfer in &all {
        let tag = tag(transfer).unwrap_or_else(|| panic!("a transfer nobody created: {transfer}"));
        assert!(sent.contains(&tag), "a transfer nobody sent: {transfer}");
        by_tag
            .entry(tag)
            .or_default()
            .push(transfer["id"].as_str().expect("id"));
    }
    for (tag, ids) in &by_tag {
        assert_eq!(ids.len(), 1, "{tag:?} created {} times: {ids:?}", ids.len());
    }
    for (tag, id) in &outcome.acked {
        assert_eq!(
            by_tag.get(tag).map(|ids| ids[0]),
            Some(id.as_str()),
            "acknowledged create {tag:?} is missing"
        );
    }
    for tag in &outcome.refused {
        assert!(!by_tag.contains_key(tag), "refused create {tag:?} exists");
    }
    let holding: i64 = all.iter().map(held).sum();
    let balance = stored_balance(database_url);
    assert!(balance >= 0, "overspent: balance {balance}");
    assert_eq!(balance, start - holding, "balance != start - held amounts");
    // The server agrees: one satang more than the balance is refused.
    let over = send(
        &agent(),
        "POST",
        &format!("{base}/transfers"),
        &[],
        Some(&format!(r#"{{"amount":{}}}"#, balance + 1)),
    );
    assert_eq!(over.status, 400, "{}", over.body);
    all
}
