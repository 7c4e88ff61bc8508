/**
 * Instants in input files: ISO-8601 with an offset (`Z`, `+05:00`, `+0500`) or epoch seconds
 * (a number or a numeric string, fractions allowed), kept to the millisecond.
 */

const ISO = /^(\d{4})-(\d{2})-(\d{2})[T ](\d{2}):(\d{2})(?::(\d{2})(?:[.,](\d{1,9}))?)?\s*(Z|z|[+-]\d{2}(?::?\d{2})?)$/;
const EPOCH = /^[+-]?\d+(\.\d+)?$/;

/** Instants before 2000 or after 2100 are refused as impossible for this product. */
export const MIN_INSTANT_MS = Date.UTC(2000, 0, 1);
export const MAX_INSTANT_MS = Date.UTC(2100, 0, 1);

/** The number written by the `n` digits at `text[i]`, or -1 if one of them is not a digit. */
function digitsAt(text: string, i: number, n: number): number {
  let value = 0;
  for (const end = i + n; i < end; i++) {
    const d = text.charCodeAt(i) - 48;
    if (d < 0 || d > 9) return -1;
    value = value * 10 + d;
  }
  return value;
}

const DAYS_IN_MONTH = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];
const isLeap = (year: number) => (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;

/**
 * Epoch ms of `YYYY-MM-DDThh:mm:ss[.fff]Z` (the form toISOString writes, and most senders),
 * null when it is that form but not a real instant, undefined when it is another form. Every
 * row of an NDJSON file carries two or three instants: this reads them without a regex, a
 * match array and a Date (parseIsoInstant takes the other forms; iso-instant.test.ts checks
 * that both give the same answer).
 */
function canonicalUtcInstant(text: string): number | null | undefined {
  const n = text.length;
  if ((n !== 20 && n !== 24) || text.charCodeAt(n - 1) !== 90 /* Z */) return undefined;
  if (
    text.charCodeAt(4) !== 45 ||
    text.charCodeAt(7) !== 45 ||
    text.charCodeAt(10) !== 84 ||
    text.charCodeAt(13) !== 58 ||
    text.charCodeAt(16) !== 58 ||
    (n === 24 && text.charCodeAt(19) !== 46)
  ) {
    return undefined;
  }
  const year = digitsAt(text, 0, 4);
  const month = digitsAt(text, 5, 2);
  const day = digitsAt(text, 8, 2);
  const hour = digitsAt(text, 11, 2);
  const minute = digitsAt(text, 14, 2);
  const second = digitsAt(text, 17, 2);
  const ms = n === 24 ? digitsAt(text, 20, 3) : 0;
  if (year < 0 || month < 0 || day < 0 || hour < 0 || minute < 0 || second < 0 || ms < 0) return undefined;
  if (month < 1 || month > 12 || day < 1 || hour > 23 || minute > 59 || second > 59) return null;
  if (day > DAYS_IN_MONTH[month - 1] + (month === 2 && isLeap(year) ? 1 : 0)) return null;
  return Date.UTC(year, month - 1, day, hour, minute, second, ms);
}

/** Epoch ms of an ISO-8601 instant with offset; null when malformed or not a real date. */
export function parseIsoInstant(text: string): number | null {
  const canonical = canonicalUtcInstant(text);
  if (canonical !== undefined) return canonical;
  const m = ISO.exec(text.trim());
  if (!m) return null;
  const [, y, mo, d, h, mi, s = '0', frac = '0', zone] = m;
  const year = Number(y);
  const month = Number(mo);
  const day = Number(d);
  const hour = Number(h);
  const minute = Number(mi);
  const second = Number(s);
  if (month < 1 || month > 12 || hour > 23 || minute > 59 || second > 59) return null;
  const dayStart = Date.UTC(year, month - 1, day);
  if (new Date(dayStart).getUTCDate() !== day) return null; // e.g. 2026-02-30
  const ms = Math.floor(Number(`0.${frac}`) * 1000 + 1e-6);
  let offsetMinutes = 0;
  if (zone !== 'Z' && zone !== 'z') {
    const sign = zone[0] === '-' ? -1 : 1;
    const digits = zone.slice(1).replace(':', '');
    const oh = Number(digits.slice(0, 2));
    const om = Number(digits.slice(2) || '0');
    if (oh > 14 || om > 59) return null;
    offsetMinutes = sign * (oh * 60 + om);
  }
  return dayStart + ((hour * 60 + minute - offsetMinutes) * 60 + second) * 1000 + ms;
}

/**
 * Epoch ms of an input instant (ISO-8601 with offset, or epoch seconds), or an error message.
 */
export function parseInstant(value: unknown): number | string {
  let ms: number | null = null;
  if (typeof value === 'number') {
    ms = Number.isFinite(value) ? Math.round(value * 1000) : null;
  } else if (typeof value === 'string') {
    const text = value.trim();
    ms = EPOCH.test(text) ? Math.round(Number(text) * 1000) : parseIsoInstant(text);
  } else {
    return `expected an ISO-8601 time with offset or epoch seconds, got ${JSON.stringify(value)}`;
  }
  if (ms === null) return `expected an ISO-8601 time with offset or epoch seconds, got ${JSON.stringify(value)}`;
  if (ms < MIN_INSTANT_MS || ms >= MAX_INSTANT_MS) return `time ${JSON.stringify(value)} is outside 2000–2099`;
  return ms;
}

/** 'YYYY-MM-DD hh:mm:ss.sss' in UTC: how instants are written to ClickHouse. */
export function toClickHouseTime(ms: number): string {
  const iso = new Date(ms).toISOString();
  return `${iso.slice(0, 10)} ${iso.slice(11, 23)}`;
}

/** Epoch ms of a ClickHouse 'YYYY-MM-DD hh:mm:ss[.sss]' UTC time. */
export function fromClickHouseTime(text: string): number {
  return Date.parse(`${text.replace(' ', 'T')}Z`);
}
