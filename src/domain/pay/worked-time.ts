/**
 * Worked days and productive time of one operator's month from agent events (DESIGN §9):
 * - a session runs from a login to its logout; a session with no logout closes at the next
 *   login or at the end of its local day, whichever comes first (a session whose logout comes
 *   after midnight runs to that logout, split across the two dates);
 * - a pause runs to its unpause, to the next pause (a change of reason) or to the end of its
 *   session; pauses, unpauses and logouts outside a session are ignored;
 * - productive = logged-in time minus pauses whose reason is not in `paid_pause_reasons`;
 * - worked days = local dates of the month with logged-in time; an operator with no agent event
 *   in the month gets the dates of its handled calls instead (and no productive time).
 *
 * Local dates are in the centre's IANA time zone via `@date-fns/tz`. Time is counted in whole
 * milliseconds, so the seconds returned are exact to the millisecond. Pass events from at least
 * the day before the month, so that a session crossing into the month starts at its login.
 */
import { TZDate } from '@date-fns/tz';
import type { AgentEvent } from '../events.ts';
import { addDays, dayNumber, monthBounds } from '../calendar/iso-date.ts';

export type AgentStateEvent = Pick<AgentEvent, 'atMs' | 'state' | 'reason'>;

export interface WorkedTimeOptions {
  /** IANA zone of the centre; default 'Asia/Almaty'. */
  timeZone?: string;
  paidPauseReasons: readonly string[];
  /** Local dates 'YYYY-MM-DD' with a handled call: the worked days when there is no agent event. */
  handledCallDates?: readonly string[];
}

export interface WorkedDay {
  date: string;
  logged_in_seconds: number;
  paid_pause_seconds: number;
  unpaid_pause_seconds: number;
  productive_seconds: number;
}

export interface WorkedTime {
  worked_days: number;
  /** Worked dates in order. */
  worked_dates: string[];
  productive_seconds: number;
  logged_in_seconds: number;
  source: 'agent_events' | 'handled_calls';
  /** Days of the month with logged-in time, in order (empty for 'handled_calls'). */
  days: WorkedDay[];
}

interface Interval {
  start: number;
  end: number;
  reason?: string;
}

function localDateSlow(ms: number, tz: string): string {
  const d = new TZDate(ms, tz);
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}`;
}

function startOfLocalDaySlow(date: string, tz: string): number {
  const [y, m, d] = date.split('-').map(Number);
  return new TZDate(y, m - 1, d, tz).getTime();
}

/**
 * Local dates and midnights in a zone. The midnights from two days before the month to two days
 * after it are computed once (TZDate is slow: ~100 µs per call), others on demand.
 */
class LocalDays {
  private readonly dates: string[] = [];
  private readonly starts: number[] = [];
  constructor(
    readonly tz: string,
    first: string,
    last: string,
  ) {
    for (let d = addDays(first, -2); d <= addDays(last, 3); d = addDays(d, 1)) {
      this.dates.push(d);
      this.starts.push(startOfLocalDaySlow(d, tz));
    }
  }

  /** Index into the precomputed days of the day holding `ms`, or -1 outside them. */
  private indexOf(ms: number): number {
    const s = this.starts;
    if (ms < s[0] || ms >= s[s.length - 1]) return -1;
    let lo = 0;
    let hi = s.length - 1; // s[lo] <= ms < s[hi]
    while (hi - lo > 1) {
      const mid = (lo + hi) >> 1;
      if (s[mid] <= ms) lo = mid;
      else hi = mid;
    }
    return lo;
  }

  /** The local date of `ms` and the midnight that ends it. */
  dayOf(ms: number): { date: string; end: number } {
    const i = this.indexOf(ms);
    if (i >= 0) return { date: this.dates[i], end: this.starts[i + 1] };
    const date = localDateSlow(ms, this.tz);
    return { date, end: startOfLocalDaySlow(addDays(date, 1), this.tz) };
  }

  startOf(date: string): number {
    const i = dayNumber(date) - dayNumber(this.dates[0]);
    return i >= 0 && i < this.dates.length ? this.starts[i] : startOfLocalDaySlow(date, this.tz);
  }
}

/** One month's local days per zone, shared by the operators of a payroll run. */
const localDaysCache = new Map<string, LocalDays>();

/** Sessions and pauses as instants, by the rules in the module comment. */
function sessionsOf(events: readonly AgentStateEvent[], days: LocalDays): { sessions: Interval[]; pauses: Interval[] } {
  const sorted = events.map((e, i) => ({ e, i })).sort((a, b) => a.e.atMs - b.e.atMs || a.i - b.i);
  const sessions: Interval[] = [];
  const pauses: Interval[] = [];
  let session: { start: number; dayEnd: number; events: AgentStateEvent[] } | null = null;

  const close = (end: number) => {
    if (!session) return;
    let open: { start: number; reason: string } | null = null;
    for (const e of session.events) {
      if (e.atMs > end) break;
      if (open && (e.state === 'unpause' || e.state === 'pause'))
        pauses.push({ start: open.start, end: e.atMs, reason: open.reason });
      if (e.state === 'pause') open = { start: e.atMs, reason: e.reason };
      else if (e.state === 'unpause') open = null;
    }
    if (open) pauses.push({ start: open.start, end, reason: open.reason });
    sessions.push({ start: session.start, end });
    session = null;
  };

  for (const { e } of sorted) {
    if (!Number.isFinite(e.atMs)) throw new RangeError(`agent event at a bad time: ${e.atMs}`);
    if (e.state === 'login') {
      if (session) close(Math.min(e.atMs, session.dayEnd)); // no logout: next login or end of day
      const dayEnd = days.dayOf(e.atMs).end;
      session = { start: e.atMs, dayEnd, events: [] };
    } else if (e.state === 'logout') {
      close(e.atMs);
    } else if (session) {
      session.events.push(e);
    }
  }
  if (session) close((session as { dayEnd: number }).dayEnd);
  return { sessions, pauses };
}

/** Adds an interval's milliseconds to its local dates, clipped to [from, to). */
function spread(iv: Interval, from: number, to: number, days: LocalDays, add: (date: string, ms: number) => void) {
  let a = Math.max(iv.start, from);
  const b = Math.min(iv.end, to);
  while (a < b) {
    const { date, end } = days.dayOf(a);
    const next = Math.min(b, end);
    add(date, next - a);
    a = next;
  }
}

/**
 * @example workedTime([{ atMs: Date.parse('2025-02-03T09:00+05:00'), state: 'login', reason: '' },
 *   { atMs: Date.parse('2025-02-03T18:00+05:00'), state: 'logout', reason: '' }], '2025-02',
 *   { paidPauseReasons: [] }) // worked_days 1, productive_seconds 32400
 */
export function workedTime(events: readonly AgentStateEvent[], month: string, options: WorkedTimeOptions): WorkedTime {
  const tz = options.timeZone ?? 'Asia/Almaty';
  const [first, last] = monthBounds(month);
  const key = `${tz}|${month}`;
  let local = localDaysCache.get(key);
  if (!local) {
    if (Number.isNaN(new TZDate(0, tz).getTime())) throw new RangeError(`unknown time zone: ${tz}`);
    if (localDaysCache.size > 64) localDaysCache.clear();
    localDaysCache.set(key, (local = new LocalDays(tz, first, last)));
  }
  const from = local.startOf(first);
  const to = local.startOf(addDays(last, 1));

  if (!events.some((e) => e.atMs >= from && e.atMs < to)) {
    const dates = new Set<string>();
    for (const d of options.handledCallDates ?? []) {
      dayNumber(d); // validates
      if (d >= first && d <= last) dates.add(d);
    }
    const worked = [...dates].sort();
    return {
      worked_days: worked.length,
      worked_dates: worked,
      productive_seconds: 0,
      logged_in_seconds: 0,
      source: 'handled_calls',
      days: [],
    };
  }

  const paid = new Set(options.paidPauseReasons);
  const { sessions, pauses } = sessionsOf(events, local);
  const byDate = new Map<string, { loggedIn: number; paid: number; unpaid: number }>();
  const day = (date: string) => {
    let v = byDate.get(date);
    if (!v) byDate.set(date, (v = { loggedIn: 0, paid: 0, unpaid: 0 }));
    return v;
  };
  for (const s of sessions) spread(s, from, to, local, (d, ms) => (day(d).loggedIn += ms));
  for (const p of pauses) {
    const isPaid = paid.has(p.reason ?? '');
    spread(p, from, to, local, (d, ms) => (isPaid ? (day(d).paid += ms) : (day(d).unpaid += ms)));
  }
  const days: WorkedDay[] = [...byDate.entries()]
    .filter(([, v]) => v.loggedIn > 0)
    .sort(([a], [b]) => (a < b ? -1 : 1))
    .map(([date, v]) => ({
      date,
      logged_in_seconds: v.loggedIn / 1000,
      paid_pause_seconds: v.paid / 1000,
      unpaid_pause_seconds: v.unpaid / 1000,
      productive_seconds: (v.loggedIn - v.unpaid) / 1000,
    }));
  const totalMs = (pick: (v: { loggedIn: number; unpaid: number }) => number) =>
    [...byDate.values()].reduce((s, v) => s + pick(v), 0);
  return {
    worked_days: days.length,
    worked_dates: days.map((d) => d.date),
    productive_seconds: totalMs((v) => v.loggedIn - v.unpaid) / 1000,
    logged_in_seconds: totalMs((v) => v.loggedIn) / 1000,
    source: 'agent_events',
    days,
  };
}
