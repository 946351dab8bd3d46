-- The Transfers example's schema. Portable SQL: the same file runs on SQLite and PostgreSQL
-- (BIGINT and TEXT only; flags are 0/1 integers so both drivers decode them the same way).

-- The one account: its transferable balance, the sequence that numbers and orders its
-- transfers, and its active recipient. Every write locks this row first, which is what
-- serializes balance moves across connections and processes.
CREATE TABLE account (
    id BIGINT PRIMARY KEY,
    balance BIGINT NOT NULL CHECK (balance >= 0),
    next_seq BIGINT NOT NULL,
    recipient TEXT NOT NULL
);

CREATE TABLE transfers (
    seq BIGINT PRIMARY KEY,
    id TEXT NOT NULL UNIQUE,
    amount BIGINT NOT NULL,
    recipient TEXT NOT NULL,
    created BIGINT NOT NULL,
    fail_fast BIGINT NOT NULL,
    failure_code TEXT,
    metadata TEXT NOT NULL,
    deleted BIGINT NOT NULL,
    sendable BIGINT NOT NULL,
    sent_at BIGINT,
    paid_at BIGINT
);

CREATE INDEX transfers_created ON transfers (created, seq);

-- Idempotency-Key of POST /transfers: the request it came with and the first answer, either
-- the transfer body sent with 200 or the invalid_transfer reason it was refused with.
CREATE TABLE idempotency_keys (
    key TEXT PRIMARY KEY,
    request TEXT NOT NULL,
    response TEXT,
    refusal TEXT,
    created BIGINT NOT NULL
);

CREATE INDEX idempotency_keys_created ON idempotency_keys (created);
