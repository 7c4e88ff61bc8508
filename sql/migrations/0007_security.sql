-- Users, sessions, ingest tokens, sign-in attempts and the audit log (DESIGN §10, issue 8).
-- Mutable rows (a user, a session, a token) are ReplacingMergeTree keyed by their id with
-- `updated_at` as the version: a change inserts the whole row again, reads use FINAL.

-- One person who signs in. password_hash is an argon2id PHC string. A session created before
-- sessions_valid_after is void (a password reset or a disable signs the user out everywhere).
CREATE TABLE IF NOT EXISTS app_user
(
    username              String,
    role                  LowCardinality(String),       -- admin | supervisor | planner | hr
    sites                 Array(String),                -- empty = every site (supervisors only)
    password_hash         String,
    disabled              UInt8,
    created_at            DateTime64(3, 'UTC'),
    updated_at            DateTime64(3, 'UTC'),
    sessions_valid_after  DateTime64(3, 'UTC')
)
ENGINE = ReplacingMergeTree(updated_at)
ORDER BY username;

-- One sign-in. Only the SHA-256 of the session id (hex) is stored; the id lives in the cookie.
CREATE TABLE IF NOT EXISTS user_session
(
    session_hash  String,
    username      String,
    created_at    DateTime64(3, 'UTC'),
    expires_at    DateTime64(3, 'UTC'),
    revoked       UInt8,
    updated_at    DateTime64(3, 'UTC')
)
ENGINE = ReplacingMergeTree(updated_at)
ORDER BY session_hash
TTL toDateTime(expires_at) + INTERVAL 30 DAY;

-- One bearer token for POST /api/ingest/*, scoped to event kinds. Only its SHA-256 is stored.
CREATE TABLE IF NOT EXISTS ingest_token
(
    token_id    String,
    name        String,
    token_hash  String,
    kinds       Array(String),
    created_at  DateTime64(3, 'UTC'),
    created_by  String,
    revoked     UInt8,
    updated_at  DateTime64(3, 'UTC')
)
ENGINE = ReplacingMergeTree(updated_at)
ORDER BY token_id;

-- One sign-in attempt, for the rate limit (failures per account and per address).
CREATE TABLE IF NOT EXISTS login_attempt
(
    at        DateTime64(3, 'UTC'),
    username  String,
    address   String,
    ok        UInt8
)
ENGINE = MergeTree
ORDER BY at
TTL toDateTime(at) + INTERVAL 30 DAY;

-- One audited action: sign-ins, exports, month closings, user and token changes.
CREATE TABLE IF NOT EXISTS audit_event
(
    at       DateTime64(3, 'UTC'),
    actor    String,                    -- a username, or cli
    action   LowCardinality(String),    -- e.g. login, login_failed, export, user_add
    target   String,
    detail   String,
    address  String
)
ENGINE = MergeTree
ORDER BY at;
