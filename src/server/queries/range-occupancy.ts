import type { ClickHouseClient } from '@clickhouse/client';
import { toClickHouseTime } from '../../../ingest/formats/time.ts';

/**
 * True when no call, rating or agent event is stored in [fromMs, toMs): a bulk load into that
 * range can then skip the per-batch duplicate check.
 */
export async function rangeIsEmpty(client: ClickHouseClient, fromMs: number, toMs: number): Promise<boolean> {
  const rs = await client.query({
    query: `SELECT
        (SELECT count() FROM call WHERE entered_at >= {from:DateTime64(3, 'UTC')} AND entered_at < {to:DateTime64(3, 'UTC')})
      + (SELECT count() FROM rating WHERE rated_at >= {from:DateTime64(3, 'UTC')} AND rated_at < {to:DateTime64(3, 'UTC')})
      + (SELECT count() FROM agent_event WHERE at >= {from:DateTime64(3, 'UTC')} AND at < {to:DateTime64(3, 'UTC')}) AS n`,
    query_params: { from: toClickHouseTime(fromMs), to: toClickHouseTime(toMs) },
    format: 'JSONEachRow',
  });
  const [row] = await rs.json<{ n: number }>();
  return Number(row.n) === 0;
}
