import { describe, expect, it } from 'vitest';
import { clockOfKey, localClock, localDateTime } from './time-labels.ts';

describe('time labels in the centre time zone', () => {
  it('refuses to depend on the machine zone', () => {
    // vite.config.ts runs tests with TZ=UTC; labels must come out in Asia/Almaty regardless.
    expect(process.env.TZ).toBe('UTC');
  });

  it('shows Almaty wall-clock time: UTC+6 before 2024-03-01, UTC+5 after', () => {
    // 2024-02-29T03:00Z = 09:00 at UTC+6; 2024-03-02T04:00Z = 09:00 at UTC+5.
    expect(localDateTime(Date.parse('2024-02-29T03:00:00Z'), 'Asia/Almaty')).toBe('2024-02-29 09:00:00');
    expect(localDateTime(Date.parse('2024-03-02T04:00:00Z'), 'Asia/Almaty')).toBe('2024-03-02 09:00:00');
  });

  it('crosses local midnight before UTC does', () => {
    // 2026-11-27T19:30Z is 00:30 on the 28th in Almaty (UTC+5).
    expect(localDateTime(Date.parse('2026-11-27T19:30:00Z'), 'Asia/Almaty')).toBe('2026-11-28 00:30:00');
    expect(localClock(Date.parse('2026-11-27T19:30:05Z'), 'Asia/Almaty')).toBe('00:30:05');
  });

  it('reads the clock of a local interval key', () => {
    expect(clockOfKey('2026-11-28T09:45')).toBe('09:45');
  });
});
