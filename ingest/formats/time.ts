/**
 * Instants in input files: ISO-8601 with an offset (`Z`, `+05:00`, `+0500`) or epoch seconds
 * (a number or a numeric string, fractions allowed), kept to the millisecond.
 */

const ISO = /^(\d{4})-(\d{2})-(\d{2})[T ](\d{2}):(\d{2})(?::(\d{2})(?:[.,](\d{1,9}))?)?\s*(Z|z|[+-]\d{2}(?::?\d{2})?)$/;
const EPOCH = /^[+-]?\d+(\.\d+)?$/;

/** Instants before 2000 or after 2100 are refused as impossible for this product. */
export const MIN_INSTANT_MS = Date.UTC(2000, 0, 1);
export const MAX_INSTANT_MS = Date.UTC(2100, 0, 1);

/** Epoch ms of an ISO-8601 instant with offset; null when malformed or not a real date. */
export function parseIsoInstant(text: string): number | null {
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
