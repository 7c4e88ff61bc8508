/**
 * The demo centre's operators and their weekly roster: who they are (the `agents` records) and
 * when they work (shift start, length and two days off a week), as typed arrays the simulation
 * reads per day.
 */

import type { Agent } from '../events.ts';
import {
  DEPARTMENTS,
  KAZAKH_FEMALE,
  KAZAKH_MALE,
  KAZAKH_SURNAMES,
  RUSSIAN_FEMALE,
  RUSSIAN_MALE,
  RUSSIAN_SURNAMES,
  SITES,
} from './catalog.ts';
import { Random, cumulativeWeights, hashString } from './prng.ts';

/** Language skills: Russian only, Kazakh only, both. */
export const SKILL_RU = 0;
export const SKILL_KK = 1;
export const SKILL_BOTH = 2;

export interface Roster {
  agents: Agent[];
  skill: Uint8Array;
  department: Uint8Array;
  /** Local minute of the day the shift starts. */
  shiftStartMinute: Int16Array;
  shiftLengthMinutes: Int16Array;
  /** Minutes after the shift start that lunch begins (0: no lunch). */
  lunchAfterMinutes: Int16Array;
  /** Index in SHIFT_TEMPLATES of each operator's shift. */
  shiftTemplate: Uint8Array;
  /** Operators of each shift template, by roster index. */
  agentsByTemplate: number[][];
  /** Days off: bit d set for ISO weekday d + 1 (bit 0 = Monday). */
  daysOffMask: Uint8Array;
}

export const OPERATOR_COUNT = 500;

/**
 * Pairs of consecutive days off (Mon–Tue, Tue–Wed, …, Sun–Mon) with shares solved so that the
 * share of operators rostered follows demand: Mon 88 %, Tue 84 %, Wed 80 %, Thu 78 %, Fri 75 %,
 * Sat 50 %, Sun 45 % (day off share of day d = pair(d−1) + pair(d)). The day's plan
 * (schedule.ts) then takes from them as many as the day's volume needs.
 */
const DAYS_OFF_PAIRS = [0, 0.16, 0.04, 0.18, 0.07, 0.43, 0.12];

/**
 * Shift templates: start (local hour), length, and when lunch begins (minutes after the start).
 * Full-time shifts are 9 h of presence with a 1 h lunch, or 8 h with 30 min; lunches are
 * staggered around the 13:00 dip. The weights were fitted (random search minimising log ratios
 * per 15 min) so that operators at work, net of breaks and lunch, follow the intraday curve of
 * volume.ts within about ±20 %, the way a planner staggers a roster.
 */
const FULL_TIME_SHIFTS = [
  ...[
    [180, 5],
    [210, 2.5],
    [240, 2],
    [270, 5.5],
    [300, 3],
  ].map(([lunchAfter, weight]) => ({ hour: 9, minutes: 540, lunchAfter, weight })),
  ...[
    [210, 1.5],
    [240, 3],
    [270, 2.5],
    [300, 5],
  ].map(([lunchAfter, weight]) => ({ hour: 10, minutes: 540, lunchAfter, weight })),
  ...[
    [180, 4],
    [210, 1],
    [240, 2.5],
    [300, 2],
  ].map(([lunchAfter, weight]) => ({ hour: 11, minutes: 540, lunchAfter, weight })),
  ...[
    [180, 2.5],
    [210, 3.5],
    [240, 2],
    [300, 3],
  ].map(([lunchAfter, weight]) => ({ hour: 12, minutes: 540, lunchAfter, weight })),
  ...[
    [210, 7.5],
    [240, 5.5],
  ].map(([lunchAfter, weight]) => ({ hour: 9, minutes: 480, lunchAfter, weight })),
  ...[
    [210, 1],
    [240, 2],
  ].map(([lunchAfter, weight]) => ({ hour: 10, minutes: 480, lunchAfter, weight })),
  ...[
    [210, 6.5],
    [240, 4.5],
  ].map(([lunchAfter, weight]) => ({ hour: 13, minutes: 480, lunchAfter, weight })),
];
/** Part-time shifts: 30 h a week as 6 h a day (a 30 min lunch), 20 h as 4 h (one break). */
const PART_TIME_SHIFTS = [
  { hour: 9, minutes: 360, lunchAfter: 180, weight: 4.8 },
  { hour: 15, minutes: 360, lunchAfter: 180, weight: 7.2 },
  { hour: 9, minutes: 240, lunchAfter: 0, weight: 10 },
];

/** Every shift template with its share of operators (full-time 78 %, 30 h 12 %, 20 h 10 %). */
export const SHIFT_TEMPLATES: readonly { hour: number; minutes: number; lunchAfter: number; share: number }[] = (() => {
  const fullTimeTotal = FULL_TIME_SHIFTS.reduce((sum, s) => sum + s.weight, 0);
  return [
    ...FULL_TIME_SHIFTS.map((s) => ({ ...s, share: (0.78 * s.weight) / fullTimeTotal })),
    ...PART_TIME_SHIFTS.map((s) => ({ ...s, share: s.weight / 100 })),
  ];
})();

/**
 * Draw by stratified sampling: shuffled positions (i + 0.5) / n over the cumulative weights, so
 * the shares are exact up to rounding and the roster does not depend on luck.
 */
function stratified(random: Random, n: number, weights: readonly number[]): number[] {
  const cumulative = cumulativeWeights(weights);
  const total = cumulative[cumulative.length - 1];
  const order = Array.from({ length: n }, (_, i) => i);
  for (let i = n - 1; i > 0; i--) {
    const j = random.int(i + 1);
    [order[i], order[j]] = [order[j], order[i]];
  }
  return order.map((position) => {
    const u = ((position + 0.5) / n) * total;
    let k = 0;
    while (cumulative[k] <= u) k++;
    return k;
  });
}

function feminine(surname: string): string {
  return /(ов|ев|ин)$/.test(surname) ? `${surname}а` : surname;
}

function operatorName(random: Random): { name: string; kazakh: boolean } {
  const kazakh = random.next() < 0.72;
  const female = random.next() < 0.68;
  const first = kazakh ? (female ? KAZAKH_FEMALE : KAZAKH_MALE) : female ? RUSSIAN_FEMALE : RUSSIAN_MALE;
  const last = kazakh ? KAZAKH_SURNAMES : RUSSIAN_SURNAMES;
  const surname = last[random.int(last.length)];
  return { name: `${female ? feminine(surname) : surname} ${first[random.int(first.length)]}`, kazakh };
}

/** A hire date between 2014 and 2023, more of them recent (the centre keeps growing). */
function hireDate(random: Random): string {
  const from = Date.UTC(2014, 0, 1);
  const to = Date.UTC(2023, 11, 31);
  const share = Math.sqrt(random.next());
  return new Date(from + Math.floor(share * ((to - from) / 86_400_000)) * 86_400_000).toISOString().slice(0, 10);
}

/** The operators and their roster; a pure function of the seed. */
export function createRoster(seed: number, count = OPERATOR_COUNT): Roster {
  const random = new Random(seed ^ hashString('operators'));
  const site = stratified(
    random,
    count,
    SITES.map((s) => s.weight),
  );
  const department = stratified(
    random,
    count,
    DEPARTMENTS.map(() => 1),
  );
  const templates = stratified(
    random,
    count,
    SHIFT_TEMPLATES.map((s) => s.share),
  );
  const daysOff = stratified(random, count, DAYS_OFF_PAIRS);
  const roster: Roster = {
    agents: [],
    skill: new Uint8Array(count),
    department: new Uint8Array(count),
    shiftStartMinute: new Int16Array(count),
    shiftLengthMinutes: new Int16Array(count),
    lunchAfterMinutes: new Int16Array(count),
    shiftTemplate: new Uint8Array(count),
    agentsByTemplate: SHIFT_TEMPLATES.map(() => []),
    daysOffMask: new Uint8Array(count),
  };
  for (let i = 0; i < count; i++) {
    const { name, kazakh } = operatorName(random);
    // Kazakh-named operators are mostly bilingual; Russian-named ones mostly speak Russian only.
    const u = random.next();
    const skill = kazakh ? (u < 0.25 ? SKILL_RU : u < 0.43 ? SKILL_KK : SKILL_BOTH) : u < 0.82 ? SKILL_RU : SKILL_BOTH;
    const shift = SHIFT_TEMPLATES[templates[i]];
    roster.shiftTemplate[i] = templates[i];
    roster.agentsByTemplate[templates[i]].push(i);
    roster.skill[i] = skill;
    roster.department[i] = department[i];
    roster.shiftStartMinute[i] = shift.hour * 60;
    roster.lunchAfterMinutes[i] = shift.lunchAfter;
    roster.shiftLengthMinutes[i] = shift.minutes;
    const firstOff = daysOff[i];
    roster.daysOffMask[i] = (1 << firstOff) | (1 << ((firstOff + 1) % 7));
    roster.agents.push({
      agentId: `op${String(i + 1).padStart(4, '0')}`,
      name,
      site: SITES[site[i]].name,
      department: DEPARTMENTS[department[i]],
      languages: skill === SKILL_RU ? ['ru'] : skill === SKILL_KK ? ['kk'] : ['ru', 'kk'],
      contractHoursWeek: shift.minutes >= 480 ? 40 : shift.minutes >= 360 ? 30 : 20,
      hiredAt: hireDate(random),
    });
  }
  return roster;
}
