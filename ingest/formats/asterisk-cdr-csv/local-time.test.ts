import { describe, expect, it } from 'vitest';
import { isValidTimeZone, parseWallClock } from './local-time.ts';

describe('parseWallClock', () => {
  it('reads UTC, fractions, explicit offsets', () => {
    expect(parseWallClock('2024-03-01 10:00:00', 'UTC')).toBe(Date.UTC(2024, 2, 1, 10));
    expect(parseWallClock('2024-03-01T10:00:00.123456', 'UTC')).toBe(Date.UTC(2024, 2, 1, 10, 0, 0, 123));
    expect(parseWallClock('2024-03-01 10:00:00+05:00', 'UTC')).toBe(Date.UTC(2024, 2, 1, 5));
    expect(parseWallClock('2024-03-01 10:00:00Z', 'Asia/Almaty')).toBe(Date.UTC(2024, 2, 1, 10));
  });
  it('reads local times, Almaty before and after its 2024-03-01 change to UTC+5', () => {
    expect(parseWallClock('2024-02-29 12:00:00', 'Asia/Almaty')).toBe(Date.UTC(2024, 1, 29, 6)); // UTC+6
    expect(parseWallClock('2024-03-01 12:00:00', 'Asia/Almaty')).toBe(Date.UTC(2024, 2, 1, 7)); // UTC+5
  });
  it('handles a DST zone on both sides of a change', () => {
    expect(parseWallClock('2024-03-31 01:30:00', 'Europe/Berlin')).toBe(Date.UTC(2024, 2, 31, 0, 30));
    expect(parseWallClock('2024-03-31 03:30:00', 'Europe/Berlin')).toBe(Date.UTC(2024, 2, 31, 1, 30));
  });
  it('refuses malformed or impossible dates and unknown zones', () => {
    for (const t of ['', '2024-13-01 00:00:00', '2024-02-30 00:00:00', '2024-03-01 24:00:00', '10:00 2024-03-01']) {
      expect(parseWallClock(t, 'UTC'), t).toBeNull();
    }
    expect(isValidTimeZone('Asia/Almaty')).toBe(true);
    expect(() => isValidTimeZone('Mars/Olympus')).not.toThrow();
  });
});
