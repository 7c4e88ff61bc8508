/**
 * Malformed queue_log lines — truncated, too few fields, impossible times, binary garbage, a
 * 1 MB line, bad numbers — are each rejected with a reason naming the problem while every good
 * line around them is stored; `kezek rejects` lists them; re-ingesting the fixed file resolves them.
 */
import { writeFileSync } from 'node:fs';
import { beforeAll, describe, expect, it } from 'vitest';
import { runCli, Workspace } from '../kpi/harness.ts';
import { CONFIG } from './helpers.ts';

const ws = new Workspace('ql-rejects');
const config = ws.config(CONFIG);
const T = 1791168600; // 2026-10-05T03:00:00Z
const GOOD = [
  `${T}|1.1|support|NONE|ENTERQUEUE||+77010000001|1`,
  `${T + 5}|1.1|support|PJSIP/1001|CONNECT|5|1.9|3`,
  `${T + 65}|1.1|support|PJSIP/1001|COMPLETECALLER|5|60|1`,
  `${T + 70}|2.2|support|NONE|ENTERQUEUE||+77010000002|1`,
  `${T + 80}|2.2|support|NONE|ABANDON|1|1|10`,
  `${T + 90}|NONE|NONE|PJSIP/1002|SOMECUSTOMVERB|anything`,
];
const BAD: [string, RegExp][] = [
  [`${T + 100}|3.3|sup`, /too few fields/], //                          truncated
  [`${T + 100}|3.3`, /too few fields/], //                              wrong field count
  [`946684799|3.3|support|NONE|ENTERQUEUE||x|1`, /before 2000/], //     impossible time
  [`4102444800|3.3|support|NONE|ENTERQUEUE||x|1`, /future/], //         impossible time
  [`17911686xx|3.3|support|NONE|ENTERQUEUE||x|1`, /not a number/],
  [`${T}|3.3|support|NONE|\u0001\u0002\u00ff\u0003|garbage`, /binary|control/], // binary garbage
  [`${T + 110}|4.4|support|PJSIP/1001|CONNECT|soon|1.9|3`, /holdtime.*not a whole number/],
  [`${T}|5.5|support|NONE|INFO|${'x'.repeat(1_000_000)}`, /long/], //  a 1 MB line
];
const lines = [...GOOD.slice(0, 3), ...BAD.map(([l]) => l), ...GOOD.slice(3)];
const file = ws.file(lines.join('\n') + '\n', 'queue_log');
let summary: {
  read: number;
  accepted: number;
  rejected: number;
  rejects: { file: string; line: number; reason: string }[];
};

beforeAll(async () => {
  const r = await runCli([
    'ingest',
    file,
    '--format',
    'asterisk-queue-log',
    '--db',
    ws.db,
    '--config',
    config,
    '--json',
  ]);
  expect(r.code).toBe(0);
  summary = JSON.parse(r.stdout);
});

describe('malformed queue_log lines', () => {
  it('are each rejected while every good line is stored', () => {
    expect(summary).toMatchObject({ read: lines.length, accepted: GOOD.length, rejected: BAD.length });
  });

  it.each(BAD.map(([, reason], i) => [i + 4, reason] as const))(
    'line %i is rejected with a one-line reason',
    (line, reason) => {
      const reject = summary.rejects.find((r) => r.line === line);
      expect(reject?.reason).toMatch(reason);
      expect(reject?.reason).not.toMatch(/\n/);
    },
  );

  it('still assembles the good visits around them', async () => {
    const kpi = JSON.parse(
      (await runCli(['kpi', '--from', '2026-10-05', '--to', '2026-10-05', '--db', ws.db, '--config', config, '--json']))
        .stdout,
    );
    expect(kpi.rows[0]).toMatchObject({ offered: 2, answered: 1, abandoned: 1, asa_s: 5, aht_s: 60 });
  });

  it('are listed by kezek rejects, and resolved by re-ingesting the fixed file', async () => {
    const listed = JSON.parse((await runCli(['rejects', '--db', ws.db, '--config', config, '--json'])).stdout);
    expect(listed.rejects.map((r: { line: number }) => r.line).sort((a: number, b: number) => a - b)).toEqual([
      4, 5, 6, 7, 8, 9, 10, 11,
    ]);
    expect(listed.rejects[0]).toMatchObject({
      source: file,
      format: 'asterisk-queue-log',
      kind: 'queue-log',
      resolved: false,
    });
    // Fixed: the bad lines removed but one, which is still bad.
    writeFileSync(file, [...GOOD, BAD[0][0]].join('\n') + '\n');
    const again = JSON.parse(
      (await runCli(['ingest', file, '--format', 'asterisk-queue-log', '--db', ws.db, '--config', config, '--json']))
        .stdout,
    );
    expect(again).toMatchObject({ accepted: 0, duplicates: GOOD.length, rejected: 1 });
    const open = JSON.parse((await runCli(['rejects', '--db', ws.db, '--config', config, '--json'])).stdout);
    expect(open.rejects.map((r: { line: number }) => r.line)).toEqual([7]);
    const all = JSON.parse(
      (await runCli(['rejects', '--all', '--since', '2020-01-01', '--db', ws.db, '--config', config, '--json'])).stdout,
    );
    expect(all.rejects.filter((r: { resolved: boolean }) => r.resolved).length).toBe(BAD.length);
  });
});
