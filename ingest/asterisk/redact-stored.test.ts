/**
 * What of a caller a stored Asterisk row keeps: salted hashes only (DESIGN §10). The rows here are
 * written the way Asterisk writes them (kpi-anchors §3 for the ENTERQUEUE layouts).
 */
import { describe, expect, it } from 'vitest';
import { createCallerHasher } from '../caller-hash.ts';
import type { CdrRow } from '../formats/asterisk-cdr-csv/parse-record.ts';
import { parseQueueLogLine } from '../formats/asterisk-queue-log/parse-line.ts';
import { redactCdrRow } from './cdr-pipeline.ts';
import { redactQueueLogEvent } from './queue-log-pipeline.ts';

const hash = createCallerHasher('test-salt');

const storedLine = (line: string) => {
  const parsed = parseQueueLogLine(line, { nowMs: Date.UTC(2025, 0, 1) });
  if (!parsed.ok || !parsed.event) throw new Error(`expected a good line: ${line}`);
  return redactQueueLogEvent(parsed.event, hash);
};

describe('a stored ENTERQUEUE line', () => {
  it('hashes the caller name of log-caller-id-name (data4) as well as the caller id (data2)', () => {
    const e = storedLine('1730000000|17.5|support|NONE|ENTERQUEUE||+77011234567|1|Иван Петров');
    expect(e.data).toEqual(['', hash('+77011234567'), '1', hash('Иван Петров')]);
    expect(e.raw).toBe(`1730000000|17.5|support|NONE|ENTERQUEUE||${hash('+77011234567')}|1|${hash('Иван Петров')}`);
    // A name with a restricted (blank) number: only the name is there to hash.
    expect(storedLine('1730000000|17.5|support|NONE|ENTERQUEUE|||1|77011234567').raw).toBe(
      `1730000000|17.5|support|NONE|ENTERQUEUE|||1|${hash('77011234567')}`,
    );
  });

  it('does the same in the realtime CSV form, which it writes in the file form', () => {
    const e = storedLine('2024-10-27 03:53:20,17.5,support,NONE,ENTERQUEUE,,+77011234567,1,Иван Петров,');
    expect(e.raw).toBe(`1730001200|17.5|support|NONE|ENTERQUEUE||${hash('+77011234567')}|1|${hash('Иван Петров')}`);
  });
});

describe('a stored CDR row', () => {
  const row: CdrRow = {
    callKey: '1730000000.7',
    accountcode: '',
    src: '87011234567',
    dst: '77771234567',
    dcontext: 'from-internal',
    clid: '"Иван" <87011234567>',
    channel: 'PJSIP/1001-0000001a',
    dstchannel: 'PJSIP/trunk-0000001b',
    lastapp: 'Dial',
    lastdata: 'PJSIP/77771234567@trunk,60,tT',
    startMs: 0,
    answerMs: null,
    endMs: 0,
    durationSeconds: 0,
    billSeconds: 0,
    disposition: 'NO ANSWER',
    uniqueid: '1730000000.7',
    linkedid: '1730000000.7',
    userfield: '',
    raw: '…',
  };

  it('hashes a number dialled in the application data, keeping channels and dotted ids', () => {
    const stored = redactCdrRow(row, hash);
    expect(stored.lastdata).toBe(`PJSIP/${hash('77771234567')}@trunk,60,tT`);
    expect(stored.lastdata).not.toContain('77771234567');
    expect([stored.src, stored.dst, stored.clid]).toEqual([hash('87011234567'), hash('77771234567'), '']);
    // Nothing that is not a phone number changes: queue arguments, channel sequences, call ids.
    for (const lastdata of ['support,t,,,300', 'Local/1001@agents-0000001a;1,30', 'SIP/1001,,M(x^1730000000.7)']) {
      expect(redactCdrRow({ ...row, lastdata }, hash).lastdata).toBe(lastdata);
    }
    expect(redactCdrRow({ ...row, lastdata: 'SIP/trunk/+77771234567' }, hash).lastdata).toBe(
      `SIP/trunk/${hash('+77771234567')}`,
    );
  });
});
