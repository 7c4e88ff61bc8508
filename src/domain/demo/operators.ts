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
  /** Days off: bit d set for ISO weekday d + 1 (bit 0 = Monday). */
  daysOffMask: Uint8Array;
}

export const OPERATOR_COUNT = 500;

/**
 * Pairs of consecutive days off (Mon–Tue, Tue–Wed, …, Sun–Mon) with shares solved so that the
 * share of operators at work follows demand: Mon 88 %, Tue 84 %, Wed 80 %, Thu 78 %, Fri 75 %,
 * Sat 50 %, Sun 45 % (day off share of day d = pair(d−1) + pair(d)).
 */
const DAYS_OFF_PAIRS = [0, 0.16, 0.04, 0.18, 0.07, 0.43, 0.12];

/** Full-time shifts: 9 h of presence (8 h work + 1 h lunch), starting at these local hours. */
const FULL_TIME_STARTS = [
  { hour: 9, weight: 30 },
  { hour: 10, weight: 22 },
  { hour: 11, weight: 18 },
  { hour: 12, weight: 30 },
];
/** Part-time shifts (30 h: 6 h a day; 20 h: 4 h a day). */
const PART_TIME_6H_STARTS = [
  { hour: 9, weight: 45 },
  { hour: 15, weight: 55 },
];
const PART_TIME_4H_STARTS = [
  { hour: 9, weight: 25 },
  { hour: 10, weight: 25 },
  { hour: 14, weight: 20 },
  { hour: 17, weight: 30 },
];

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
  const site = stratified(random, count, SITES.map((s) => s.weight));
  const department = stratified(random, count, DEPARTMENTS.map(() => 1));
  const contract = stratified(random, count, [82, 11, 7]); // 40 h, 30 h, 20 h
  const daysOff = stratified(random, count, DAYS_OFF_PAIRS);
  const starts = [FULL_TIME_STARTS, PART_TIME_6H_STARTS, PART_TIME_4H_STARTS].map((table) =>
    stratified(random, count, table.map((s) => s.weight)),
  );
  const roster: Roster = {
    agents: [],
    skill: new Uint8Array(count),
    department: new Uint8Array(count),
    shiftStartMinute: new Int16Array(count),
    shiftLengthMinutes: new Int16Array(count),
    daysOffMask: new Uint8Array(count),
  };
  for (let i = 0; i < count; i++) {
    const { name, kazakh } = operatorName(random);
    // Kazakh-named operators are mostly bilingual; Russian-named ones mostly speak Russian only.
    const u = random.next();
    const skill = kazakh ? (u < 0.25 ? SKILL_RU : u < 0.43 ? SKILL_KK : SKILL_BOTH) : u < 0.82 ? SKILL_RU : SKILL_BOTH;
    const kind = contract[i];
    const table = [FULL_TIME_STARTS, PART_TIME_6H_STARTS, PART_TIME_4H_STARTS][kind];
    roster.skill[i] = skill;
    roster.department[i] = department[i];
    roster.shiftStartMinute[i] = table[starts[kind][i]].hour * 60;
    roster.shiftLengthMinutes[i] = [540, 360, 240][kind];
    const firstOff = daysOff[i];
    roster.daysOffMask[i] = (1 << firstOff) | (1 << ((firstOff + 1) % 7));
    roster.agents.push({
      agentId: `op${String(i + 1).padStart(4, '0')}`,
      name,
      site: SITES[site[i]].name,
      department: DEPARTMENTS[department[i]],
      languages: skill === SKILL_RU ? ['ru'] : skill === SKILL_KK ? ['kk'] : ['ru', 'kk'],
      contractHoursWeek: [40, 30, 20][kind],
      hiredAt: hireDate(random),
    });
  }
  return roster;
}
