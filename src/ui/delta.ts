/** The change of a KPI against a comparison value, for display (percent KPIs in points). */
import { formatKpi, type KpiKey } from './format.ts';

const PERCENT = new Set(['service_level', 'lost_rate', 'dial_through', 'csi', 'cdi', 'fcr']);

export function formatDelta(key: KpiKey, value: number | null, before: number | null): string {
  if (value === null || before === null) return '—';
  const d = value - before;
  const sign = d > 0 ? '+' : d < 0 ? '−' : '±';
  const a = Math.abs(d);
  if (PERCENT.has(key)) return `${sign}${(a * 100).toFixed(1)} pp`;
  if (key === 'avg_rating') return `${sign}${a.toFixed(2)}`;
  if (key.endsWith('_s')) return `${sign}${a.toFixed(1)} s`;
  return `${sign}${formatKpi(key, a)}`;
}
