//! `Idempotency-Key` on `POST /transfers`, as the IETF draft "The Idempotency-Key HTTP Header
//! Field" specifies: the first answer to a key is stored with the request it answered, in the
//! same transaction as the transfer it created; a retry with the same request gets that answer
//! again, a different request under the same key is refused, and keys expire after a time.
//!
//! Lookups happen after the account lock is taken, so two requests with one key never both
//! create: the second waits for the first to commit and then finds its answer.

use sqlx::Row;

use super::tx::Tx;

/// The most characters a key may have (what payment APIs accept: Stripe's limit).
pub const MAX_KEY_LEN: usize = 255;

/// A request's key and the request it names, in a canonical form (the parameters as JSON
/// with sorted members), so a retry that sends the same parameters matches.
pub struct Keyed {
    pub key: String,
    pub request: String,
}

/// The first answer to a key.
pub enum Stored {
    /// The transfer body sent with 200.
    Response(String),
    /// The `invalid_transfer` reason the create was refused with.
    Refusal(String),
}

/// The answer stored for `key` since `cutoff` (Unix seconds), with the request it answered.
pub async fn find(
    tx: &mut Tx,
    key: &str,
    cutoff: i64,
) -> Result<Option<(String, Stored)>, sqlx::Error> {
    let row = tx.fetch_optional(sqlx::query(
        "SELECT request, response, refusal FROM idempotency_keys WHERE key = $1 AND created > $2",
    )
    .bind(key.to_owned())
    .bind(cutoff))
    .await?;
    let Some(row) = row else {
        return Ok(None);
    };
    let request: String = row.try_get("request")?;
    let response: Option<String> = row.try_get("response")?;
    let refusal: Option<String> = row.try_get("refusal")?;
    let stored = match (response, refusal) {
        (Some(body), _) => Stored::Response(body),
        (None, Some(reason)) => Stored::Refusal(reason),
        (None, None) => {
            return Err(sqlx::Error::Decode(
                format!("idempotency key {key}: no answer stored").into(),
            ))
        }
    };
    Ok(Some((request, stored)))
}

/// Stores the first answer to `keyed` at `now`, first dropping every key older than `cutoff`
/// (an expired row with the same key among them).
pub async fn save(
    tx: &mut Tx,
    keyed: &Keyed,
    answer: &Stored,
    now: i64,
    cutoff: i64,
) -> Result<(), sqlx::Error> {
    tx.execute(sqlx::query("DELETE FROM idempotency_keys WHERE created <= $1").bind(cutoff))
        .await?;
    let (response, refusal) = match answer {
        Stored::Response(body) => (Some(body.clone()), None),
        Stored::Refusal(reason) => (None, Some(reason.clone())),
    };
    tx.execute(
        sqlx::query(
            "INSERT INTO idempotency_keys (key, request, response, refusal, created) \
         VALUES ($1, $2, $3, $4, $5)",
        )
        .bind(keyed.key.clone())
        .bind(keyed.request.clone())
        .bind(response)
        .bind(refusal)
        .bind(now),
    )
    .await?;
    Ok(())
}
