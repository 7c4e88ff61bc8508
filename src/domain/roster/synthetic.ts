/**
 * Synthetic roster instances for tests and the benchmark: a two-peak weekday demand curve with a
 * lunch trough (the research instance of research/roster-solver.md), and operators on 7 sites with
 * RU-only, KK-only and bilingual pools, full- and part-time contracts. Deterministic per seed.
 */
import type { RequirementRow, Operator } from './types.ts';
import { hhmm } from './time.ts';

function rng(seed: number): () => number {
  let s = seed >>> 0 || 1;
  return () => {
    s = (s + 0x6d2b79f5) >>> 0;
    let t = s;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export const SYNTHETIC_SITES = ['Astana', 'Kyzylorda', 'Kostanay', 'Kokshetau', 'Petropavlovsk', 'Taraz', 'Shymkent'];

/** Operators: 48 % RU-only, 20 % KK-only, 32 % bilingual; 78 % on 40 h, the rest on 20 or 30 h. */
export function syntheticOperators(count: number, seed = 1): Operator[] {
  const r = rng(seed);
  return Array.from({ length: count }, (_, i) => {
    const x = r();
    const languages = x < 0.48 ? ['ru'] : x < 0.68 ? ['kk'] : ['ru', 'kk'];
    const y = r();
    return {
      agent_id: `op${String(i + 1).padStart(4, '0')}`,
      name: `Operator ${i + 1}`,
      site: SYNTHETIC_SITES[i % SYNTHETIC_SITES.length],
      department: `dept-${(i % 6) + 1}`,
      languages,
      contract_hours_week: y < 0.78 ? 40 : y < 0.9 ? 30 : 20,
    };
  });
}

/**
 * Requirement per interval 09:00–21:00 for the dates: peaks near 11:00 and 16:00, a trough at
 * 13:30; `scale` is the RU peak (KK ≈ 38 % of it); weekends at 60 %.
 */
export function syntheticRequirement(
  dates: string[],
  intervalMinutes: number,
  scale: number,
  seed = 1,
): RequirementRow[] {
  const r = rng(seed * 7919);
  const out: RequirementRow[] = [];
  dates.forEach((date, d) => {
    const dayFactor = (d >= 5 ? 0.6 : 1) * (0.9 + 0.2 * r());
    for (let t = 9 * 60; t < 21 * 60; t += intervalMinutes) {
      const h = t / 60;
      const curve =
        0.35 +
        0.65 * Math.exp(-((h - 11) ** 2) / 3) +
        0.55 * Math.exp(-((h - 16) ** 2) / 4) -
        0.2 * Math.exp(-((h - 13.5) ** 2) / 0.5);
      for (const [skill, share] of [
        ['ru', 1],
        ['kk', 0.38],
      ] as const) {
        const noise = 0.92 + 0.16 * r();
        out.push({
          interval_start: `${date}T${hhmm(t)}`,
          skill,
          required: Math.max(0, Math.round(scale * share * dayFactor * curve * noise)),
        });
      }
    }
  });
  return out;
}

/** The requirement rescaled so that it totals about `hours` operator-hours (rounded per interval). */
export function scaledRequirement(dates: string[], intervalMinutes: number, hours: number, seed = 1): RequirementRow[] {
  const unit = syntheticRequirement(dates, intervalMinutes, 100, seed);
  const total = unit.reduce((s, r) => s + (r.required * intervalMinutes) / 60, 0);
  return syntheticRequirement(dates, intervalMinutes, (100 * hours) / total, seed);
}

/** Contract hours of operators (the supply a requirement can be sized against). */
export function contractHours(operators: Operator[]): number {
  return operators.reduce((s, o) => s + o.contract_hours_week, 0);
}
