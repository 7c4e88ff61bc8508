import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { oldestFirst } from './oldest-first.ts';

const dir = mkdtempSync(join(tmpdir(), 'kezek-oldest-first-'));
const file = (name: string, text: string) => {
  const path = join(dir, name);
  writeFileSync(path, text);
  return path;
};
/** A 16-column Master.csv row ending at `end` (UTC). */
const cdr = (end: string) =>
  `"","1001","1002","from-internal","","PJSIP/1001-01","PJSIP/1002-02","Dial","PJSIP/1002","${end.slice(0, 11)}00:00:00","","${end}",0,0,"NO ANSWER","DOCUMENTATION"\n`;

describe('oldestFirst', () => {
  it('orders rotated queue_log files by their first line, skipping lines it cannot read', async () => {
    const newest = file('queue_log', '1791400000|1.1|q|NONE|ENTERQUEUE||1|1\n');
    const older = file('queue_log.1', 'garbage\n1791300000|1.1|q|NONE|ENTERQUEUE||1|1\n');
    const oldest = file('queue_log.2', '1791200000|1.1|q|NONE|ENTERQUEUE||1|1\n');
    const empty = file('queue_log.empty', '');
    expect((await oldestFirst([newest, empty, older, oldest], 'asterisk-queue-log')).map((f) => f.file)).toEqual([
      oldest,
      older,
      newest,
      empty, // no event: after the others
    ]);
  });

  it('orders CDR files by the end of their first row, read in the time zone given', async () => {
    const newest = file('Master.csv', cdr('2026-10-05 10:00:00'));
    const oldest = file('Master.csv.1', cdr('2026-10-05 09:00:00'));
    expect(await oldestFirst([newest, oldest], 'asterisk-cdr-csv', 'Asia/Almaty')).toEqual([
      { file: oldest, firstMs: Date.UTC(2026, 9, 5, 4) }, // 09:00 in Almaty (UTC+5)
      { file: newest, firstMs: Date.UTC(2026, 9, 5, 5) },
    ]);
  });
});
