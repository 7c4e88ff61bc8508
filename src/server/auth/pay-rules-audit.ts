/**
 * Pay rules live in the config file, so a change to them is seen when the server starts: the
 * rule set in force is compared with the one last audited, and a difference is audited.
 */
import type { ClickHouseClient } from '@clickhouse/client';
import { createHash } from 'node:crypto';
import type { PayConfig } from '../config.ts';
import { fetchAudit, recordAudit } from './audit-store.ts';

/** Records the pay rules when they differ from the last recorded ones; returns whether it did. */
export async function auditPayRules(client: ClickHouseClient, pay: PayConfig, actor = 'config'): Promise<boolean> {
  const text = JSON.stringify(pay);
  const digest = createHash('sha256').update(text).digest('hex').slice(0, 16);
  const [last] = await fetchAudit(client, { limit: 1, action: 'pay_rules' });
  if (last?.target === `rules ${digest}`) return false;
  await recordAudit(client, { actor, action: 'pay_rules', target: `rules ${digest}`, detail: text });
  return true;
}
