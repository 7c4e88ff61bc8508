/**
 * DESIGN §7/§8: bad usage or bad input options exit 2 with one line on stderr (no stack trace,
 * nothing on stdout); an unknown key in the config file is an error naming the key.
 */
import { describe, expect, it } from 'vitest';
import { join } from 'node:path';
import { runCli, Workspace } from './harness.ts';

const ws = new Workspace('cli-usage');
const db = ['--db', ws.db];
const input = ws.file(
  '{"call_id":"x","queue":"q","entered_at":"2026-03-02T04:00:00Z","ended_at":"2026-03-02T04:01:00Z"}\n',
  'one.ndjson',
);

/** Runs and checks the exit-2 contract; returns the stderr line. */
async function usageError(args: string[]): Promise<string> {
  const r = await runCli(args);
  expect(r.code).toBe(2);
  expect(r.stdout).toBe('');
  expect(r.stderr.endsWith('\n')).toBe(true);
  const lines = r.stderr.split('\n').filter(Boolean);
  expect(lines).toHaveLength(1);
  expect(r.stderr).not.toMatch(/\bat .*\.ts:\d+/); // no stack trace
  return lines[0];
}

describe('kpi: bad options exit 2 with one line on stderr', () => {
  it('rejects an unknown --by group, naming it', async () => {
    const line = await usageError([
      'kpi',
      '--from',
      '2026-03-01',
      '--to',
      '2026-03-01',
      '--by',
      'day,week',
      ...db,
      '--json',
    ]);
    expect(line).toMatch(/\bby\b/);
    expect(line).toContain('"week"');
  });

  it.each([
    ['2026-02-30', 'not a real date'],
    ['2026-3-1', 'not YYYY-MM-DD'],
    ['yesterday', 'a word'],
  ])('rejects --from %s (%s)', async (from) => {
    const line = await usageError(['kpi', '--from', from, '--to', '2026-03-01', ...db, '--json']);
    expect(line).toMatch(/\bfrom\b/); // names the option
    expect(line).toContain(from);
  });

  it('rejects a missing --to and --to before --from', async () => {
    expect(await usageError(['kpi', '--from', '2026-03-01', ...db])).toMatch(/\bto\b/);
    expect(await usageError(['kpi', '--from', '2026-03-02', '--to', '2026-03-01', ...db])).toMatch(
      /\bto\b.*2026-03-01/,
    );
  });

  it('rejects an unknown option', async () => {
    expect(await usageError(['kpi', '--from', '2026-03-01', '--to', '2026-03-01', '--frmo', 'x', ...db])).toContain(
      '--frmo',
    );
  });
});

describe('ingest: bad options exit 2 with one line on stderr', () => {
  it('requires --format', async () => {
    expect(await usageError(['ingest', input, '--kind', 'calls', ...db, '--json'])).toContain('--format');
  });

  it('rejects an unknown --format and --kind', async () => {
    expect(await usageError(['ingest', input, '--format', 'kezek-xml', ...db])).toContain('kezek-xml');
    expect(await usageError(['ingest', input, '--format', 'kezek-ndjson', '--kind', 'cals', ...db])).toContain('cals');
  });

  it('names a missing file', async () => {
    const missing = join(ws.dir, 'no-such-file.ndjson');
    expect(await usageError(['ingest', missing, '--format', 'kezek-ndjson', ...db, '--json'])).toContain(missing);
  });
});

describe('config file: an unknown key is an error naming it', () => {
  it('names an unknown key inside kpi', async () => {
    const config = ws.config({ kpi: { sl_answer_within: 30 } });
    const line = await usageError([
      'kpi',
      '--from',
      '2026-03-01',
      '--to',
      '2026-03-01',
      '--config',
      config,
      ...db,
      '--json',
    ]);
    expect(line).toContain('sl_answer_within');
  });

  it('names an unknown top-level key', async () => {
    const config = ws.config({ timezon: 'Asia/Almaty' });
    const line = await usageError(['ingest', input, '--format', 'kezek-ndjson', '--config', config, ...db]);
    expect(line).toContain('timezon');
  });

  it('rejects a date that is not in the calendar (QA: a pay rule from 2026-02-30 was taken)', async () => {
    const config = ws.config({ pay: { rules: [{ from: '2026-02-30' }] } });
    const line = await usageError(['kpi', '--from', '2026-03-01', '--to', '2026-03-01', '--config', config, ...db]);
    expect(line).toContain('/pay/rules/0/from expected a calendar date YYYY-MM-DD');
  });

  it('rejects a threshold of the wrong type and a config that is not JSON', async () => {
    const typed = ws.config({ kpi: { fcr_window_h: '72' } });
    expect(await usageError(['kpi', '--from', '2026-03-01', '--to', '2026-03-01', '--config', typed, ...db])).toContain(
      'fcr_window_h',
    );
    const broken = ws.file('{"kpi": ', 'broken.json');
    expect(
      await usageError(['kpi', '--from', '2026-03-01', '--to', '2026-03-01', '--config', broken, ...db]),
    ).toContain('broken.json');
  });
});

describe('the same commands with good options', () => {
  it('exit 0 and print only JSON on stdout', async () => {
    const ingest = await runCli([
      'ingest',
      input,
      '--format',
      'kezek-ndjson',
      ...db,
      '--config',
      ws.defaultConfig,
      '--json',
    ]);
    expect(ingest).toMatchObject({ code: 0, stderr: '' });
    expect(JSON.parse(ingest.stdout)).toEqual({ read: 1, accepted: 1, duplicates: 0, rejected: 0, rejects: [] });
    const kpi = await runCli([
      'kpi',
      '--from',
      '2026-03-02',
      '--to',
      '2026-03-02',
      '--by',
      'day',
      ...db,
      '--config',
      ws.defaultConfig,
      '--json',
    ]);
    expect(kpi).toMatchObject({ code: 0, stderr: '' });
    expect(JSON.parse(kpi.stdout).rows).toHaveLength(1);
  });
});
