/**
 * Reads before ingest writes on a shared server. The embedded engine runs one query at a time
 * (a second waits for the first), so a dashboard query issued while HTTP ingest runs flat out
 * would queue behind the writer's inserts and fact refreshes. Two views of one client share a
 * count of reads in flight: a read goes straight to the engine; a write first waits until no
 * read is in flight and none ended in the last `graceMs` (a page's or API call's reads come one
 * after another: the writer does not slip in between them). A read then waits for at most the one
 * write query already running.
 */
import type { ClickHouseClient } from '@clickhouse/client';

const METHODS = new Set(['query', 'command', 'insert', 'exec']);

/** How long writes keep waiting after the last read ended. */
export const READ_GRACE_MS = 25;

/** The client a view wraps (the embedded engine is recognised through it). */
export const UNDERLYING = Symbol('kezek.underlyingClient');

export interface ReadPriority {
  /** Dashboards' queries: counted while they run. */
  readonly reads: ClickHouseClient;
  /** Ingest writes: each call waits until no read is in flight (or just ended). */
  readonly writes: ClickHouseClient;
}

export function readPriority(client: ClickHouseClient, graceMs = READ_GRACE_MS): ReadPriority {
  let inFlight = 0;
  let lastReadEndMs = -Infinity;
  let idle: Promise<void> | null = null;
  let wake: (() => void) | null = null;

  const readsDone = async () => {
    for (;;) {
      if (inFlight > 0) {
        await (idle ??= new Promise<void>((resolve) => (wake = resolve)));
        continue;
      }
      const waitMs = lastReadEndMs + graceMs - Date.now();
      if (waitMs <= 0) return;
      await new Promise((resolve) => setTimeout(resolve, waitMs));
    }
  };

  const view = (around: (call: () => Promise<unknown>) => Promise<unknown>) =>
    new Proxy(client, {
      get(target, prop, receiver) {
        if (prop === UNDERLYING) return target;
        const value = Reflect.get(target, prop, receiver) as unknown;
        if (typeof prop !== 'string' || !METHODS.has(prop) || typeof value !== 'function') return value;
        return (...args: unknown[]) =>
          around(() => (value as (...a: unknown[]) => Promise<unknown>).apply(target, args));
      },
    });

  const reads = view(async (call) => {
    inFlight++;
    try {
      return await call();
    } finally {
      lastReadEndMs = Date.now();
      if (--inFlight === 0 && wake) {
        const resolve = wake;
        idle = wake = null;
        resolve();
      }
    }
  });
  const writes = view(async (call) => {
    await readsDone();
    return call();
  });
  return { reads, writes };
}

/** The client behind a view (or the client itself). */
export function underlyingClient(client: ClickHouseClient): ClickHouseClient {
  return ((client as unknown as Record<symbol, ClickHouseClient | undefined>)[UNDERLYING] ??
    client) as ClickHouseClient;
}
