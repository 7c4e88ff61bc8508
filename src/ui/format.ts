/** Display formatting of KPI values (JSON keeps them unrounded; rounding is for people). */
import type { KpiRow } from '$domain/kpi/kpi-row.ts';

export type KpiKey = Exclude<keyof KpiRow, 'group'>;

const PERCENT = new Set<KpiKey>(['service_level', 'lost_rate', 'dial_through', 'csi', 'cdi', 'fcr']);
const SECONDS = new Set<KpiKey>(['asa_s', 'avg_wait_s', 'aht_s']);

export function formatKpi(key: KpiKey, value: number | boolean | null, unitSeconds = 's'): string {
  if (value === null) return '—';
  if (typeof value === 'boolean') return value ? '✓' : '';
  if (PERCENT.has(key)) return `${(value * 100).toFixed(1)} %`;
  if (SECONDS.has(key)) return `${value.toFixed(1)} ${unitSeconds}`;
  if (key === 'avg_rating') return value.toFixed(2);
  return value.toLocaleString('ru-RU');
}

export function formatTarget(key: KpiKey, target: number, unitSeconds = 's'): string {
  return formatKpi(key, target, unitSeconds);
}
