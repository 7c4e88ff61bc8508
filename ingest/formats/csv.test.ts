import { describe, expect, it } from 'vitest';
import { CsvRecordJoiner } from './csv.ts';

/** The records each line completes, line by line, then what the end of input leaves open. */
function join(lines: string[], maxLines?: number): { line: number; text: string }[][] {
  const joiner = new CsvRecordJoiner(maxLines);
  const out = lines.map((text, i) => joiner.push(i + 1, text));
  const open = joiner.flush();
  return open ? [...out, [open]] : out;
}

describe('CsvRecordJoiner', () => {
  it('joins the lines of a quoted field that holds a line break', () => {
    expect(join(['a,"one', 'two",b', 'c,d'])).toEqual([
      [],
      [{ line: 1, text: 'a,"one\ntwo",b' }],
      [{ line: 3, text: 'c,d' }],
    ]);
  });

  it('without a limit, a record cut short takes every line after it', () => {
    expect(join(['a,"cut', 'x,"y"', 'z,w'])).toEqual([[], [], [], [{ line: 1, text: 'a,"cut\nx,"y"\nz,w' }]]);
  });

  it('with at most 2 lines, gives up a record cut short at the next line, which is read on its own', () => {
    expect(join(['a,"cut', 'x,"y"', 'z,w'], 2)).toEqual([
      [],
      [
        { line: 1, text: 'a,"cut' },
        { line: 2, text: 'x,"y"' },
      ],
      [{ line: 3, text: 'z,w' }],
    ]);
    // Still one line break in a field.
    expect(join(['a,"one', 'two",b'], 2)).toEqual([[], [{ line: 1, text: 'a,"one\ntwo",b' }]]);
    // Two cut lines in a row balance each other's quote: one bad record of both; the next line is whole.
    expect(join(['a,"cut', 'b,"cut too', 'c'], 2)).toEqual([
      [],
      [{ line: 1, text: 'a,"cut\nb,"cut too' }],
      [{ line: 3, text: 'c' }],
    ]);
  });
});
