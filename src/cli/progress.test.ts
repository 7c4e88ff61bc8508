import { describe, expect, it } from 'vitest';
import { Progress } from './progress.ts';

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
