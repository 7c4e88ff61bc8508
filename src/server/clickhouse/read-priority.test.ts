import type { ClickHouseClient } from '@clickhouse/client';
import { describe, expect, it } from 'vitest';
import { readPriority, underlyingClient } from './read-priority.ts';

/** A client whose queries finish when the test says so; it logs when each starts and ends. */
function manualClient() {
  const log: string[] = [];
  const finish = new Map<string, () => void>();
  const client = {
    query: ({ query }: { query: string }) => {
      log.push(`start ${query}`);
      return new Promise<string>((resolve) =>
        finish.set(query, () => {
          log.push(`end ${query}`);
          resolve(query);
        }),
      );
    },
  } as unknown as ClickHouseClient;
  return { client, log, finish: (q: string) => finish.get(q)!() };
}

const tick = () => new Promise((r) => setTimeout(r, 0));

describe('read priority', () => {
  it('holds a write back while a read runs, and lets it go when the reads are done', async () => {
    const { client, log, finish } = manualClient();
    const { reads, writes } = readPriority(client, 0);
    const r1 = reads.query({ query: 'read 1' });
    const r2 = reads.query({ query: 'read 2' });
    const w = writes.query({ query: 'write' });
    await tick();
    expect(log).toEqual(['start read 1', 'start read 2']);
    finish('read 1');
    await r1;
    await tick();
    expect(log).not.toContain('start write'); // read 2 still runs
    finish('read 2');
    await r2;
    await tick();
    expect(log.at(-1)).toBe('start write');
    finish('write');
    expect(await w).toBe('write');
  });

  it('lets a write with no read waiting go at once; a read then waits for that one write query only', async () => {
    const { client, log, finish } = manualClient();
    const { reads, writes } = readPriority(client, 0);
    const w = writes.query({ query: 'write' });
    await tick();
    const r = reads.query({ query: 'read' });
    const w2 = writes.query({ query: 'write 2' });
    await tick();
    expect(log).toEqual(['start write']);
    finish('write');
    await w;
    await tick();
    expect(log).toEqual(['start write', 'end write', 'start read']); // the next write waits for the read
    finish('read');
    await r;
    for (let i = 0; i < 10 && !log.includes('start write 2'); i++) await tick();
    expect(log.at(-1)).toBe('start write 2');
    finish('write 2');
    await w2;
  });

  it('sends the writes to their own client, a failed write not holding reads back', async () => {
    const { client: readClient, log, finish } = manualClient();
    const writer = {
      query: ({ query }: { query: string }) => {
        log.push(`writer ${query}`);
        return Promise.reject(new Error('refused'));
      },
    } as unknown as ClickHouseClient;
    const { reads, writes } = readPriority(readClient, 0, writer);
    await expect(writes.query({ query: 'write' })).rejects.toThrow('refused');
    const r = reads.query({ query: 'read' });
    await tick();
    expect(log).toEqual(['writer write', 'start read']);
    finish('read');
    await r;
    expect(underlyingClient(writes)).toBe(writer);
    expect(underlyingClient(reads)).toBe(readClient);
  });

  it('keeps a write waiting for a grace period after the last read, for the next read of the same page', async () => {
    const { client, log, finish } = manualClient();
    const { reads, writes } = readPriority(client, 30);
    const r1 = reads.query({ query: 'session' });
    const w = writes.query({ query: 'write' });
    finish('session');
    await r1;
    await tick();
    const r2 = reads.query({ query: 'kpi' }); // issued right after the first read: goes first
    await tick();
    expect(log).toEqual(['start session', 'end session', 'start kpi']);
    finish('kpi');
    await r2;
    await new Promise((r) => setTimeout(r, 10));
    expect(log).not.toContain('start write'); // timers never fire early: 10 ms < 30 ms grace
    for (let i = 0; i < 200 && !log.includes('start write'); i++) await new Promise((r) => setTimeout(r, 10));
    expect(log.at(-1)).toBe('start write');
    finish('write');
    await w;
  });

  it('sees through both views to the one client', () => {
    const { client } = manualClient();
    const { reads, writes } = readPriority(client, 0);
    expect(underlyingClient(reads)).toBe(client);
    expect(underlyingClient(writes)).toBe(client);
    expect(underlyingClient(client)).toBe(client);
  });
});
