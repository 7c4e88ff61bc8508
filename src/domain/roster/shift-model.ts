/**
 * Step 1, the shift mix: how many shifts of each template each operator group works per day.
 *
 * - x[d, g, τ] integer: shifts of template τ on day d for group g (pool × contract × available
 *   days, see problem.ts), only on the days the group is available.
 * - Implicit breaks (Aykin 1996): per (d, g, τ, break k) one continuous variable per allowed
 *   start b, Σ_b w = x; an operator on a break at t is not on duty at t.
 * - A shift answers one skill all day (the roster's `skill`), so a multi-skill group has one x
 *   per skill it speaks: x[d, g, τ, k].
 * - Coverage per (d, skill, t) in the opening hours: on duty + u₁ + u₂ − o = required, where the
 *   under-cover u₁ (≤ steep_after_share · required) and u₂ and the over-cover o are penalised.
 * - Day-off patterns: p[g, r] integer operators whose days off are the run r; a day's shifts ≤ the
 *   operators whose pattern works it.
 * - Weekly tours per group with Gale–Ryser cuts (tours.ts): each member works one legal week, so
 *   the weekly-hours rule is charged per operator and step 3 can staff the plan by name.
 * Cost: paid hours + per shift + penalties. Every row is feasible at x = 0 with the slacks.
 */
import { ModelBuilder, type LinearModel } from './linear-model.ts';
import { offRuns, type Problem } from './problem.ts';
import { breakStarts } from './templates.ts';
import { addGroupTours } from './tours.ts';

export { enumerateTours } from './tours.ts';

export interface ShiftColumns {
  /** x column of (d, g, τ). */
  /** k: the skill the shifts answer. */
  x: Array<{ d: number; g: number; t: number; k: number; col: number }>;
  /** Break-start columns of x[i]: per break k, [start minute, column][]. */
  breaks: Array<Array<Array<[number, number]>>>;
  /** Tour columns per group: shifts per rule (length) one operator works, and the column. */
  tours: Array<Array<{ counts: number[]; col: number }>>;
  /** Day-off pattern columns per group: [off-run start, column]. */
  patterns: Array<Array<[number, number]>>;
  /** Under-cover columns (u₁, u₂) per (d, k, slot). */
  under: Array<{ d: number; k: number; slot: number; cols: number[] }>;
  /** Tour link slacks: a tour shift the plan leaves out, `hours` paid hours lost each. */
  hoursShort: Array<{ g: number; col: number; hours: number }>;
  groupShort: Array<{ g: number; minHours: number; paidHours: number[] }>;
}

export interface ShiftModel {
  model: LinearModel;
  columns: ShiftColumns;
  groupTemplates: number[][];
  templateRule: number[];
}

export function buildShiftModel(
  problem: Problem,
  required: number[][][],
  options: { maxSubset?: number } = {},
): ShiftModel {
  const { dates, groups, templates, pools, skills, intervalMinutes: step, openSlot, closeSlot } = problem;
  const { costs, rules } = problem.input.settings;
  const hours = step / 60;
  const m = new ModelBuilder();
  const cols: ShiftColumns = { x: [], breaks: [], tours: [], patterns: [], under: [], hoursShort: [], groupShort: [] };
  // onDuty[d][k][slot]: terms of the operators on duty for skill k.
  const onDuty = dates.map(() =>
    skills.map(() => Array.from({ length: problem.slotsPerDay }, () => new Map<number, number>())),
  );
  const add = (terms: Map<number, number>, c: number, v: number) => terms.set(c, (terms.get(c) ?? 0) + v);
  // Day-off patterns only make sense over a whole week (a shorter horizon cannot hold the rule).
  const runs = dates.length >= 7 ? offRuns(dates.length, rules.min_consecutive_days_off) : [];

  groups.forEach((group, g) => {
    const members = group.members.length;
    const patternCols = runs.map((r): [number, number] => [r, m.col(0, 0, members, true)]);
    cols.patterns[g] = patternCols;
    if (runs.length > 0)
      m.row(
        patternCols.map(([, c]): [number, number] => [c, 1]),
        -Infinity,
        members,
      );
    const ruleIds = [...new Set(group.templates.map((t) => templates[t].rule))];
    // xCols[d][r]: the group's x columns of day d and length r (for the tour rows).
    const xCols = dates.map(() => ruleIds.map((): number[] => []));
    dates.forEach((_, d) => {
      if (!group.available[d]) return;
      const dayTerms = new Map<number, number>();
      for (const t of group.templates)
        for (const k of pools[group.pool]) {
          const tpl = templates[t];
          const col = m.col(costs.paid_hour * (tpl.paidMinutes / 60) + costs.per_shift, 0, members, true);
          const i = cols.x.push({ d, g, t, k, col }) - 1;
          dayTerms.set(col, 1);
          xCols[d][ruleIds.indexOf(tpl.rule)].push(col);
          for (let s = tpl.startMin / step; s < tpl.endMin / step; s++) add(onDuty[d][k][s], col, 1);
          cols.breaks[i] = tpl.breaks.map((w) => {
            const starts = breakStarts(w, step).map((b): [number, number] => [b, m.col(0)]);
            m.row([[col, -1], ...starts.map(([, c]): [number, number] => [c, 1])], 0, 0);
            for (const [b, c] of starts) {
              for (let s = b / step; s < (b + w.minutes) / step; s++) add(onDuty[d][k][Math.floor(s)], c, -1);
            }
            return starts;
          });
        }
      // Shifts of day d ≤ operators whose day-off run leaves d a working day.
      const working = new Map(dayTerms);
      for (const [r, c] of patternCols) if (!(d >= r && d < r + rules.min_consecutive_days_off)) working.set(c, -1);
      if (runs.length > 0) m.row(working, -Infinity, 0);
    });
    const paidHours = ruleIds.map((r) => templates.find((t) => t.rule === r)!.paidMinutes / 60);
    const maxDays = Math.min(rules.max_days_per_week, group.available.filter(Boolean).length);
    const gt = addGroupTours(m, {
      members,
      minHours: group.minHours,
      maxHours: group.maxHours,
      maxDays,
      paidHours,
      xCols,
      shortHourCost: costs.contract_hours_short_hour,
      excessCost: costs.under_cover_steep_hour,
      maxSubset: options.maxSubset ?? 1,
    });
    cols.tours[g] = gt.tours.map((t, j) => ({ counts: t.counts, col: gt.cols[j] })).filter((t) => t.col >= 0);
    cols.hoursShort.push(...gt.slack.map((col, r) => ({ g, col, hours: paidHours[r] })));
    cols.groupShort.push({ g, minHours: group.minHours, paidHours });
  });

  // Coverage per skill and interval.
  dates.forEach((_, d) => {
    const skillTerms = onDuty[d];
    skills.forEach((_, k) => {
      for (let s = openSlot; s < closeSlot; s++) {
        const req = required[d][k][s];
        const terms = skillTerms[k][s];
        const u1 = m.col(costs.under_cover_hour * hours, 0, costs.steep_after_share * req);
        const u2 = m.col(costs.under_cover_steep_hour * hours, 0, Infinity);
        const o = m.col(costs.over_cover_hour * hours, 0, Infinity);
        cols.under.push({ d, k, slot: s, cols: [u1, u2] });
        terms.set(u1, 1);
        terms.set(u2, 1);
        terms.set(o, -1);
        m.row(terms, req, req);
      }
    });
  });
  return {
    model: m.build(),
    columns: cols,
    groupTemplates: groups.map((g) => g.templates),
    templateRule: templates.map((t) => t.rule),
  };
}

export interface ShiftPlan {
  /** Integer shift counts per x entry (same order as columns.x). */
  counts: number[];
  /** Break-start weights per x entry and break: [start minute, weight]. */
  breakWeights: Array<Array<Array<[number, number]>>>;
  /** Operators per group and off-run start. */
  patterns: number[][];
  /** Per group: [shifts per rule id, operators] of the tours used. */
  tours: Array<Array<{ rules: Map<number, number>; operators: number }>>;
  hoursShort: number;
}

export function decodeShiftPlan(
  sm: ShiftModel,
  values: ArrayLike<number>,
  toInteger: (v: number) => number = Math.round,
): ShiftPlan {
  const c = sm.columns;
  return {
    counts: c.x.map((x) => Math.max(0, toInteger(values[x.col] + 1e-6))),
    breakWeights: c.breaks.map((perBreak) =>
      perBreak.map((starts) => starts.map(([b, col]): [number, number] => [b, Math.max(0, values[col])])),
    ),
    patterns: c.patterns.map((ps) => ps.map(([, col]) => Math.max(0, toInteger(values[col] + 1e-6)))),
    tours: c.tours.map((ts, g) => {
      const ruleIds = [...new Set(sm.groupTemplates[g].map((t) => sm.templateRule[t]))];
      return ts
        .map((t) => ({
          rules: new Map(ruleIds.map((r, i) => [r, t.counts[i]])),
          operators: Math.max(0, toInteger(values[t.col] + 1e-6)),
        }))
        .filter((t) => t.operators > 0);
    }),
    // Contract hours the plan's tours leave unworked: tours below the band plus link slack.
    hoursShort:
      c.hoursShort.reduce((s, h) => s + values[h.col] * h.hours, 0) +
      c.groupShort.reduce(
        (s, gs) =>
          s +
          c.tours[gs.g].reduce(
            (v, t) =>
              v +
              toInteger(values[t.col] + 1e-6) *
                Math.max(0, gs.minHours - t.counts.reduce((h, n, i) => h + n * gs.paidHours[i], 0)),
            0,
          ),
        0,
      ),
  };
}
