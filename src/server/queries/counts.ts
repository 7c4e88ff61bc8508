import type { ClickHouseClient } from '@clickhouse/client';

/** How many call visits are stored (to tell an empty database). */
export async function countCalls(client: ClickHouseClient): Promise<number> {
  const rs = await client.query({ query: 'SELECT count() AS n FROM call', format: 'JSONEachRow' });
  const [row] = await rs.json<{ n: number }>();
  return Number(row?.n ?? 0);
}
