/**
 * Ingest tokens (table ingest_token): created by an admin, shown once, stored as SHA-256,
 * scoped to event kinds, revocable.
 */
import type { ClickHouseClient } from '@clickhouse/client';
import { toClickHouseTime } from '../../../ingest/formats/time.ts';
import { InputError } from '../input-error.ts';
import { newIngestToken, newTokenId, secretDigest } from './secrets.ts';

/** The kinds a token may be scoped to: the POST /api/ingest/KIND routes. */
export const TOKEN_KINDS = ['calls', 'ratings', 'agent-events', 'agents', 'queue-log'] as const;
export type TokenKind = (typeof TOKEN_KINDS)[number];

export interface TokenSummary {
  token_id: string;
  name: string;
  kinds: string[];
  created_ms: number;
  created_by: string;
  revoked: boolean;
}

/** `--kinds calls,ratings`: at least one known kind. */
export function parseTokenKinds(raw: unknown): TokenKind[] {
  const names =
    typeof raw === 'string'
      ? [
          ...new Set(
            raw
              .split(',')
              .map((k) => k.trim())
              .filter(Boolean),
          ),
        ]
      : [];
  if (names.length === 0) throw new InputError(`kinds: name at least one of ${TOKEN_KINDS.join(', ')}`);
  for (const n of names) {
    if (!(TOKEN_KINDS as readonly string[]).includes(n))
      throw new InputError(`kinds: unknown kind "${n.slice(0, 40)}" (expected ${TOKEN_KINDS.join(', ')})`);
  }
  return names as TokenKind[];
}

export function parseTokenName(raw: unknown): string {
  const name = typeof raw === 'string' ? raw.trim() : '';
  if (name.length > 100 || /[\p{Cc}]/u.test(name)) throw new InputError('name: at most 100 printable characters');
  return name;
}

const SELECT_TOKEN = `
SELECT token_id, name, kinds, token_hash, created_by, revoked,
       toUnixTimestamp64Milli(created_at) AS created_ms, toUnixTimestamp64Milli(updated_at) AS updated_ms
FROM ingest_token FINAL`;

interface TokenRow {
  token_id: string;
  name: string;
  kinds: string[];
  token_hash: string;
  created_by: string;
  revoked: number;
  created_ms: number | string;
  updated_ms: number | string;
}

const summary = (r: TokenRow): TokenSummary => ({
  token_id: r.token_id,
  name: r.name,
  kinds: r.kinds,
  created_ms: Number(r.created_ms),
  created_by: r.created_by,
  revoked: Number(r.revoked) !== 0,
});

async function insertToken(client: ClickHouseClient, r: TokenRow): Promise<void> {
  await client.insert({
    table: 'ingest_token',
    format: 'JSONEachRow',
    values: [
      {
        token_id: r.token_id,
        name: r.name,
        token_hash: r.token_hash,
        kinds: r.kinds,
        created_at: toClickHouseTime(Number(r.created_ms)),
        created_by: r.created_by,
        revoked: r.revoked,
        updated_at: toClickHouseTime(Number(r.updated_ms)),
      },
    ],
  });
}

/** Creates a token; the returned `token` is the only time its value exists outside the caller. */
export async function createIngestToken(
  client: ClickHouseClient,
  options: { kinds: TokenKind[]; name: string; createdBy: string },
  nowMs = Date.now(),
): Promise<TokenSummary & { token: string }> {
  const token = newIngestToken();
  const row: TokenRow = {
    token_id: newTokenId(),
    name: options.name,
    kinds: options.kinds,
    token_hash: secretDigest(token),
    created_by: options.createdBy,
    revoked: 0,
    created_ms: nowMs,
    updated_ms: nowMs,
  };
  await insertToken(client, row);
  return { ...summary(row), token };
}

export async function fetchIngestTokens(client: ClickHouseClient): Promise<TokenSummary[]> {
  const rs = await client.query({ query: `${SELECT_TOKEN} ORDER BY created_ms, token_id`, format: 'JSONEachRow' });
  return (await rs.json<TokenRow>()).map(summary);
}

/** Revokes a token by id; throws InputError when there is none. */
export async function revokeIngestToken(
  client: ClickHouseClient,
  tokenId: string,
  nowMs = Date.now(),
): Promise<TokenSummary> {
  const rs = await client.query({
    query: `${SELECT_TOKEN} WHERE token_id = {id:String}`,
    format: 'JSONEachRow',
    query_params: { id: tokenId },
  });
  const [row] = await rs.json<TokenRow>();
  if (!row) throw new InputError(`there is no token ${tokenId.slice(0, 40)}`);
  const next = { ...row, revoked: 1, updated_ms: Math.max(nowMs, Number(row.updated_ms) + 1) };
  await insertToken(client, next);
  return summary(next);
}

/** The live token with this value, or null. */
export async function findIngestToken(client: ClickHouseClient, token: string): Promise<TokenSummary | null> {
  if (token.length > 200) return null;
  const rs = await client.query({
    query: `${SELECT_TOKEN} WHERE token_hash = {hash:String} AND revoked = 0`,
    format: 'JSONEachRow',
    query_params: { hash: secretDigest(token) },
  });
  const [row] = await rs.json<TokenRow>();
  return row ? summary(row) : null;
}
