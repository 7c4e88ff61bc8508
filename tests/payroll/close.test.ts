/**
 * Closing a month (issue 7): the snapshot is frozen; later data — a late rating, a re-ingested day
 * with another call — never changes it silently but shows as a difference; what-if of a draft
 * rule set runs against the open month's data, or against the closed month's frozen facts.
 * The dataset and the expected lines are those of dataset.ts / facts.test.ts.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { openClient } from '../../src/server/clickhouse/client.ts';
import { databaseTarget } from '../../src/server/config.ts';
import { runCli, Workspace } from '../kpi/harness.ts';
import type { PayLine } from '../../src/domain/pay/pay-line.ts';
import type { PayrollResult } from '../../src/server/payroll.ts';
import type { WhatIfResult } from '../../src/server/payroll-close.ts';
import { at, call, dataset, MONTH, PAY_CONFIG, rating } from './dataset.ts';

const ws = new Workspace('payroll-close');
let config: string;
let draft: string;
let closedAt = '';

async function payroll(...args: string[]) {
  const r = await runCli(['payroll', '--month', MONTH, ...args, '--db', ws.db, '--config', config]);
  if (r.code !== 0) throw new Error(`payroll exited ${r.code}: ${r.stderr}`);
  return r.stdout;
}
const json = async <T>(...args: string[]) => JSON.parse(await payroll(...args, '--json')) as T;

beforeAll(async () => {
  config = ws.config(PAY_CONFIG);
  // The draft: 2 000 tiyn a call above the norm instead of 1 000.
  draft = ws.config({ pay: { rules: [{ ...PAY_CONFIG.pay.rules[0], per_call_tiyn: 2_000 }] } }, 'draft.json');
  const d = dataset();
  await ws.ingest(d.agents, 'agents', config);
  await ws.ingest(d.calls, 'calls', config);
  await ws.ingest(d.ratings, 'ratings', config);
  await ws.ingest(d.events, 'agent-events', config);
});

describe('closing a month', () => {
  let open: { month: string; operators: PayLine[] };

  it('what-if on an open month: the draft against the current rules, per operator and in total', async () => {
    open = await json('--lang', 'ru');
    const diff = await json<WhatIfResult>('--what-if', draft);
    // Only op-full has calls above the norm: 5 × (2 000 − 1 000) = +5 000.
    expect(diff.closed).toBe(false);
    expect(diff.total_diff_tiyn).toBe(5_000);
    expect(diff.base_total_tiyn).toBe(241_932);
    expect(diff.draft_total_tiyn).toBe(246_932);
    expect(diff.operators.find((o) => o.agent_id === 'op-full')).toEqual({
      agent_id: 'op-full',
      base_total_tiyn: 105_000,
      draft_total_tiyn: 110_000,
      guaranteed_diff_tiyn: 0,
      bonus_diff_tiyn: 5_000,
      total_diff_tiyn: 5_000,
    });
    expect(diff.operators.filter((o) => o.total_diff_tiyn !== 0)).toHaveLength(1);
    expect(await payroll('--what-if', draft)).toContain(
      '1 of 5 operators paid differently; total 2 419.32 → 2 469.32 ₸ (+50.00 ₸)',
    );
  });

  it('closes the month once, of three closings at once; a later closing is refused', async () => {
    // Three at once, as three clicks on the page would (QA: all three closed it, each replacing
    // the snapshot before): one closes, the others are refused.
    const closings = await Promise.all(
      [1, 2, 3].map(() => runCli(['payroll', 'close', '--month', MONTH, '--db', ws.db, '--config', config, '--json'])),
    );
    expect(closings.map((r) => r.code).sort()).toEqual([0, 2, 2]);
    const closed = JSON.parse(closings.find((r) => r.code === 0)!.stdout);
    expect(closed).toMatchObject({ month: MONTH, operators: 5, total_tiyn: 241_932 });
    closedAt = closed.closed_at;
    const client = await openClient(databaseTarget({ db: ws.db }));
    const rs = await client.query({
      query: 'SELECT count() AS n FROM payroll_month WHERE month = {month:String}',
      query_params: { month: MONTH },
      format: 'JSONEachRow',
    });
    expect((await rs.json<{ n: string }>()).map((r) => Number(r.n))).toEqual([1]); // one snapshot stored
    const again = await runCli(['payroll', '--month', MONTH, '--close', '--db', ws.db, '--config', config]);
    expect(again.code).toBe(2);
    expect(again.stderr).toMatch(/^kezek payroll: 2025-01 was closed at .*; a closed month is never recomputed\n$/);
  });

  it('shows the frozen figures, with no change while no data arrived', async () => {
    const result = await json<PayrollResult>('--lang', 'ru');
    expect(result.operators).toEqual(open.operators);
    // The instant the closing printed, in the same form (QA: …57.527Z on closing, …57.527000Z after).
    expect(result.closed_at).toBe(closedAt);
    expect(result.changes).toEqual({ operators: [], total_diff_tiyn: 0 });
  });

  it('a late rating and a re-ingested day leave the closed month unchanged and show as differences', async () => {
    // Late rating: a33 (op-full's call) rated 1 on 25 Jan → 21 ratings, (95 + 1) / 21 = 4.571… <
    // 4.75 → bonus 5 000 withheld: 105 000 → 100 000. Re-ingested day: one more op-mid call on
    // 21 Jan → handled 13: 80 000 × 13 / 16 = 65 000 (was 60 000).
    await ws.ingest([rating('a33', 1, at('2025-01-25', '10:00:00'))], 'ratings', config);
    await ws.ingest([call('c13', 'op-mid', at('2025-01-21', '15:00:00'), 250)], 'calls', config);

    const result = await json<PayrollResult>('--lang', 'ru');
    expect(result.operators).toEqual(open.operators);
    expect(result.changes).toEqual({
      operators: [
        {
          agent_id: 'op-full',
          closed_total_tiyn: 105_000,
          current_total_tiyn: 100_000,
          guaranteed_diff_tiyn: 0,
          bonus_diff_tiyn: -5_000,
          total_diff_tiyn: -5_000,
          changed: ['ratings', 'avg_rating', 'gates.rating', 'bonus_tiyn', 'total_tiyn'],
        },
        {
          agent_id: 'op-mid',
          closed_total_tiyn: 60_000,
          current_total_tiyn: 65_000,
          guaranteed_diff_tiyn: 5_000,
          bonus_diff_tiyn: 0,
          total_diff_tiyn: 5_000,
          changed: ['handled', 'guaranteed_tiyn', 'total_tiyn'],
        },
      ],
      total_diff_tiyn: 0,
    });
    const text = await payroll();
    expect(text).toContain('(closed ');
    expect(text).toContain('later data would change 2 operators of the closed month');
    expect(text).toMatch(/op-full +1 050\.00 +1 000\.00 +-50\.00/);
  });

  it('what-if on a closed month runs on its frozen facts', async () => {
    // Frozen op-full: 20 ratings averaging 4.75, bonus paid → 5 × 2 000 = 10 000 (+5 000); today's
    // data (the late rating) would withhold it, which the frozen month ignores.
    const diff = await json<WhatIfResult>('--what-if', draft);
    expect(diff.closed).toBe(true);
    expect(diff.total_diff_tiyn).toBe(5_000);
    expect(diff.operators.find((o) => o.agent_id === 'op-mid')?.total_diff_tiyn).toBe(0);
  });

  it('what-if on a closed month with other paid pauses recounts productive time from the events its close read', async () => {
    // A session of op-full on Saturday 25 January, 10–11, stored after the close (QA's case).
    const late = [
      { agent_id: 'op-full', at: at('2025-01-25', '10:00:00'), state: 'login' },
      { agent_id: 'op-full', at: at('2025-01-25', '11:00:00'), state: 'logout' },
    ];
    await ws.ingest(late, 'agent-events', config);
    // The draft pays coaching pauses only: op-full's 1 h training pause leaves it 1 h under the
    // hours norm (exactly met before), so its bonus is withheld: 105 000 → 100 000. The late hour
    // would make it up, but it is not the closed month's.
    const rules = { ...PAY_CONFIG.pay.rules[0], paid_pause_reasons: ['coaching'] };
    const noTraining = ws.config({ pay: { rules: [rules] } }, 'draft-no-training.json');
    const diff = await json<WhatIfResult>('--what-if', noTraining);
    expect(diff.operators.find((o) => o.agent_id === 'op-full')).toMatchObject({
      base_total_tiyn: 105_000,
      draft_total_tiyn: 100_000,
    });
  });

  it('refuses to close a month that has not ended, and a bad draft', async () => {
    const future = await runCli(['payroll', 'close', '--month', '2099-01', '--db', ws.db, '--config', config]);
    expect(future.code).toBe(2);
    expect(future.stderr).toBe('kezek payroll: 2099-01 has not ended yet: it cannot be closed\n');
    // QA: a month with no pay data was closed with one click, frozen empty.
    const empty = await runCli(['payroll', 'close', '--month', '2025-03', '--db', ws.db, '--config', config]);
    expect(empty.code).toBe(2);
    expect(empty.stderr).toBe('kezek payroll: 2025-03 has no pay data: there is nothing to close\n');
    const bad = ws.config({ pay: { rules: [{ from: '2025-01-01', per_call: 1 }] } }, 'bad-draft.json');
    const r = await runCli(['payroll', '--month', MONTH, '--what-if', bad, '--db', ws.db, '--config', config]);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/unknown key "per_call"/);
    const none = ws.config({ timezone: 'Asia/Almaty' }, 'no-pay.json');
    const r2 = await runCli(['payroll', '--month', MONTH, '--what-if', none, '--db', ws.db, '--config', config]);
    expect(r2.code).toBe(2);
    expect(r2.stderr).toMatch(/expected a JSON object with a "pay" section/);
  });
});
