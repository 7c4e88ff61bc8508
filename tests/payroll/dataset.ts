/**
 * A hand-made month for the payroll tests: January 2025 in Asia/Almaty (UTC+5), a month with
 * public holidays (1, 2 and 7 January) and a government transfer (Friday 3 January off, Sunday
 * 5 January a working day): 23 weekdays − 1, 2, 3, 7 January + 5 January = 20 working days.
 *
 * Rule set (PAY_CONFIG, from 2025-01-01): daily norm 2 calls, guaranteed 100 000 tiyn, 1 000 tiyn a
 * call above the norm, minimum 30 000 tiyn; the other values are DESIGN §8's defaults (hours ratio
 * 1, rating ≥ 4.75 from 10 ratings, AHT ≤ 300 s, training and coaching are paid pauses).
 *
 * Five operators, each testing something (the expected pay is worked out in facts.test.ts):
 * - op-full: 40 h, every working day 09–17 with a paid 1 h training pause — exactly at the hours
 *   norm, AHT exactly 300 s, 20 ratings averaging exactly 4.75 (one call re-rated: latest wins).
 * - op-part: 20 h a week, 4 h a day (31 Jan: a login with no logout runs to midnight), exactly at
 *   the call norm, 9 ratings (gate not applied).
 * - op-mid: hired Monday 20 January, 8 of its 10 working days, a pause with no unpause.
 * - op-none: no agent events and no agent row: worked days are the dates of its handled calls.
 * - op-e: 30 h a week, a session crossing midnight into 1 January, ratings given to it by
 *   agent_id on other operators' calls, guaranteed pay rounded half up.
 */
import { ndjson } from '../kpi/harness.ts';

type Row = Record<string, unknown>;

export const MONTH = '2025-01';

export const PAY_CONFIG = {
  pay: {
    full_time_hours_week: 40,
    rules: [
      { from: '2025-01-01', daily_norm_calls: 2, guaranteed_tiyn: 100_000, per_call_tiyn: 1_000, min_pay_tiyn: 30_000 },
    ],
  },
};

/** The 20 working dates of January 2025 (5 January is the transferred working Sunday). */
export const WORKING_DATES = [
  '2025-01-05',
  '2025-01-06',
  '2025-01-08',
  '2025-01-09',
  '2025-01-10',
  '2025-01-13',
  '2025-01-14',
  '2025-01-15',
  '2025-01-16',
  '2025-01-17',
  '2025-01-20',
  '2025-01-21',
  '2025-01-22',
  '2025-01-23',
  '2025-01-24',
  '2025-01-27',
  '2025-01-28',
  '2025-01-29',
  '2025-01-30',
  '2025-01-31',
];

/** A local Almaty time as ISO-8601 with its offset. */
export const at = (date: string, time: string) => `${date}T${time}+05:00`;

const plusSeconds = (iso: string, s: number) => new Date(Date.parse(iso) + s * 1000).toISOString();

/** An answered single-visit call of `agent` entered at `enteredAt` with talk/hold/wrap seconds. */
export function call(
  id: string,
  agent: string,
  enteredAt: string,
  talk: number,
  hold = 0,
  wrap = 0,
  extra: Row = {},
): Row {
  return {
    call_id: id,
    queue: '1414-ru',
    entered_at: enteredAt,
    answered_at: plusSeconds(enteredAt, 5),
    ended_at: plusSeconds(enteredAt, 5 + talk + hold),
    agent_id: agent,
    talk_s: talk,
    hold_s: hold,
    wrap_s: wrap,
    ...extra,
  };
}

export function rating(callId: string, score: number, ratedAt: string, agent = ''): Row {
  return { call_id: callId, score, rated_at: ratedAt, agent_id: agent };
}

function session(agent: string, date: string, from: string, to: string): Row[] {
  return [
    { agent_id: agent, at: at(date, from), state: 'login', reason: '' },
    { agent_id: agent, at: at(date, to), state: 'logout', reason: '' },
  ];
}

const pad = (n: number) => String(n).padStart(2, '0');

export function dataset(): { calls: Row[]; ratings: Row[]; events: Row[]; agents: Row[] } {
  const calls: Row[] = [];
  const ratings: Row[] = [];
  const events: Row[] = [];

  // op-full: 45 calls of 280 + 10 + 10 = 300 s, spread over the working days.
  for (let i = 1; i <= 45; i++)
    calls.push(call(`a${pad(i)}`, 'op-full', at(WORKING_DATES[i % 20], `10:${pad(i)}:00`), 280, 10, 10));
  // Not handled: an unanswered visit and an answered call-back (DESIGN §5: neither is "answered").
  calls.push({
    call_id: 'a-lost',
    queue: '1414-ru',
    entered_at: at('2025-01-09', '11:00:00'),
    ended_at: at('2025-01-09', '11:01:00'),
    agent_id: 'op-full',
  });
  calls.push(call('a-cb', 'op-full', at('2025-01-09', '12:00:00'), 60, 0, 0, { callback: true }));
  for (const d of WORKING_DATES) events.push(...session('op-full', d, '09:00:00', '17:00:00'));
  events.push({ agent_id: 'op-full', at: at('2025-01-08', '10:00:00'), state: 'pause', reason: 'training' });
  events.push({ agent_id: 'op-full', at: at('2025-01-08', '11:00:00'), state: 'unpause', reason: '' });
  // a01 rated 3, then re-rated 5 (the latest wins); a02–a15 rated 5, a16–a20 rated 4.
  ratings.push(rating('a01', 3, at('2025-01-10', '12:00:00')), rating('a01', 5, at('2025-01-11', '12:00:00')));
  for (let i = 2; i <= 20; i++)
    ratings.push(rating(`a${pad(i)}`, i <= 15 ? 5 : 4, at('2025-01-20', `12:${pad(i)}:00`)));
  // a22 rated at 00:30 local on 1 February (still 31 January in UTC): not a January rating.
  ratings.push(rating('a22', 1, at('2025-02-01', '00:30:00')));

  // op-part: 20 calls of 200 s; 4 h a day; on 31 January a login at 20:00 with no logout.
  for (let i = 1; i <= 20; i++) calls.push(call(`b${pad(i)}`, 'op-part', at(WORKING_DATES[i - 1], '10:00:00'), 200));
  for (const d of WORKING_DATES.slice(0, 19)) events.push(...session('op-part', d, '09:00:00', '13:00:00'));
  events.push({ agent_id: 'op-part', at: at('2025-01-31', '20:00:00'), state: 'login', reason: '' });
  for (let i = 1; i <= 8; i++) ratings.push(rating(`b${pad(i)}`, 3, at('2025-01-21', `15:${pad(i)}:00`)));
  ratings.push(rating('a21', 3, at('2025-01-21', '16:00:00'), 'op-part')); // on op-full's call, given to op-part

  // op-mid: hired 20 January; 12 calls of 250 s; 8 days of 8 h; 20 Jan a pause with no unpause.
  const midDates = [
    '2025-01-20',
    '2025-01-21',
    '2025-01-22',
    '2025-01-23',
    '2025-01-27',
    '2025-01-28',
    '2025-01-29',
    '2025-01-30',
  ];
  for (let i = 1; i <= 12; i++) calls.push(call(`c${pad(i)}`, 'op-mid', at(midDates[i % 8], `11:${pad(i)}:00`), 250));
  for (const d of midDates) events.push(...session('op-mid', d, '09:00:00', '17:00:00'));
  events.push({ agent_id: 'op-mid', at: at('2025-01-20', '16:00:00'), state: 'pause', reason: 'lunch' });
  for (let i = 1; i <= 10; i++) ratings.push(rating(`c${pad(i)}`, i <= 7 ? 5 : 4, at('2025-01-30', `18:${pad(i)}:00`)));

  // op-none: 7 calls of 400 s on 13 (one at 00:10 local, 12 January in UTC), 14 and 15 January.
  const noneTimes = [
    at('2025-01-13', '00:10:00'),
    at('2025-01-13', '10:00:00'),
    at('2025-01-14', '10:00:00'),
    at('2025-01-14', '11:00:00'),
  ];
  noneTimes.push(at('2025-01-15', '10:00:00'), at('2025-01-15', '11:00:00'), at('2025-01-15', '12:00:00'));
  noneTimes.forEach((t, i) => calls.push(call(`d${i + 1}`, 'op-none', t, 400)));

  // op-e: 5 calls of 100 s; a session 31 Dec 23:00 → 1 Jan 01:00; 6 days 09–15 with a 30 min lunch.
  for (let i = 1; i <= 5; i++) calls.push(call(`e${i}`, 'op-e', at('2025-01-09', `13:0${i}:00`), 100));
  events.push({ agent_id: 'op-e', at: at('2024-12-31', '23:00:00'), state: 'login', reason: '' });
  events.push({ agent_id: 'op-e', at: at('2025-01-01', '01:00:00'), state: 'logout', reason: '' });
  for (const d of ['2025-01-06', '2025-01-08', '2025-01-09', '2025-01-10', '2025-01-13', '2025-01-14']) {
    events.push(...session('op-e', d, '09:00:00', '15:00:00'));
  }
  events.push({ agent_id: 'op-e', at: at('2025-01-06', '12:00:00'), state: 'pause', reason: 'lunch' });
  events.push({ agent_id: 'op-e', at: at('2025-01-06', '12:30:00'), state: 'unpause', reason: '' });
  // 10 ratings on op-full's calls a23–a32 given to op-e by agent_id: 8 × 5 + 2 × 4 = 48.
  for (let i = 23; i <= 32; i++)
    ratings.push(rating(`a${pad(i)}`, i <= 30 ? 5 : 4, at('2025-01-15', `09:${pad(i)}:00`), 'op-e'));

  const agents: Row[] = [
    { agent_id: 'op-full', name: 'Full Time', site: 'Astana', contract_hours_week: 40, hired_at: '2024-06-01' },
    { agent_id: 'op-part', name: 'Part Time', site: 'Taraz', contract_hours_week: 20 },
    { agent_id: 'op-mid', name: 'Mid Month', site: 'Astana', contract_hours_week: 40, hired_at: '2025-01-20' },
    { agent_id: 'op-e', name: 'Crossing Midnight', site: 'Shymkent', contract_hours_week: 30 },
  ];
  return { calls, ratings, events, agents };
}

export { ndjson };
