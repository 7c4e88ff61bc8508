import { describe, expect, it } from 'vitest';
import { fileIngestProgress, Progress } from './progress.ts';

function terminal(isTTY = true) {
  const err: string[] = [];
  return { io: { stdout: () => {}, stderr: (t: string) => void err.push(t), isTTY }, err };
}

describe('progress on a terminal', () => {
  it('shows the share done, the count, the rate and the time left', () => {
    const { io, err } = terminal();
    const progress = new Progress(io, 'ingest', true);
    progress.update(250, 1000, 5000);
    progress.done();
    // 250 of 1,000 bytes: 25.0 %; the ETA is 3× the time spent so far (> 0 s).
    expect(err[0]).toMatch(/^\ringest: 25\.0 %, 5,000 rows, [\d,]+ rows\/s, ETA \d+ s/);
    expect(err.at(-1)).toBe('\n');
  });

  it('shows no share and no ETA for an input of unknown size (a pipe)', () => {
    const { io, err } = terminal();
    new Progress(io, 'ingest', true).update(4096, 0, 120);
    expect(err[0]).toMatch(/^\ringest: 120 rows, [\d,]+ rows\/s +$/);
  });

  it('draws at most 5 times a second, but always the last update of a known size', () => {
    const { io, err } = terminal();
    const progress = new Progress(io, 'ingest', true);
    for (let i = 1; i <= 50; i++) progress.update(i, 100, i);
    progress.update(100, 100, 100);
    expect(err.length).toBe(2); // the first draw and the finished one
    expect(err[1]).toContain('100.0 %');
  });

  it('is silent when disabled (stderr not a terminal, or --json)', () => {
    const { io, err } = terminal(false);
    const progress = new Progress(io, 'ingest', false);
    progress.update(1, 2, 3);
    progress.done();
    expect(err).toEqual([]);
  });
});

describe('progress of reading files', () => {
  it('finish draws the final state at once and ends the line, once', () => {
    const { io, err } = terminal();
    const progress = new Progress(io, 'ingest', true);
    progress.update(10, 100, 10);
    progress.finish(100, 100, 100); // within 200 ms of the first draw
    progress.done();
    expect(err).toHaveLength(3);
    expect(err[1]).toMatch(/^\ringest: 100\.0 %, 100 rows, /);
    expect(err[2]).toBe('\n');
  });

  it('draws each row count with the bytes it was counted from, and the whole file with all its rows', () => {
    // As ingestFiles reports a file of 11,323 lines (QA) in one chunk: the chunk's bytes come
    // before its lines are parsed, with 0 rows counted.
    const { io, err } = terminal();
    const file = fileIngestProgress(new Progress(io, 'ingest', true));
    file.onProgress(1_000_000, 1_000_000, 0);
    file.finish(11_323);
    expect(err[0]).toMatch(/^\ringest: 0\.0 %, 0 rows, /);
    expect(err[1]).toMatch(/^\ringest: 100\.0 %, 11,323 rows, [\d,]+ rows\/s/);
    expect(err.slice(2)).toEqual(['\n']);
  });

  it('never draws the whole file with the rows of a chunk less', () => {
    // Two chunks of 1 MiB; 8,930 lines end in the first (70,409 lines of ~117 bytes, QA's file, in part).
    const { io, err } = terminal();
    const file = fileIngestProgress(new Progress(io, 'ingest', true));
    file.onProgress(1 << 20, 2 << 20, 0);
    file.onProgress(2 << 20, 2 << 20, 8_930);
    file.finish(17_860);
    const shares = err.filter((t) => t.includes('%')).map((t) => /([\d.]+) %, ([\d,]+) rows/.exec(t)!.slice(1));
    // Each share with the rows of its bytes: 0 of none, 8,930 of the first MiB (if drawn: it may come
    // within 200 ms of the first drawing), 17,860 of both.
    const rowsAt: Record<string, string> = { '0.0': '0', '50.0': '8,930', '100.0': '17,860' };
    for (const [share, rows] of shares) expect(rows).toBe(rowsAt[share]);
    expect(shares.at(-1)).toEqual(['100.0', '17,860']);
  });
});
