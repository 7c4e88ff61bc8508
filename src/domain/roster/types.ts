/** The plain data of a roster: inputs, the result and what falls short. Minutes are of the local day. */

/** One interval's requirement: operators scheduled (on shift, not on a break or activity). */
export interface RequirementRow {
  /** Local 'YYYY-MM-DDTHH:MM'. */
  interval_start: string;
  skill: string;
  required: number;
  /** Optional load behind it (for the service-level cost of trainings). */
  calls?: number;
  aht_s?: number;
  /**
   * Operators on the phone the staffing plan needs; required = ceil(agents / (1 − u)), u the
   * shrinkage less the breaks and activities the roster plans itself (roster.ts).
   */
  agents?: number | null;
}

export interface Operator {
  agent_id: string;
  name: string;
  site: string;
  department: string;
  languages: string[];
  contract_hours_week: number;
}

export interface TimeSpan {
  /** Minutes after local midnight of the assignment's date. */
  startMin: number;
  endMin: number;
}

export interface Activity extends TimeSpan {
  kind: 'training' | 'coaching';
  /** What it is: the department's training or the reason for coaching. */
  label: string;
}

export interface Assignment {
  agent_id: string;
  date: string;
  /** Shift template id (see templates.ts). */
  template: number;
  startMin: number;
  endMin: number;
  skill: string;
  breaks: Array<TimeSpan & { kind: 'lunch' | 'break'; paid: boolean }>;
  activities: Activity[];
}

export type ShortfallKind =
  | 'under_cover'
  | 'unfilled_shift'
  | 'hours_below_contract'
  | 'no_operators'
  /** Requirement outside the opening hours: no shift may cover it, so it is no under-cover. */
  | 'outside_opening_hours'
  | 'training_attendees'
  | 'rule_slack';

export interface Shortfall {
  kind: ShortfallKind;
  date?: string;
  skill?: string;
  /** Local 'HH:MM' range, when it is about time of day. */
  from?: string;
  to?: string;
  agent_id?: string;
  /** How much is short, in `unit`. */
  amount: number;
  unit: 'operator_hours' | 'shifts' | 'hours' | 'attendees' | 'operators';
  message: string;
}

export interface CoverageRow {
  interval_start: string;
  skill: string;
  required: number;
  scheduled: number;
}
