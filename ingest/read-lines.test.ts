import { describe, expect, it } from 'vitest';
import { readLineBatches, readLines, type RawLine, type ReadLinesOptions } from './read-lines.ts';

async function* chunksOf(...parts: (string | Buffer)[]) {
  for (const part of parts) yield typeof part === 'string' ? Buffer.from(part) : part;
}

async function batches(parts: (string | Buffer)[], options?: ReadLinesOptions): Promise<RawLine[][]> {
  const out: RawLine[][] = [];
  for await (const lines of readLineBatches(chunksOf(...parts), options)) out.push(lines);
  return out;
}

async function lines(parts: (string | Buffer)[], options?: ReadLinesOptions): Promise<RawLine[]> {
  const out: RawLine[] = [];
  for await (const line of readLines(chunksOf(...parts), options)) out.push(line);
  return out;
}

describe('readLineBatches', () => {
  it('gives the lines that end in each chunk, joining a line split across chunks', async () => {
    const got = await batches(['a|1\r\nb|', '2\nc', '|3\nd|4\n', 'e|5']);
    expect(got.map((b) => b.map((l) => l.text))).toEqual([['a|1'], ['b|2'], ['c|3', 'd|4'], ['e|5']]);
    expect(got.flat().map((l) => [l.line, l.end])).toEqual([
      [1, 5],
      [2, 9],
      [3, 13],
      [4, 17],
      [5, 20],
    ]);
  });

  it('decodes a character whose bytes a chunk boundary splits, and counts bytes, not characters', async () => {
    const text = Buffer.from('очередь|1\n');
    const got = await batches([text.subarray(0, 3), text.subarray(3)], { startByte: 100, startLine: 7 });
    expect(got.flat()).toEqual([{ line: 8, text: 'очередь|1', tooLong: false, end: 100 + text.length }]);
  });

  it('cuts a line over maxBytes, whole in one chunk or not, and holds back a partial last line', async () => {
    const long = 'x'.repeat(300);
    const got = (
      await batches([`${long}\nok\n${long.slice(0, 100)}`, `${long}\ntail`], { maxBytes: 256, holdPartial: true })
    ).flat();
    expect(got.map((l) => [l.text.length, l.tooLong])).toEqual([
      [200, true],
      [2, false],
      [200, true],
    ]);
  });

  it('gives readLines the same lines one by one', async () => {
    const parts = ['1|a\r\n2|', 'b\n\n3|c', '\n', '4|d'];
    expect(await lines(parts)).toEqual((await batches(parts)).flat());
  });
});
