/**
 * `kezek rejects` as QA ran it: caller numbers written with separators, in values of any JSON
 * type and in CSV rows of the wrong width, are not listed in clear (README "Input formats",
 * DESIGN §10); an impossible queue_log time stays a time; control bytes of a rejected line do not
 * reach the terminal; a listing cut at --limit says how many more there are.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { runCli, Workspace } from '../kpi/harness.ts';

const ws = new Workspace('rejects-cli');
const db = ['--db', ws.db, '--config', ws.defaultConfig];
const times = '"entered_at":"2026-11-27T10:00:00Z","ended_at":"2026-11-27T10:05:00Z"';

// QA's reproduction, lines P1–P3 and rows Q1, Q3.
const NDJSON = [
  `{"call_id":"P1","queue":"q","caller":["+7 701 444 55 61"],${times}}`,
  `{"call_id":"P2","queue":"q","caller":{"n":"+7 701 444 55 62"},${times}}`,
  `{"call_id":"P3,"queue":"q","caller":"+7 701 444 55 63",${times}}`,
];
const KEZEK_CSV = [
  'call_id,queue,caller,entered_at,ended_at',
  'Q1,q,+7 701 444 55 71,2026-11-27T10:00:00Z,2026-11-27T10:05:00Z,extra',
  'Q3,q,"+7 701 444 55 73",2026-11-27T10:00:00Z',
];
const QUEUE_LOG = ['99999999999|1.1|q|NONE|ENTERQUEUE||1|1'];
const TERMINAL_CONTROL = '\x1b]0;pwned\x07\x1b[2J'; // sets the window title, clears the screen
const CONTROL = [`{"call_id":"E1","topic":"${TERMINAL_CONTROL}"}`, 'nul\u0000byte'];
const BULK = 1005; // more than the default limit of 1,000
const NUMBERS = ['444 55 61', '444 55 62', '444 55 63', '444 55 71', '444 55 73'];

const text = (lines: string[]) => lines.join('\n') + '\n';
let rejected = 0;

async function ingest(lines: string[], name: string, format = 'kezek-ndjson', kind = 'calls') {
  const r = await runCli(['ingest', ws.file(text(lines), name), '--format', format, '--kind', kind, ...db, '--json']);
  if (r.code !== 0) throw new Error(r.stderr);
  const summary = JSON.parse(r.stdout) as { rejected: number; accepted: number };
  rejected += summary.rejected;
  return summary;
}

const rejects = (...args: string[]) => runCli(['rejects', ...args, ...db]);

beforeAll(async () => {
  await ingest(NDJSON, 'qa.ndjson');
  await ingest(KEZEK_CSV, 'qa.csv', 'kezek-csv');
  await ingest(QUEUE_LOG, 'queue_log', 'asterisk-queue-log', 'calls');
  await ingest(CONTROL, 'control.ndjson');
  await ingest(
    Array.from({ length: BULK }, (_, i) => `not json ${i}`),
    'bulk.ndjson',
  );
});

describe('kezek rejects', () => {
  it('lists no caller number of QA lines P1–P3, Q1, Q3, in text or JSON; their markers instead', async () => {
    for (const args of [
      ['--all', '--limit', '5000'],
      ['--all', '--limit', '5000', '--json'],
    ]) {
      const out = (await rejects(...args)).stdout;
      for (const number of NUMBERS) expect(out).not.toContain(number);
      for (const id of ['P1', 'P2', 'P3', 'Q1', 'Q3'])
        expect(out).toMatch(new RegExp(`${id}.*\\[caller:[0-9a-f]{32}\\]`));
    }
  });

  it('keeps an impossible queue_log time as the time it is (QA: it was marked as a caller)', async () => {
    const { rejects: listed } = JSON.parse((await rejects('--limit', '5000', '--json')).stdout);
    const reject = listed.find((r: { format: string }) => r.format === 'asterisk-queue-log');
    expect(reject.reason).toBe('impossible time 99999999999: more than a day in the future');
    expect(reject.raw).toMatch(/^99999999999\|1\.1\|q\|NONE\|ENTERQUEUE\|\|\[caller:[0-9a-f]{32}\]\|1$/);
  });

  it('shows control characters as \\xHH, never as they are; --json escapes them as JSON does', async () => {
    const human = (await rejects('--limit', '5000')).stdout;
    expect(human).not.toMatch(/[\u0000-\u0009\u000b-\u001f\u007f]/); // newlines end lines, nothing else
    expect(human).toContain('"topic":"\\x1b]0;pwned\\x07\\x1b[2J"');
    expect(human).toContain('nul\\x00byte');
    const json = (await rejects('--limit', '5000', '--json')).stdout;
    expect(json).not.toMatch(/[\u0000-\u0009\u000b-\u001f]/);
    const raws = JSON.parse(json).rejects.map((r: { raw: string }) => r.raw);
    expect(raws).toContain(CONTROL[0]);
    expect(raws).toContain(CONTROL[1]);
  });

  it('says how many more there are when it lists the default 1,000 (QA: the cut was silent)', async () => {
    expect(rejected).toBe(BULK + 8); // P1–P3, Q1, Q3, the queue_log line, E1 and the NUL line
    const out = (await rejects()).stdout.trimEnd().split('\n');
    expect(out.filter((line) => !line.startsWith('    ')).length).toBe(1000 + 1); // a head line per reject, and:
    expect(out.at(-1)).toBe(
      `… and ${rejected - 1000} more, not listed (the newest 1,000 are): --limit ${rejected} lists them all`,
    );
    const json = JSON.parse((await rejects('--json')).stdout);
    expect(json.rejects).toHaveLength(1000);
    expect(json.total).toBe(rejected);
  });

  it('lists them all with --limit TOTAL, and nothing more to say', async () => {
    const out = (await rejects('--limit', String(rejected))).stdout.trimEnd().split('\n');
    expect(out).toHaveLength(2 * rejected);
    expect(out.at(-1)).toMatch(/^ {4}/);
    const json = JSON.parse((await rejects('--limit', String(rejected), '--json')).stdout);
    expect({ listed: json.rejects.length, total: json.total }).toEqual({ listed: rejected, total: rejected });
  });

  it('takes --limit as a whole number ≥ 1, else a usage error', async () => {
    for (const bad of ['0', 'ten', '1.5']) {
      const r = await rejects('--limit', bad);
      expect(r.code).toBe(2);
      expect(r.stderr).toMatch(/^kezek rejects: --limit: .*\n$/);
    }
  });
});

describe('an NDJSON file that starts with a byte order mark', () => {
  it('is read from its first line (QA: line 1 was "not valid JSON")', async () => {
    const line = `{"call_id":"B1","queue":"q",${times}}`;
    expect(await ingest([`\ufeff${line}`], 'bom.ndjson')).toMatchObject({ accepted: 1, rejected: 0 });
  });
});
