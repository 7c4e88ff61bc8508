/**
 * Users in ClickHouse (table app_user, migration 0007). A change writes the whole row again with
 * a newer `updated_at`; reads use FINAL. Every value is a bound parameter.
 */
import type { ClickHouseClient } from '@clickhouse/client';
import { toClickHouseTime } from '../../../ingest/formats/time.ts';
import { InputError } from '../input-error.ts';
import { isRole, ROLES, type Role } from './policy.ts';

export interface UserRecord {
  username: string;
  role: Role;
  sites: string[];
  password_hash: string;
  disabled: boolean;
  created_ms: number;
  updated_ms: number;
  /** Sessions created before this instant are void. */
  sessions_valid_after_ms: number;
}

/** What `users list` and the admin page show (never the hash). */
export type UserSummary = Omit<UserRecord, 'password_hash' | 'sessions_valid_after_ms'>;

/** A user name: lower case, 1–64 of a-z 0-9 . _ @ -, starting with a letter or digit. */
export function parseUsername(raw: unknown): string {
  const name = typeof raw === 'string' ? raw.trim().toLowerCase() : '';
  if (!/^[a-z0-9][a-z0-9._@-]{0,63}$/.test(name)) {
    throw new InputError('a user name has 1–64 characters: letters, digits, . _ @ - (starting with a letter or digit)');
  }
  return name;
}

export function parseRole(raw: unknown): Role {
  if (!isRole(raw)) throw new InputError(`role: expected one of ${ROLES.join(', ')}`);
  return raw;
}

/** A comma-separated site list ("" = every site). */
export function parseSites(raw: unknown): string[] {
  if (raw === undefined || raw === null) return [];
  if (typeof raw !== 'string') throw new InputError('sites: expected a comma-separated list');
  const sites = [
    ...new Set(
      raw
        .split(',')
        .map((s) => s.trim())
        .filter(Boolean),
    ),
  ];
  for (const s of sites) {
    if (s.length > 100 || /[\p{Cc}]/u.test(s))
      throw new InputError('sites: a site name has at most 100 printable characters');
  }
  if (sites.length > 100) throw new InputError('sites: at most 100 sites');
  return sites;
}

const SELECT_USER = `
SELECT username, role, sites, password_hash, disabled,
       toUnixTimestamp64Milli(created_at) AS created_ms,
       toUnixTimestamp64Milli(updated_at) AS updated_ms,
       toUnixTimestamp64Milli(sessions_valid_after) AS sessions_valid_after_ms
FROM app_user FINAL`;

interface UserRow {
  username: string;
  role: string;
  sites: string[];
  password_hash: string;
  disabled: number;
  created_ms: number | string;
  updated_ms: number | string;
  sessions_valid_after_ms: number | string;
}

function toRecord(r: UserRow): UserRecord {
  return {
    username: r.username,
    role: isRole(r.role) ? r.role : 'supervisor',
    sites: r.sites,
    password_hash: r.password_hash,
    disabled: Number(r.disabled) !== 0,
    created_ms: Number(r.created_ms),
    updated_ms: Number(r.updated_ms),
    sessions_valid_after_ms: Number(r.sessions_valid_after_ms),
  };
}

export function summaryOf(u: UserRecord): UserSummary {
  return {
    username: u.username,
    role: u.role,
    sites: u.sites,
    disabled: u.disabled,
    created_ms: u.created_ms,
    updated_ms: u.updated_ms,
  };
}

export async function fetchUser(client: ClickHouseClient, username: string): Promise<UserRecord | null> {
  const rs = await client.query({
    query: `${SELECT_USER} WHERE username = {username:String}`,
    format: 'JSONEachRow',
    query_params: { username },
  });
  const [row] = await rs.json<UserRow>();
  return row ? toRecord(row) : null;
}

export async function fetchUsers(client: ClickHouseClient): Promise<UserRecord[]> {
  const rs = await client.query({ query: `${SELECT_USER} ORDER BY username`, format: 'JSONEachRow' });
  return (await rs.json<UserRow>()).map(toRecord);
}

export async function countUsers(client: ClickHouseClient): Promise<number> {
  const rs = await client.query({ query: 'SELECT count() AS n FROM app_user FINAL', format: 'JSONEachRow' });
  const [row] = await rs.json<{ n: number | string }>();
  return Number(row?.n ?? 0);
}

/** Writes a user's row (a new version of it). */
export async function storeUser(client: ClickHouseClient, user: UserRecord): Promise<void> {
  await client.insert({
    table: 'app_user',
    format: 'JSONEachRow',
    values: [
      {
        username: user.username,
        role: user.role,
        sites: user.sites,
        password_hash: user.password_hash,
        disabled: user.disabled ? 1 : 0,
        created_at: toClickHouseTime(user.created_ms),
        updated_at: toClickHouseTime(user.updated_ms),
        sessions_valid_after: toClickHouseTime(user.sessions_valid_after_ms),
      },
    ],
  });
}

/** A new user; throws InputError when the name is taken. */
export async function addUser(
  client: ClickHouseClient,
  user: { username: string; role: Role; sites: string[]; password_hash: string },
  nowMs = Date.now(),
): Promise<UserRecord> {
  if (await fetchUser(client, user.username)) throw new InputError(`the user ${user.username} exists already`);
  const record: UserRecord = {
    ...user,
    disabled: false,
    created_ms: nowMs,
    updated_ms: nowMs,
    sessions_valid_after_ms: 0,
  };
  await storeUser(client, record);
  return record;
}

/**
 * Changes a user: `change` returns the new fields. The version moves forward even within one
 * millisecond; `signOut` voids the user's existing sessions.
 */
export async function updateUser(
  client: ClickHouseClient,
  username: string,
  change: (u: UserRecord) => Partial<Pick<UserRecord, 'role' | 'sites' | 'password_hash' | 'disabled'>>,
  options: { signOut?: boolean; nowMs?: number } = {},
): Promise<UserRecord> {
  const user = await fetchUser(client, username);
  if (!user) throw new InputError(`there is no user ${username}`);
  const now = Math.max(options.nowMs ?? Date.now(), user.updated_ms + 1);
  const next: UserRecord = { ...user, ...change(user), updated_ms: now };
  if (options.signOut) next.sessions_valid_after_ms = now;
  await storeUser(client, next);
  return next;
}
