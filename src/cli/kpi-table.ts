import { meetsTarget, TARGET_DIRECTION, type KpiRow, type TargetKpi } from '../domain/kpi/kpi-row.ts';
import type { KpiTargets } from '../server/config.ts';
import type { KpiResult } from '../server/queries/kpi.ts';

const COLUMNS: { key: keyof KpiRow; title: string; format: (v: number) => string }[] = [
  { key: 'offered', title: 'offered', format: String },
  { key: 'answered', title: 'answered', format: String },
  { key: 'lost', title: 'lost', format: String },
  { key: 'service_level', title: 'SL', format: (v) => `${(v * 100).toFixed(1)}%` },
  { key: 'lost_rate', title: 'lost%', format: (v) => `${(v * 100).toFixed(1)}%` },
  { key: 'asa_s', title: 'ASA s', format: (v) => v.toFixed(1) },
  { key: 'aht_s', title: 'AHT s', format: (v) => v.toFixed(0) },
  { key: 'avg_rating', title: 'rating', format: (v) => v.toFixed(2) },
  { key: 'csi', title: 'CSI', format: (v) => `${(v * 100).toFixed(1)}%` },
  { key: 'cdi', title: 'CDI', format: (v) => `${(v * 100).toFixed(1)}%` },
  { key: 'fcr', title: 'FCR', format: (v) => `${(v * 100).toFixed(1)}%` },
];

/** A plain-text table of KPI rows; a missed target is marked with `!`. */
export function formatKpiTable(result: KpiResult, targets: KpiTargets): string {
  const groupKeys = Object.keys(result.rows[0]?.group ?? {});
  const header = [...groupKeys, ...COLUMNS.map((c) => c.title)];
  const body = result.rows.map((row) => [
    ...groupKeys.map((k) => row.group[k] || '—'),
    ...COLUMNS.map(({ key, format }) => {
      const v = row[key] as number | null;
      if (v === null) return '—';
      const met = key in TARGET_DIRECTION ? meetsTarget(key as TargetKpi, v, targets[key as TargetKpi]) : true;
      return `${format(v)}${met === false ? '!' : ''}`;
    }),
  ]);
  const widths = header.map((h, i) => Math.max(h.length, ...body.map((r) => r[i].length)));
  const line = (cells: string[]) => cells.map((c, i) => c.padStart(widths[i])).join('  ');
  const title = `${result.from} … ${result.to} (${result.timezone}); ! = target missed`;
  return [title, line(header), ...body.map(line), ''].join('\n');
}
