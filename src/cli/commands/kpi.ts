import { dateOption, parseCommandArgs, requireOption, UsageError } from '../args.ts';
import type { Command } from '../command.ts';
import { openContext } from '../context.ts';
import { printJson } from '../io.ts';
import { fetchKpis, isKpiGroup, KPI_GROUPS, type KpiGroup } from '../../server/queries/kpi.ts';
import { formatKpiTable } from '../kpi-table.ts';

const USAGE = `usage: kezek kpi --from YYYY-MM-DD --to YYYY-MM-DD [--by day,hour,interval,queue,language,site,agent,channel] [--queue Q] [--json]
Dates are local dates of the centre's time zone, both inclusive.`;

export function parseGroups(raw: string | undefined): KpiGroup[] {
  if (!raw) return [];
  const names = raw.split(',').map((s) => s.trim()).filter(Boolean);
  for (const n of names) {
    if (!isKpiGroup(n)) throw new UsageError(`--by: unknown group "${n}" (expected ${KPI_GROUPS.join(', ')})`);
  }
  if (new Set(names).size !== names.length) throw new UsageError('--by: a group is named twice');
  return names as KpiGroup[];
}

export const command: Command = {
  name: 'kpi',
  summary: 'service level, lost calls, waits, CSI/CDI, FCR … for a date range',
  usage: USAGE,
  async run(argv, io) {
    const { values } = parseCommandArgs(argv, {
      from: { type: 'string' },
      to: { type: 'string' },
      by: { type: 'string' },
      queue: { type: 'string', multiple: true },
    });
    const from = requireOption('from', dateOption('from', values.from));
    const to = requireOption('to', dateOption('to', values.to));
    if (to < from) throw new UsageError(`--to ${to} is before --from ${from}`);
    const by = parseGroups(values.by);
    const queues = (values.queue ?? []).flatMap((q) => q.split(',')).map((q) => q.trim()).filter(Boolean);
    const { client, config } = await openContext(values);
    const result = await fetchKpis(client, { from, to, by, filters: { queues }, timezone: config.timezone, kpi: config.kpi });
    if (values.json) printJson(io, result);
    else io.stdout(formatKpiTable(result, config.kpi.targets));
  },
};
