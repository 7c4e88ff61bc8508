/**
 * Agent events → worked days and productive time (DESIGN §9). Times are written with the
 * centre's offset: Asia/Almaty is UTC+5 since 2024-03-01 (UTC+6 before; research §4).
 */
import { describe, expect, it } from 'vitest';
import { workedTime, type AgentStateEvent } from './worked-time.ts';

const ev = (at: string, state: AgentStateEvent['state'], reason = ''): AgentStateEvent => ({
  atMs: Date.parse(at),
  state,
  reason,
});
const PAID = ['training', 'coaching'];
const H = 3600;

describe('workedTime', () => {
  it('a day with an unpaid lunch and a paid training', () => {
    // 09:00–18:00 = 9 h logged in; lunch 13:00–14:00 unpaid; training 15:00–16:00 paid → 8 h productive.
    const t = workedTime(
      [
        ev('2025-02-03T09:00+05:00', 'login'),
        ev('2025-02-03T13:00+05:00', 'pause', 'lunch'),
        ev('2025-02-03T14:00+05:00', 'unpause'),
        ev('2025-02-03T15:00+05:00', 'pause', 'training'),
        ev('2025-02-03T16:00+05:00', 'unpause'),
        ev('2025-02-03T18:00+05:00', 'logout'),
      ],
      '2025-02',
      { paidPauseReasons: PAID },
    );
    expect(t).toEqual({
      worked_days: 1,
      worked_dates: ['2025-02-03'],
      productive_seconds: 8 * H,
      logged_in_seconds: 9 * H,
      source: 'agent_events',
      days: [
        {
          date: '2025-02-03',
          logged_in_seconds: 9 * H,
          paid_pause_seconds: H,
          unpaid_pause_seconds: H,
          productive_seconds: 8 * H,
        },
      ],
    });
  });

  it('a session without logout closes at the end of its local day', () => {
    // Login 09:00 on 3 Feb, next login 09:00 on 4 Feb: the first closes at local midnight (15 h).
    const t = workedTime(
      [
        ev('2025-02-03T09:00+05:00', 'login'),
        ev('2025-02-04T09:00+05:00', 'login'),
        ev('2025-02-04T17:00+05:00', 'logout'),
      ],
      '2025-02',
      { paidPauseReasons: PAID },
    );
    expect(t.days.map((d) => [d.date, d.logged_in_seconds])).toEqual([
      ['2025-02-03', 15 * H],
      ['2025-02-04', 8 * H],
    ]);
  });

  it('a session without logout closes at the next login the same day', () => {
    // 09:00 login, 11:00 login again (2 h), logout 18:00 (7 h): 9 h, one worked day.
    const t = workedTime(
      [
        ev('2025-02-03T09:00+05:00', 'login'),
        ev('2025-02-03T11:00+05:00', 'login'),
        ev('2025-02-03T18:00+05:00', 'logout'),
      ],
      '2025-02',
      { paidPauseReasons: PAID },
    );
    expect([t.worked_days, t.logged_in_seconds]).toEqual([1, 9 * H]);
  });

  it('a pause without unpause ends with its session; a new pause changes the reason', () => {
    // 09:00–18:00; lunch 12:00–12:30 (ended by a training pause), training 12:30–13:00, break 17:00 → logout.
    // Unpaid: 30 min lunch + 60 min break = 1.5 h; productive = 9 − 1.5 = 7.5 h.
    const t = workedTime(
      [
        ev('2025-02-03T09:00+05:00', 'login'),
        ev('2025-02-03T12:00+05:00', 'pause', 'lunch'),
        ev('2025-02-03T12:30+05:00', 'pause', 'training'),
        ev('2025-02-03T13:00+05:00', 'unpause'),
        ev('2025-02-03T17:00+05:00', 'pause', 'break'),
        ev('2025-02-03T18:00+05:00', 'logout'),
      ],
      '2025-02',
      { paidPauseReasons: PAID },
    );
    expect(t.days[0]).toMatchObject({
      paid_pause_seconds: 0.5 * H,
      unpaid_pause_seconds: 1.5 * H,
      productive_seconds: 7.5 * H,
    });
  });

  it('a pause left open in a session without logout ends at local midnight', () => {
    // Login 20:00, pause 22:00 (no unpause, no logout): session and pause end at 24:00 → 2 h productive.
    const t = workedTime(
      [ev('2025-02-03T20:00+05:00', 'login'), ev('2025-02-03T22:00+05:00', 'pause', 'break')],
      '2025-02',
      {
        paidPauseReasons: PAID,
      },
    );
    expect([t.logged_in_seconds, t.productive_seconds]).toEqual([4 * H, 2 * H]);
  });

  it('a session crossing local midnight counts on both dates', () => {
    // 22:00 on 3 Feb to 02:00 on 4 Feb: 2 h each, two worked days.
    const t = workedTime([ev('2025-02-03T22:00+05:00', 'login'), ev('2025-02-04T02:00+05:00', 'logout')], '2025-02', {
      paidPauseReasons: PAID,
    });
    expect(t.days.map((d) => [d.date, d.productive_seconds])).toEqual([
      ['2025-02-03', 2 * H],
      ['2025-02-04', 2 * H],
    ]);
  });

  it('dates are local: 20:00 UTC is the next day in Almaty', () => {
    const t = workedTime([ev('2025-02-03T20:00Z', 'login'), ev('2025-02-03T22:00Z', 'logout')], '2025-02', {
      paidPauseReasons: PAID,
    });
    expect(t.worked_dates).toEqual(['2025-02-04']);
    const utc = workedTime([ev('2025-02-03T20:00Z', 'login'), ev('2025-02-03T22:00Z', 'logout')], '2025-02', {
      paidPauseReasons: PAID,
      timeZone: 'UTC',
    });
    expect(utc.worked_dates).toEqual(['2025-02-03']);
  });

  it('a session crossing into the month counts only its part inside the month', () => {
    const events = [ev('2025-01-31T22:00+05:00', 'login'), ev('2025-02-01T02:00+05:00', 'logout')];
    expect(workedTime(events, '2025-02', { paidPauseReasons: PAID }).days).toEqual([
      {
        date: '2025-02-01',
        logged_in_seconds: 2 * H,
        paid_pause_seconds: 0,
        unpaid_pause_seconds: 0,
        productive_seconds: 2 * H,
      },
    ]);
    expect(workedTime(events, '2025-01', { paidPauseReasons: PAID }).worked_dates).toEqual(['2025-01-31']);
  });

  it('the 25-hour local day of 29 Feb 2024 (Almaty moved from UTC+6 to UTC+5 at midnight)', () => {
    // Login 09:00+06:00 without logout closes at 00:00+05:00 on 1 Mar: 03:00Z → 19:00Z = 16 h.
    const t = workedTime([ev('2024-02-29T09:00+06:00', 'login')], '2024-02', { paidPauseReasons: PAID });
    expect(t.logged_in_seconds).toBe(16 * H);
  });

  it('ignores logouts, pauses and unpauses outside a session, and sorts its input', () => {
    const t = workedTime(
      [
        ev('2025-02-03T18:00+05:00', 'logout'),
        ev('2025-02-03T07:00+05:00', 'logout'),
        ev('2025-02-03T08:00+05:00', 'pause', 'lunch'),
        ev('2025-02-03T08:30+05:00', 'unpause'),
        ev('2025-02-03T09:00+05:00', 'login'),
        ev('2025-02-03T19:00+05:00', 'pause', 'lunch'),
      ],
      '2025-02',
      { paidPauseReasons: PAID },
    );
    expect([t.logged_in_seconds, t.productive_seconds]).toEqual([9 * H, 9 * H]);
  });

  it('keeps milliseconds', () => {
    const t = workedTime(
      [ev('2025-02-03T09:00:00.000+05:00', 'login'), ev('2025-02-03T09:00:01.234+05:00', 'logout')],
      '2025-02',
      {
        paidPauseReasons: PAID,
      },
    );
    expect(t.productive_seconds).toBe(1.234);
  });

  it('no agent events in the month: the dates of handled calls, no productive time', () => {
    const t = workedTime([ev('2025-01-20T09:00+05:00', 'login'), ev('2025-01-20T18:00+05:00', 'logout')], '2025-02', {
      paidPauseReasons: PAID,
      handledCallDates: ['2025-02-05', '2025-02-03', '2025-02-05', '2025-03-01'],
    });
    expect(t).toEqual({
      worked_days: 2,
      worked_dates: ['2025-02-03', '2025-02-05'],
      productive_seconds: 0,
      logged_in_seconds: 0,
      source: 'handled_calls',
      days: [],
    });
  });

  it('events only outside sessions still count as agent events: no worked days', () => {
    const t = workedTime([ev('2025-02-03T18:00+05:00', 'logout')], '2025-02', {
      paidPauseReasons: PAID,
      handledCallDates: ['2025-02-03'],
    });
    expect([t.source, t.worked_days]).toEqual(['agent_events', 0]);
  });

  it('rejects an unknown time zone and a bad month', () => {
    expect(() => workedTime([], '2025-02', { paidPauseReasons: [], timeZone: 'Mars/Olympus' })).toThrow(RangeError);
    expect(() => workedTime([], '2025-2', { paidPauseReasons: [] })).toThrow(RangeError);
  });
});
