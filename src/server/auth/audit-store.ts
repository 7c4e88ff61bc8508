/**
 * The audit log (table audit_event) and sign-in attempts (table login_attempt). Audit details
 * never hold secrets or callers' numbers: callers name what they record.
 */
import type { ClickHouseClient } from '@clickhouse/client';
import { toClickHouseTime } from '../../../ingest/formats/time.ts';

export const AUDIT_ACTIONS = [
  'login',
  'login_failed',
  'login_locked',
  'logout',
  'export',
  'payroll_close',
  'pay_rules',
  'user_add',
  'user_role',
  'user_sites',
  'user_password',
  'user_disable',
  'user_enable',
  'token_create',
  'token_revoke',
  'first_admin',
] as const;
export type AuditAction = (typeof AUDIT_ACTIONS)[number];

export interface AuditEvent {
  at_ms: number;
  actor: string;
  action: AuditAction;
  target: string;
  detail: string;
  address: string;
}

export async function recordAudit(
  client: ClickHouseClient,
  e: Omit<AuditEvent, 'at_ms' | 'address'> & { at_ms?: number; address?: string },
): Promise<void> {
  await client.insert({
    table: 'audit_event',
    format: 'JSONEachRow',
    values: [
      {
        at: toClickHouseTime(e.at_ms ?? Date.now()),
        actor: e.actor.slice(0, 200),
        action: e.action,
        target: e.target.slice(0, 500),
        detail: e.detail.slice(0, 2000),
        address: (e.address ?? '').slice(0, 100),
      },
    ],
  });
}

/** The newest audit events first; `action` filters. */
export async function fetchAudit(
  client: ClickHouseClient,
  options: { limit: number; offset?: number; action?: AuditAction | null },
): Promise<AuditEvent[]> {
  const rs = await client.query({
    query: `SELECT toUnixTimestamp64Milli(at) AS at_ms, actor, action, target, detail, address FROM audit_event
            WHERE {action:String} = '' OR action = {action:String}
            ORDER BY at DESC LIMIT {limit:UInt32} OFFSET {offset:UInt32}`,
    format: 'JSONEachRow',
    query_params: { action: options.action ?? '', limit: options.limit, offset: options.offset ?? 0 },
  });
  return (await rs.json<AuditEvent & { at_ms: number | string }>()).map((r) => ({ ...r, at_ms: Number(r.at_ms) }));
}

export async function recordLoginAttempt(
  client: ClickHouseClient,
  a: { username: string; address: string; ok: boolean },
  nowMs = Date.now(),
): Promise<void> {
  await client.insert({
    table: 'login_attempt',
    format: 'JSONEachRow',
    values: [
      {
        at: toClickHouseTime(nowMs),
        username: a.username.slice(0, 100),
        address: a.address.slice(0, 100),
        ok: a.ok ? 1 : 0,
      },
    ],
  });
}

/**
 * Failed sign-ins within the window, for the account and for the address. An account's failures
 * before its last successful sign-in do not count against it.
 */
export async function recentFailures(
  client: ClickHouseClient,
  a: { username: string; address: string },
  windowMs: number,
  nowMs = Date.now(),
): Promise<{ account: number; address: number }> {
  const rs = await client.query({
    query: `
      WITH (SELECT max(at) FROM login_attempt WHERE username = {username:String} AND ok = 1 AND at >= {since:DateTime64(3, 'UTC')}) AS last_ok
      SELECT countIf(username = {username:String} AND (isNull(last_ok) OR at > last_ok)) AS account,
             countIf(address = {address:String}) AS address
      FROM login_attempt
      WHERE ok = 0 AND at >= {since:DateTime64(3, 'UTC')}`,
    format: 'JSONEachRow',
    query_params: { username: a.username, address: a.address, since: toClickHouseTime(nowMs - windowMs) },
  });
  const [row] = await rs.json<{ account: number | string; address: number | string }>();
  return { account: Number(row?.account ?? 0), address: Number(row?.address ?? 0) };
}
