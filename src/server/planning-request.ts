/**
 * Validates the parameters of a forecast or staffing request, shared by `kezek forecast`,
 * `kezek staffing` and the planner pages. Bad values are InputErrors (exit 2 / HTTP 400).
 */
import { isIntervalMinutes, type IntervalMinutes } from '../domain/forecast/history.ts';
import type { KezekConfig } from './config.ts';
import { InputError } from './input-error.ts';
import { MAX_RANGE_DAYS, parseLocalDate } from './kpi-request.ts';

export interface PlanningParams {
  from?: string | null;
  to?: string | null;
  interval?: string | null;
  shrinkage?: string | null;
  erlangC?: boolean;
  simulateDate?: string | null;
  replications?: string | null;
}

export interface PlanningRequest {
  from: string;
  to: string;
  intervalMinutes: IntervalMinutes;
  /** A decimal typed by the user (exact), or null to take the config's or the measured one. */
  shrinkage: string | null;
  /** Force Erlang C even where a patience is known. */
  erlangC: boolean;
  /** Simulate this planned day (null: no simulation check). */
  simulateDate: string | null;
  replications: number;
}

const DECIMAL = /^(\d+(\.\d*)?|\.\d+)$/;

export function planningRequest(params: PlanningParams, config: KezekConfig): PlanningRequest {
  const from = parseLocalDate('from', params.from);
  const to = parseLocalDate('to', params.to);
  if (to < from) throw new InputError(`to ${to} is before from ${from}`);
  const days = (Date.parse(to) - Date.parse(from)) / 86_400_000 + 1;
  if (days > MAX_RANGE_DAYS) throw new InputError(`the range spans ${days} days; at most ${MAX_RANGE_DAYS}`);
  const interval = params.interval ? Number(params.interval) : config.staffing.interval_minutes;
  if (!isIntervalMinutes(interval))
    throw new InputError(`interval: expected 15, 30 or 60 (minutes), got "${String(params.interval).slice(0, 20)}"`);
  let shrinkage: string | null = null;
  if (params.shrinkage !== undefined && params.shrinkage !== null && params.shrinkage !== '') {
    const raw = params.shrinkage.trim();
    if (!DECIMAL.test(raw) || !(Number(raw) < 1))
      throw new InputError(`shrinkage: expected a share in [0, 1), got "${raw.slice(0, 20)}"`);
    shrinkage = raw;
  }
  let simulateDate: string | null = null;
  if (params.simulateDate) {
    simulateDate = parseLocalDate('simulate date', params.simulateDate);
    if (simulateDate < from || simulateDate > to)
      throw new InputError(`simulate date ${simulateDate} is outside ${from} … ${to}`);
  }
  let replications = config.staffing.replications;
  if (params.replications) {
    replications = Number(params.replications);
    if (!/^\d+$/.test(params.replications) || replications < 2 || replications > 1000) {
      throw new InputError(`replications: expected a whole number 2…1000, got "${params.replications.slice(0, 20)}"`);
    }
  }
  return {
    from,
    to,
    intervalMinutes: interval,
    shrinkage,
    erlangC: Boolean(params.erlangC),
    simulateDate,
    replications,
  };
}
