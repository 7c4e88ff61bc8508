import type { ClickHouseClient } from '@clickhouse/client';
import { randomBytes } from 'node:crypto';

/**
 * The installation's caller-hash salt: created once at random and kept in the database, so that
 * the same caller hashes alike across ingests (FCR needs it) and no file holds it.
 */
export async function callerSalt(client: ClickHouseClient): Promise<string> {
  const read = async () => {
    const rs = await client.query({
      query: "SELECT argMin(value, set_at) AS salt, count() AS n FROM installation WHERE key = 'caller_salt'",
      format: 'JSONEachRow',
    });
    const [row] = await rs.json<{ salt: string; n: number }>();
    return row && Number(row.n) > 0 ? row.salt : null;
  };
  const existing = await read();
  if (existing) return existing;
  await client.insert({
    table: 'installation',
    values: [{ key: 'caller_salt', value: randomBytes(32).toString('hex') }],
    format: 'JSONEachRow',
  });
  // The first salt ever written wins, should two writers race.
  return (await read())!;
}
