/**
 * The one place that builds a ClickHouse client: the embedded engine (chdb) or a server over
 * HTTP, configured so both give the same result types.
 */
import { createClient, type ClickHouseClient, type ClickHouseSettings } from '@clickhouse/client';
import { closeSync, existsSync, openSync, readFileSync } from 'node:fs';
import { isatty } from 'node:tty';
import { join } from 'node:path';
import type { DatabaseTarget } from '../config.ts';
import { inlineParams } from './literal-params.ts';
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
  /** More connections to the same engine, by lane (concurrentClient). */
  lanes: Map<string, ClickHouseClient>;
  createChdbConnection: ChdbConnect;
}

/**
 * The embedded engine takes whatever waits on the process's standard input for the data of its
 * inserts, and then refuses every insert ("both inlined and external data"): `echo x | kezek
 * ingest …`, or a `while read f; do kezek ingest "$f" …; done < list`, stored nothing. Before the
 * engine starts, standard input (a pipe or file; a terminal is never read) becomes /dev/null. Only
 * `users add` reads it, and it has read its line before it opens the database.
 */
function detachStandardInput(): void {
  if (isatty(0)) return;
  try {
    closeSync(0);
  } catch {
    // already closed: /dev/null takes its place all the same
  }
  const fd = openSync('/dev/null', 'r'); // the lowest free descriptor: 0
  if (fd !== 0) closeSync(fd);
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
  detachStandardInput();
  // Loaded lazily: chdb crashes the process when loaded inside a worker thread.
  const { createChdbConnection } = await import('chdb/connection');
  let client;
  try {
    client = connect(createChdbConnection, path);
  } catch (err) {
    throw new DatabaseBusyError(busyMessage(path, err));
  }
  cache.__kezekEmbedded = { path, client, lanes: new Map(), createChdbConnection };
  return client;
}

type ChdbConnect = typeof import('chdb/connection').createChdbConnection;

/** A new connection to the embedded engine of `path` (one engine per process: the same data). */
function connect(createChdbConnection: ChdbConnect, path: string): ClickHouseClient {
  const connection = createChdbConnection({ path });
  // chdb types its connection against @clickhouse/client-common, the client against its own
  // bundled copy of the same interface: identical shapes, distinct declarations.
  return createClient({ connection: connection as unknown as ClientConnection, clickhouse_settings: SETTINGS });
}

/**
 * A client whose queries may run at the same time as those of `client` and of the other lanes.
 * The embedded engine runs one query at a time per connection, and parameterized queries one at
 * a time across all connections (chdb shares their parameter state): a lane is another
 * connection to the same engine, which writes its queries' parameters into the SQL as literals
 * (literal-params.ts). Two inserts of 2 M rows: 1.47 s one after the other, 0.77 s on two lanes.
 * A lane is opened once per name and kept for the life of the process; a server's client is
 * returned as it is (it runs queries side by side itself).
 */
export function concurrentClient(client: ClickHouseClient, lane: string): ClickHouseClient {
  const held = cache.__kezekEmbedded;
  if (!held || !isEmbeddedClient(client)) return client;
  let peer = held.lanes.get(lane);
  if (!peer) held.lanes.set(lane, (peer = withLiteralParams(connect(held.createChdbConnection, held.path))));
  return peer;
}

/**
 * Longest SQL (UTF-8 bytes) a lane sends with its values written in; a longer one keeps them
 * bound (runs in turn with the other parameterized queries). The engine refuses queries over
 * max_query_size (256 KiB), and a batch's 40,000 instants or ids as literals exceed it.
 */
const MAX_LITERAL_QUERY_BYTES = 128 * 1024;

/** The client with every query's parameters written into its SQL (up to MAX_LITERAL_QUERY_BYTES). */
function withLiteralParams(client: ClickHouseClient): ClickHouseClient {
  return new Proxy(client, {
    get(target, prop, receiver) {
      const value = Reflect.get(target, prop, receiver) as unknown;
      if ((prop !== 'query' && prop !== 'command' && prop !== 'exec') || typeof value !== 'function') return value;
      return (params: { query: string; query_params?: Record<string, unknown> }) => {
        const { query_params: values, ...rest } = params;
        const query = values && Object.keys(values).length > 0 ? inlineParams(rest.query, values) : null;
        const literal = query !== null && Buffer.byteLength(query) <= MAX_LITERAL_QUERY_BYTES;
        return (value as (p: unknown) => unknown).call(target, literal ? { ...rest, query } : params);
      };
    },
  });
}

/**
 * The engine's main client behind `client` (a view of it, or a lane), or `client` itself: what
 * identifies one database within the process.
 */
export function engineOf(client: ClickHouseClient): ClickHouseClient {
  const underlying = underlyingClient(client);
  const held = cache.__kezekEmbedded;
  if (held && [...held.lanes.values()].includes(underlying)) return held.client;
  return underlying;
}

/** True for the embedded engine (any of its clients), which can read local files (`file()`) for bulk inserts. */
export function isEmbeddedClient(client: ClickHouseClient): boolean {
  const held = cache.__kezekEmbedded;
  return held !== undefined && engineOf(client) === held.client;
}

function busyMessage(path: string, err: unknown): string {
  const marker = join(path, SERVE_MARKER);
  let hint = 'stop the other kezek process, or give another --db';
  if (existsSync(marker)) {
    try {
      const { url } = JSON.parse(readFileSync(marker, 'utf8')) as { url: string };
      hint = `the dashboard server ${url} holds it: read through it (its pages and /api), ingest with kezek ingest --server ${url} --token T`;
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
