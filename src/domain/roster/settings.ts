/**
 * The `roster` and `training` config sections (DESIGN §8 style): their types and defaults, one
 * source of truth for src/server/config.ts and the planner. Times of day are local 'HH:MM';
 * break windows are minutes after the shift's start (the window holds the break's start).
 */

export interface BreakRule {
  kind: 'lunch' | 'break';
  minutes: number;
  /** Earliest and latest start, in minutes after the shift starts. */
  from_minutes: number;
  to_minutes: number;
  /** Paid breaks count towards weekly hours (short breaks); lunches are usually unpaid. */
  paid: boolean;
}

export interface ShiftRule {
  hours: number;
  /** Operators whose contract hours per week fall in [min, max] may work this length. */
  contract_hours: { min: number; max: number };
  breaks: BreakRule[];
}

export interface LabourRules {
  max_days_per_week: number;
  min_rest_hours: number;
  min_consecutive_days_off: number;
  /** Weekly paid hours must lie in [contract − below, contract + above]. */
  hours_below_contract: number;
  hours_above_contract: number;
}

export interface RosterCosts {
  /** Objective units: one paid operator-hour costs `paid_hour`. */
  paid_hour: number;
  /** Per missing operator-hour, up to `steep_after_share` of the requirement, then the steep rate. */
  under_cover_hour: number;
  under_cover_steep_hour: number;
  steep_after_share: number;
  over_cover_hour: number;
  per_shift: number;
  /** Per hour an operator group works below its contracts (the elastic weekly-hours rule). */
  contract_hours_short_hour: number;
}

export interface Unavailability {
  agent_id: string;
  from: string;
  to: string;
  reason?: string;
}

export interface Preference {
  agent_id: string;
  shifts?: 'early' | 'late';
  weekends_off?: boolean;
  /** ISO weekdays 1 (Monday) … 7 the operator would rather have off. */
  days_off?: number[];
}

export interface RosterSettings {
  start_every_minutes: 15 | 30 | 60;
  opening: { from: string; to: string };
  shifts: ShiftRule[];
  rules: LabourRules;
  costs: RosterCosts;
  solver: { time_limit_s: number; mip_rel_gap: number; random_seed: number };
  unavailability: Unavailability[];
  preferences: Preference[];
}

export interface WeeklyTraining {
  /** A department name, or "*" for every department. */
  department: string;
  weekday: number;
  minutes: number;
  attendees: number;
  /** Window the session must lie in (local times). */
  from: string;
  to: string;
}

export interface TrainingSettings {
  weekly: WeeklyTraining[];
  coaching: {
    minutes: number;
    /** Ratings at or below this score are complaints. */
    complaint_max_score: number;
    min_complaints: number;
    /** Operators whose average rating is below this, over at least `min_ratings`, are coached. */
    low_avg_rating: number;
    min_ratings: number;
    lookback_days: number;
    max_per_week: number;
  };
  /** Replications of the simulation cost of each placement (0 = Erlang only). */
  simulation_replications: number;
}

const breakRule = (kind: BreakRule['kind'], minutes: number, from: number, to: number): BreakRule => ({
  kind,
  minutes,
  from_minutes: from,
  to_minutes: to,
  paid: kind !== 'lunch',
});
const PART_TIME = { min: 0, max: 35 };
const FULL_TIME = { min: 35.01, max: 168 };

export const DEFAULT_ROSTER_SETTINGS: RosterSettings = {
  start_every_minutes: 30,
  opening: { from: '09:00', to: '21:00' },
  shifts: [
    { hours: 4, contract_hours: PART_TIME, breaks: [breakRule('break', 15, 90, 150)] },
    {
      hours: 6,
      contract_hours: PART_TIME,
      breaks: [breakRule('break', 15, 60, 120), breakRule('lunch', 30, 150, 240)],
    },
    {
      hours: 8,
      contract_hours: FULL_TIME,
      breaks: [breakRule('break', 15, 60, 120), breakRule('lunch', 60, 180, 270), breakRule('break', 15, 345, 405)],
    },
    {
      hours: 9,
      contract_hours: FULL_TIME,
      breaks: [breakRule('break', 15, 60, 135), breakRule('lunch', 60, 195, 300), breakRule('break', 15, 390, 450)],
    },
    {
      hours: 12,
      contract_hours: FULL_TIME,
      breaks: [breakRule('break', 15, 90, 180), breakRule('lunch', 60, 270, 390), breakRule('break', 15, 480, 570)],
    },
  ],
  rules: {
    max_days_per_week: 5,
    min_rest_hours: 11,
    min_consecutive_days_off: 2,
    hours_below_contract: 4,
    hours_above_contract: 0,
  },
  costs: {
    paid_hour: 1,
    under_cover_hour: 10,
    under_cover_steep_hour: 40,
    steep_after_share: 0.1,
    over_cover_hour: 0.05,
    per_shift: 0.05,
    contract_hours_short_hour: 2,
  },
  solver: { time_limit_s: 30, mip_rel_gap: 0.01, random_seed: 0 },
  unavailability: [],
  preferences: [],
};

export const DEFAULT_TRAINING_SETTINGS: TrainingSettings = {
  weekly: [{ department: '*', weekday: 4, minutes: 120, attendees: 6, from: '09:00', to: '21:00' }],
  coaching: {
    minutes: 60,
    complaint_max_score: 2,
    min_complaints: 1,
    low_avg_rating: 4.5,
    min_ratings: 10,
    lookback_days: 28,
    max_per_week: 40,
  },
  simulation_replications: 8,
};

/** Fills a validated partial `roster` section with the defaults (arrays replace, objects merge). */
export function rosterSettings(raw: Partial<RosterSettings> = {}): RosterSettings {
  const d = DEFAULT_ROSTER_SETTINGS;
  return {
    start_every_minutes: raw.start_every_minutes ?? d.start_every_minutes,
    opening: { ...d.opening, ...raw.opening },
    shifts: (raw.shifts ?? d.shifts).map(shiftWithDefaults),
    rules: { ...d.rules, ...raw.rules },
    costs: { ...d.costs, ...raw.costs },
    solver: { ...d.solver, ...raw.solver },
    unavailability: raw.unavailability ?? d.unavailability,
    preferences: raw.preferences ?? d.preferences,
  };
}

/** A configured shift: contract band by length (under 8 h part-time), breaks of the default of its length. */
function shiftWithDefaults(raw: Partial<ShiftRule> & { hours: number }): ShiftRule {
  const like = DEFAULT_ROSTER_SETTINGS.shifts.find((s) => s.hours === raw.hours);
  return {
    hours: raw.hours,
    contract_hours: raw.contract_hours ?? like?.contract_hours ?? (raw.hours < 8 ? PART_TIME : FULL_TIME),
    breaks: (raw.breaks ?? like?.breaks ?? []).map((b) => ({ ...b, paid: b.paid ?? b.kind !== 'lunch' })),
  };
}

export function trainingSettings(raw: Partial<TrainingSettings> = {}): TrainingSettings {
  const d = DEFAULT_TRAINING_SETTINGS;
  return {
    weekly: (raw.weekly ?? d.weekly).map((w) => ({ ...d.weekly[0], ...w })),
    coaching: { ...d.coaching, ...raw.coaching },
    simulation_replications: raw.simulation_replications ?? d.simulation_replications,
  };
}
