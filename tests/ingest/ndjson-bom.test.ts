/**
 * A UTF-8 byte order mark (EF BB BF, which Windows tools write) opens some NDJSON inputs: it is
 * no part of the first line. Files and HTTP bodies both reach NativePipeline.line with the lines
 * numbered from 1, so the one pipeline is tested here (QA: the first line was "not valid JSON").
 */
import { describe, expect, it } from 'vitest';
import type { ClickHouseClient } from '@clickhouse/client';
import { emptySummary, EventWriter } from '../../ingest/event-writer.ts';
import { NativePipeline } from '../../ingest/native-pipeline.ts';
import { readLines } from '../../ingest/read-lines.ts';

const BOM = Buffer.from([0xef, 0xbb, 0xbf]);
const call = (id: string) =>
  JSON.stringify({ call_id: id, queue: 'q', entered_at: '2026-03-02T04:00:00Z', ended_at: '2026-03-02T04:05:00Z' });

/** The tally of two inputs read one after the other through one pipeline (as the HTTP batcher keeps one). */
async function tallyOf(inputs: Buffer[], format: 'kezek-ndjson' | 'kezek-csv' = 'kezek-ndjson') {
  // Nothing is stored in this test: the writer only buffers, so it never reaches its client.
  const events = new EventWriter(null as unknown as ClickHouseClient, 'test');
  const pipeline = new NativePipeline(events, format, 'calls', { hashCaller: () => '', queues: {} });
  const tally = emptySummary();
  for (const input of inputs) {
    pipeline.beginFile();
    const chunks = (async function* () {
      yield input;
    })();
    for await (const raw of readLines(chunks)) pipeline.line(raw, 'test', tally);
    pipeline.endFile('test', tally);
  }
  return tally;
}

describe('an NDJSON input that starts with a byte order mark', () => {
  it('has its first line read as JSON, in every input', async () => {
    const input = Buffer.concat([BOM, Buffer.from(`${call('c1')}\n${call('c2')}\n`)]);
    expect(await tallyOf([input, input])).toMatchObject({ read: 4, rejected: 0 });
  });

  it('keeps a mark inside the input as it is: rejected', async () => {
    const input = Buffer.concat([Buffer.from(`${call('c1')}\n`), BOM, Buffer.from(`${call('c2')}\n`)]);
    const tally = await tallyOf([input]);
    expect(tally).toMatchObject({ read: 2, rejected: 1 });
    expect(tally.rejects[0]).toMatchObject({ line: 2, reason: 'not valid JSON' });
  });

  it('is read as kezek-csv was already', async () => {
    const input = Buffer.concat([BOM, Buffer.from('call_id,queue,entered_at,ended_at\nc1,q,1772424000,1772424300\n')]);
    expect(await tallyOf([input], 'kezek-csv')).toMatchObject({ read: 1, rejected: 0 });
  });
});

describe('an NDJSON line with invalid UTF-8 in a field', () => {
  it('is rejected naming the field: two call ids that differ only in their bad bytes are not one call (QA)', async () => {
    const line = (bad: number) =>
      Buffer.concat([Buffer.from('{"call_id":"u10-'), Buffer.from([bad]), Buffer.from(call('x').slice(13))]);
    const input = Buffer.concat([line(0xc3), Buffer.from('\n'), line(0xc4), Buffer.from('\n')]);
    const tally = await tallyOf([input]);
    expect(tally).toMatchObject({ read: 2, accepted: 0, rejected: 2 });
    expect(tally.rejects.map((r) => r.reason)).toEqual([
      'field call_id: binary data (invalid UTF-8)',
      'field call_id: binary data (invalid UTF-8)',
    ]);
  });
});
