/**
 * The progress line of `kezek ingest` on a terminal. QA: an 11,323-line file ended on
 * "100.0 %, 0 rows, 0 rows/s", a 70,409-line one on 61,479 rows — the reader reports a chunk's
 * bytes (1 MiB) as it reads it, before its lines are parsed and counted. The last line drawn must
 * give every row read, and no line may give 100 % with fewer.
 */
import { describe, expect, it } from 'vitest';
import { main } from '../../src/cli/main.ts';
import { Workspace } from '../kpi/harness.ts';

const ws = new Workspace('ingest-progress');

/** `kezek ingest FILE` with stderr a terminal: the progress lines drawn (each starts with \r). */
async function progressLines(lines: number): Promise<string[]> {
  const rows = Array.from({ length: lines }, (_, i) =>
    // ~80 bytes a line: 11,323 lines are one chunk of the reader (1 MiB), as QA's file was; 70,409 are 6.
    JSON.stringify({ call_id: `c${i}`, queue: 'q', entered_at: 1795151400 + i, ended_at: 1795151500 + i }),
  );
  const file = ws.file(rows.join('\n') + '\n', `calls-${lines}.ndjson`);
  let stderr = '';
  const io = { stdout: () => {}, stderr: (t: string) => void (stderr += t), isTTY: true };
  const code = await main(
    ['ingest', file, '--format', 'kezek-ndjson', '--db', ws.db, '--config', ws.defaultConfig],
    io,
  );
  expect(code, stderr).toBe(0);
  return stderr.split('\r').filter((line) => line.startsWith('ingest:'));
}

const rowsOf = (line: string) => Number(/ ([\d,]+) rows,/.exec(line)![1].replaceAll(',', ''));

describe('the ingest progress line', () => {
  it.each([11_323, 70_409])(
    'of a %i-line file ends on the whole file with every row read',
    async (lines) => {
      const drawn = await progressLines(lines);
      const last = drawn.at(-1)!;
      expect(last).toMatch(/^ingest: 100\.0 %, [\d,]+ rows, [\d,]+ rows\/s/);
      expect(rowsOf(last)).toBe(lines);
      expect(last.endsWith('\n')).toBe(true); // and the line is ended
      for (const line of drawn.filter((l) => l.includes('100.0 %'))) expect(rowsOf(line)).toBe(lines);
    },
    120_000,
  );
});
