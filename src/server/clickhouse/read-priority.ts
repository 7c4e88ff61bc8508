/**
 * Reads before ingest writes on a shared server. The embedded engine runs one query at a time
 * (a second waits for the first), so a dashboard query issued while HTTP ingest runs flat out
 * would queue behind the writer's inserts and fact refreshes. Two views of one client share a
 * count of reads in flight: a read goes straight to the engine; a write first waits until no
 * read is in flight. A read then waits for at most the one write query already running.
 */
import type { ClickHouseClient } from '@clickhouse/client';

const METHODS = new Set(['query', 'command', 'insert', 'exec']);

/** The client a view wraps (the embedded engine is recognised through it). */
export const UNDERLYING = Symbol('kezek.underlyingClient');

export interface ReadPriority {
  /** Dashboards' queries: counted while they run. */
  readonly reads: ClickHouseClient;
  /** Ingest writes: each call waits until no read is in flight. */
  readonly writes: ClickHouseClient;
}

export function readPriority(client: ClickHouseClient): ReadPriority {
  let inFlight = 0;
  let idle: Promise<void> | null = null;
  let wake: (() => void) | null = null;

  const readsDone = async () => {
    while (inFlight > 0) await (idle ??= new Promise<void>((resolve) => (wake = resolve)));
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
