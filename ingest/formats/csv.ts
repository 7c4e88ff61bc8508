/**
 * RFC 4180 CSV: fields separated by commas, optionally quoted with `"` (`""` inside quotes is one
 * quote); a quoted field may hold commas and line breaks, so one record can span lines.
 */

/** One field of a CSV record: its value and where it stands in the record's text (quotes included). */
export interface CsvSpan {
  start: number;
  end: number;
  value: string;
  quoted: boolean;
}

/** Splits one complete CSV record into fields with their places; null when its quotes are unbalanced. */
export function splitCsvSpans(text: string, delimiter = ','): CsvSpan[] | null {
  const spans: CsvSpan[] = [];
  let i = 0;
  const n = text.length;
  for (;;) {
    const start = i;
    if (i < n && text[i] === '"') {
      let value = '';
      i++;
      for (;;) {
        const q = text.indexOf('"', i);
        if (q < 0) return null;
        value += text.slice(i, q);
        if (text[q + 1] === '"') {
          value += '"';
          i = q + 2;
        } else {
          i = q + 1;
          break;
        }
      }
      spans.push({ start, end: i, value, quoted: true });
      if (i === n) return spans;
      if (text[i] !== delimiter) return null; // text after a closing quote
      i++;
    } else {
      const d = text.indexOf(delimiter, i);
      const end = d < 0 ? n : d;
      spans.push({ start, end, value: text.slice(start, end), quoted: false });
      if (d < 0) return spans;
      i = d + 1;
    }
  }
}

/** Splits one complete CSV record into fields; null when its quotes are unbalanced. */
export function splitCsvRecord(text: string, delimiter = ','): string[] | null {
  return splitCsvSpans(text, delimiter)?.map((span) => span.value) ?? null;
}

/** Quotes a field when it needs it. */
export function csvField(value: string): string {
  return /[",\r\n]/.test(value) ? `"${value.replace(/"/g, '""')}"` : value;
}

/**
 * Joins physical lines into CSV records: a record continues while a quote is open, over at most
 * `maxLines` lines. Feed lines in order; `push` returns the records a line completes: none while
 * one is still open, two when a record is still open on its `maxLines`-th line — then its lines
 * but the last are given up as they stand (a record cut short: its quote never closes), and the
 * last line starts afresh. A cut record thus takes no good line after it.
 */
export class CsvRecordJoiner {
  private pending: string | null = null;
  private startLine = 0;
  private quotes = 0;
  private lines = 0;

  constructor(private readonly maxLines = Infinity) {}

  push(line: number, text: string): { line: number; text: string }[] {
    const quotes = countQuotes(text);
    if (this.pending === null) {
      if (quotes % 2 === 0) return [{ line, text }];
      this.pending = text;
      this.startLine = line;
      this.quotes = quotes;
      this.lines = 1;
      return [];
    }
    if (this.lines + 1 >= this.maxLines && (this.quotes + quotes) % 2 === 1) {
      const cut = this.flush()!;
      return [cut, ...this.push(line, text)];
    }
    this.pending += `\n${text}`;
    this.quotes += quotes;
    this.lines++;
    if (this.quotes % 2 === 1) return [];
    return [this.flush()!];
  }

  /** What is left open at the end of input (a record whose quote never closed). */
  flush(): { line: number; text: string } | null {
    if (this.pending === null) return null;
    const record = { line: this.startLine, text: this.pending };
    this.pending = null;
    return record;
  }
}

function countQuotes(text: string): number {
  let count = 0;
  for (let i = text.indexOf('"'); i >= 0; i = text.indexOf('"', i + 1)) count++;
  return count;
}
