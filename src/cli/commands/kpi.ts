import { parseCommandArgs } from '../args.ts';
import type { Command } from '../command.ts';
import { openContext } from '../context.ts';
import { printJson } from '../io.ts';
import { kpiRequest } from '../../server/kpi-request.ts';
import { fetchKpis } from '../../server/queries/kpi.ts';
import { formatKpiTable } from '../kpi-table.ts';
import { loadConfig } from '../../server/config.ts';

const USAGE = `usage: kezek kpi --from YYYY-MM-DD --to YYYY-MM-DD [--by day,hour,interval,queue,language,site,agent,channel] [--queue Q] [--json]
Dates are local dates of the centre's time zone, both inclusive.`;

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
    // Options are checked before the database is opened: bad usage writes nothing.
    const request = kpiRequest({ ...values, queue: values.queue }, loadConfig(values.config));
    const { client, config } = await openContext(values, { existing: true });
    const result = await fetchKpis(client, request);
    if (values.json) printJson(io, result);
    else io.stdout(formatKpiTable(result, config.kpi.targets));
  },
};
