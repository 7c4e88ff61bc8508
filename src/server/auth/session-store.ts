/**
 * Sessions (table user_session): the cookie holds a random id, the table only its SHA-256. A
 * session is valid while it is not revoked, not expired, its user is enabled and it was created
 * after the user's last sign-out-everywhere (password reset, disable).
 */
import type { ClickHouseClient } from '@clickhouse/client';
import { toClickHouseTime } from '../../../ingest/formats/time.ts';
import { isRole, type Principal } from './policy.ts';
import { randomSecret, secretDigest } from './secrets.ts';

/** Creates a session for `username`; returns the id for the cookie (never stored). */
export async function createSession(
  client: ClickHouseClient,
  username: string,
  lifetimeMs: number,
  nowMs = Date.now(),
): Promise<{ id: string; expiresMs: number }> {
  const id = randomSecret();
  const expiresMs = nowMs + lifetimeMs;
  await client.insert({
    table: 'user_session',
    format: 'JSONEachRow',
    values: [
      {
        session_hash: secretDigest(id),
        username,
        created_at: toClickHouseTime(nowMs),
        expires_at: toClickHouseTime(expiresMs),
        revoked: 0,
        updated_at: toClickHouseTime(nowMs),
      },
    ],
  });
  return { id, expiresMs };
}

const VALID_SESSION = `
SELECT u.username AS username, u.role AS role, u.sites AS sites
FROM user_session AS s FINAL
INNER JOIN (SELECT * FROM app_user FINAL) AS u ON u.username = s.username
WHERE s.session_hash = {hash:String}
  AND s.revoked = 0
  AND s.expires_at > {now:DateTime64(3, 'UTC')}
  AND u.disabled = 0
  AND s.created_at >= u.sessions_valid_after
LIMIT 1`;

/** The signed-in user of a session id, or null when the session is unknown, expired or revoked. */
export async function sessionPrincipal(
  client: ClickHouseClient,
  id: string,
  nowMs = Date.now(),
): Promise<Principal | null> {
  if (!/^[A-Za-z0-9_-]{43}$/.test(id)) return null;
  const rs = await client.query({
    query: VALID_SESSION,
    format: 'JSONEachRow',
    query_params: { hash: secretDigest(id), now: toClickHouseTime(nowMs) },
  });
  const [row] = await rs.json<{ username: string; role: string; sites: string[] }>();
  if (!row || !isRole(row.role)) return null;
  return { username: row.username, role: row.role, sites: row.sites };
}

/** Ends a session (logout): it is written again as revoked. */
export async function revokeSession(client: ClickHouseClient, id: string, nowMs = Date.now()): Promise<void> {
  if (!/^[A-Za-z0-9_-]{43}$/.test(id)) return;
  const hash = secretDigest(id);
  const rs = await client.query({
    query: `SELECT username, toUnixTimestamp64Milli(created_at) AS created_ms, toUnixTimestamp64Milli(expires_at) AS expires_ms,
                   toUnixTimestamp64Milli(updated_at) AS updated_ms
            FROM user_session FINAL WHERE session_hash = {hash:String}`,
    format: 'JSONEachRow',
    query_params: { hash },
  });
  const [row] = await rs.json<{
    username: string;
    created_ms: number | string;
    expires_ms: number | string;
    updated_ms: number | string;
  }>();
  if (!row) return;
  await client.insert({
    table: 'user_session',
    format: 'JSONEachRow',
    values: [
      {
        session_hash: hash,
        username: row.username,
        created_at: toClickHouseTime(Number(row.created_ms)),
        expires_at: toClickHouseTime(Number(row.expires_ms)),
        revoked: 1,
        updated_at: toClickHouseTime(Math.max(nowMs, Number(row.updated_ms) + 1)),
      },
    ],
  });
}
