import { describe, expect, it } from 'vitest';
import { TsvBuffer } from './bulk-insert.ts';

function bufferOf(lines: string[]): TsvBuffer {
  const tsv = new TsvBuffer();
  for (const line of lines) tsv.append(line);
  return tsv;
}

describe('TsvBuffer', () => {
  const lines = ['a\t1', 'очередь\t2', 'c\t3', 'd\t4', '😀\t5'];

  it('holds the lines as UTF-8, each ended by a newline', () => {
    const tsv = bufferOf(lines);
    expect(tsv.lines).toBe(5);
    expect(tsv.kept(lines.map(() => true)).toString('utf8')).toBe(`${lines.join('\n')}\n`);
  });

  it.each([
    [[false, true, true, true, true]],
    [[true, false, false, true, false]],
    [[false, true, false, true, false]],
    [[true, true, true, true, false]],
    [[false, false, false, false, false]],
  ])('keeps only the lines asked for, in order (%j)', (keep) => {
    const expected = lines.filter((_, i) => keep[i]).map((line) => `${line}\n`);
    expect(bufferOf(lines).kept(keep).toString('utf8')).toBe(expected.join(''));
  });

  it('grows past its first allocation', () => {
    const many = Array.from({ length: 5000 }, (_, i) => `${i}\t${'ж'.repeat(i % 50)}`);
    const tsv = bufferOf(many);
    expect(tsv.kept(many.map((_, i) => i % 7 !== 0)).toString('utf8')).toBe(
      many
        .filter((_, i) => i % 7 !== 0)
        .map((line) => `${line}\n`)
        .join(''),
    );
  });
});
