/**
 * The one place that builds a ClickHouse client: the embedded engine (chdb) or a server over
 * HTTP, configured so both give the same result types.
 */
import { createClient, type ClickHouseClient, type ClickHouseSettings } from '@clickhouse/client';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { DatabaseTarget } from '../config.ts';
import { underlyingClient } from './read-priority.ts';

export type { ClickHouseClient };

type ClientConnection = NonNullable<NonNullable<Parameters<typeof createClient>[0]>['connection']>;

/** Another process holds the embedded database directory. */
export class DatabaseBusyError extends Error {
  override name = 'DatabaseBusyError';
}

const SETTINGS: ClickHouseSettings = {
  // chdb returns 64-bit integers in JSON as numbers, a server as strings: make both numbers.
  // Counts stay far below 2^53 in this product.
  output_format_json_quote_64bit_integers: 0,
  // Dates go in and come out as 'YYYY-MM-DD hh:mm:ss.sss' in UTC.
  date_time_input_format: 'best_effort',
  // A JOIN on a missing row yields NULL, not a default value (KPI joins rely on it).
  join_use_nulls: 1,
};

/** The file `kezek serve` writes into the data directory so that the CLI can point to it. */
export const SERVE_MARKER = 'kezek-serve.json';

interface ClientCache {
  path: string;
  client: ClickHouseClient;
}

// One engine per process (chdb binds one directory): share it across module instances, since
// the built dashboards and the CLI may load this module twice.
const cache = globalThis as typeof globalThis & { __kezekEmbedded?: ClientCache };

async function embeddedClient(path: string): Promise<ClickHouseClient> {
  const held = cache.__kezekEmbedded;
  if (held) {
    if (held.path === path) return held.client;
    throw new Error(`this process already holds the database ${held.path}; it cannot open ${path} too`);
  }
  // Loaded lazily: chdb crashes the process when loaded inside a worker thread.
  const { createChdbConnection } = await import('chdb/connection');
  let connection;
  try {
    connection = createChdbConnection({ path });
  } catch (err) {
    throw new DatabaseBusyError(busyMessage(path, err));
  }
  // chdb types its connection against @clickhouse/client-common, the client against its own
  // bundled copy of the same interface: identical shapes, distinct declarations.
  const client = createClient({ connection: connection as unknown as ClientConnection, clickhouse_settings: SETTINGS });
  cache.__kezekEmbedded = { path, client };
  return client;
}

/** True for the embedded engine, which can read local files (`file()`) for bulk inserts. */
export function isEmbeddedClient(client: ClickHouseClient): boolean {
  return cache.__kezekEmbedded?.client === underlyingClient(client);
}

function busyMessage(path: string, err: unknown): string {
  const marker = join(path, SERVE_MARKER);
  let hint = 'stop the other kezek process, or give another --db';
  if (existsSync(marker)) {
    try {
      const { url } = JSON.parse(readFileSync(marker, 'utf8')) as { url: string };
      hint = `the dashboard server ${url} holds it: use --server ${url} (e.g. kezek ingest --server ${url} --token T)`;
    } catch {
      /* keep the generic hint */
    }
  }
  const cause = (err as Error)?.message ?? String(err);
  return `cannot open the database ${path}: another process holds it (${hint}) [${cause}]`;
}

/** Opens (or reuses) the client for a target. */
export async function openClient(target: DatabaseTarget): Promise<ClickHouseClient> {
  if (target.kind === 'embedded') return embeddedClient(target.path);
  return createClient({
    url: target.url,
    username: target.username,
    password: target.password,
    database: target.database,
    clickhouse_settings: SETTINGS,
    request_timeout: 300_000,
  });
}

/** Closes a client; the embedded engine stays open for the life of the process. */
export async function closeClient(target: DatabaseTarget, client: ClickHouseClient): Promise<void> {
  if (target.kind === 'server') await client.close();
}
