/**
 * Reads before ingest writes on a shared server. The writer has a connection of its own (a lane,
 * client.ts `concurrentClient`: its queries are not held up by the reads' parameterized queries
 * in the engine), and the two take turns here: a read goes to the engine once the write query
 * running (if any) has ended, and a write first waits until no read is in flight and none ended
 * in the last `graceMs` (a page's or API call's reads come one after another: the writer does
 * not slip in between them). A read thus waits for at most one write query, then runs alone
 * (with reads and writes at once on 2 cores, GET /api/kpi under HTTP ingest took 1.5–2.3× its
 * idle time; taking turns, 1.3–1.45×, at the same ingest rate).
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

/** Views of `client` for reads and of `writer` (the same database) for writes. */
export function readPriority(client: ClickHouseClient, graceMs = READ_GRACE_MS, writer = client): ReadPriority {
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

  const view = (base: ClickHouseClient, around: (call: () => Promise<unknown>) => Promise<unknown>) =>
    new Proxy(base, {
      get(target, prop, receiver) {
        if (prop === UNDERLYING) return target;
        const value = Reflect.get(target, prop, receiver) as unknown;
        if (typeof prop !== 'string' || !METHODS.has(prop) || typeof value !== 'function') return value;
        return (...args: unknown[]) =>
          around(() => (value as (...a: unknown[]) => Promise<unknown>).apply(target, args));
      },
    });

  /** Write queries running. */
  const writing = new Set<Promise<unknown>>();
  const reads = view(client, async (call) => {
    inFlight++;
    try {
      while (writing.size > 0) await Promise.allSettled([...writing]);
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
  const writes = view(writer, async (call) => {
    await readsDone();
    const write = call();
    writing.add(write);
    const done = () => writing.delete(write);
    write.then(done, done);
    return write;
  });
  return { reads, writes };
}

/** The client behind a view (or the client itself). */
export function underlyingClient(client: ClickHouseClient): ClickHouseClient {
  return ((client as unknown as Record<symbol, ClickHouseClient | undefined>)[UNDERLYING] ??
    client) as ClickHouseClient;
}
