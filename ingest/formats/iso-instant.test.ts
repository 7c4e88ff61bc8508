/**
 * parseIsoInstant reads the canonical `YYYY-MM-DDThh:mm:ss[.fff]Z` form without a regex: it must
 * give what the JavaScript date parser gives for every such text, and null exactly for the texts
 * that do not name a real instant (the oracle: Date.parse, whose result must print back as the
 * same text, since Date.parse rolls e.g. 02-30 over into March or refuses it).
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseIsoInstant } from './time.ts';

const pad = (n: number, width: number) => String(n).padStart(width, '0');

/** Fields a little beyond their valid ranges, so that impossible instants come up often. */
const canonicalText = fc
  .record({
    year: fc.integer({ min: 1900, max: 2200 }),
    month: fc.integer({ min: 0, max: 13 }),
    day: fc.integer({ min: 0, max: 32 }),
    hour: fc.integer({ min: 0, max: 24 }),
    minute: fc.integer({ min: 0, max: 60 }),
    second: fc.integer({ min: 0, max: 60 }),
    ms: fc.option(fc.integer({ min: 0, max: 999 })),
  })
  .map(
    ({ year, month, day, hour, minute, second, ms }) =>
      `${pad(year, 4)}-${pad(month, 2)}-${pad(day, 2)}T${pad(hour, 2)}:${pad(minute, 2)}:${pad(second, 2)}` +
      `${ms === null ? '' : `.${pad(ms, 3)}`}Z`,
  );

function oracle(text: string): number | null {
  const ms = Date.parse(text);
  if (Number.isNaN(ms)) return null;
  const full = text.length === 20 ? `${text.slice(0, 19)}.000Z` : text;
  return new Date(ms).toISOString() === full ? ms : null;
}

describe('parseIsoInstant, canonical UTC form', () => {
  it('agrees with the date parser on every text, real instant or not', () => {
    fc.assert(
      fc.property(canonicalText, (text) => {
        expect(parseIsoInstant(text)).toBe(oracle(text));
      }),
      { numRuns: 20_000, seed: 1414 },
    );
  });

  it('knows leap days and month ends', () => {
    expect(parseIsoInstant('2024-02-29T12:00:00Z')).toBe(Date.UTC(2024, 1, 29, 12));
    expect(parseIsoInstant('2026-02-29T12:00:00Z')).toBeNull();
    expect(parseIsoInstant('2000-02-29T00:00:00.001Z')).toBe(Date.UTC(2000, 1, 29, 0, 0, 0, 1));
    expect(parseIsoInstant('2100-02-29T00:00:00Z')).toBeNull();
    expect(parseIsoInstant('2026-04-31T00:00:00Z')).toBeNull();
    expect(parseIsoInstant('2026-12-31T23:59:59.999Z')).toBe(Date.UTC(2026, 11, 31, 23, 59, 59, 999));
  });

  it('leaves other forms to the general reader', () => {
    // An offset, a space, another fraction length, a lowercase z, spaces around.
    expect(parseIsoInstant('2026-09-01T05:00:00+05:00')).toBe(Date.UTC(2026, 8, 1, 0));
    expect(parseIsoInstant('2026-09-01 00:00:00Z')).toBe(Date.UTC(2026, 8, 1, 0));
    expect(parseIsoInstant('2026-09-01T00:00:00.5Z')).toBe(Date.UTC(2026, 8, 1, 0, 0, 0, 500));
    expect(parseIsoInstant('2026-09-01T00:00:00z')).toBe(Date.UTC(2026, 8, 1, 0));
    expect(parseIsoInstant(' 2026-09-01T00:00:00Z ')).toBe(Date.UTC(2026, 8, 1, 0));
    expect(parseIsoInstant('2026-09-01T00:0a:00Z')).toBeNull();
  });
});
