/**
 * The server side of the HR pages (/hr, /hr/operators/[id]) and GET /api/payroll, on the month
 * of dataset.ts: the routes only validate and call these functions.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { runCli, Workspace } from '../kpi/harness.ts';
import { openContext, type CommandContext } from '../../src/cli/context.ts';
import { payrollResult } from '../../src/server/payroll.ts';
import { hrMonth, hrMonthPage, hrWhatIf } from '../../src/server/payroll-hr.ts';
import { operatorMonthView } from '../../src/server/payroll-operator.ts';
import { dataset, MONTH, PAY_CONFIG } from './dataset.ts';

const ws = new Workspace('payroll-hr');
let ctx: CommandContext;

beforeAll(async () => {
  const config = ws.config(PAY_CONFIG);
  const d = dataset();
  await ws.ingest(d.agents, 'agents', config);
  await ws.ingest(d.calls, 'calls', config);
  await ws.ingest(d.ratings, 'ratings', config);
  await ws.ingest(d.events, 'agent-events', config);
  ctx = await openContext({ db: ws.db, config });
});

describe('GET /api/payroll', () => {
  it('returns the JSON of `kezek payroll --json`', async () => {
    const cli = await runCli([
      'payroll',
      '--month',
      MONTH,
      '--db',
      ws.db,
      '--config',
      ws.config(PAY_CONFIG),
      '--json',
      '--lang',
      'kk',
    ]);
    expect(await payrollResult(ctx, MONTH, 'kk')).toEqual(JSON.parse(cli.stdout));
  });
});

describe('/hr', () => {
  it('the month table with names, totals and the closing state', async () => {
    const page = await hrMonthPage(ctx, MONTH, 'en', Date.parse('2026-01-01T00:00:00Z'));
    expect(page.rows.map((r) => [r.agent_id, r.name, r.working_days, r.total_tiyn])).toEqual([
      ['op-e', 'Crossing Midnight', 20, 11_932],
      ['op-full', 'Full Time', 20, 105_000],
      ['op-mid', 'Mid Month', 10, 60_000],
      ['op-none', '', 20, 15_000],
      ['op-part', 'Part Time', 20, 50_000],
    ]);
    // 11 932 + 100 000 + 50 000 + 60 000 + 15 000 = 236 932 guaranteed; 5 000 bonus (op-full).
    expect(page.totals).toEqual({ operators: 5, guaranteed_tiyn: 236_932, bonus_tiyn: 5_000, total_tiyn: 241_932 });
    expect(page).toMatchObject({ closed_at: null, changes: null, can_close: true, ended: true });
    expect(page.rule?.daily_norm_calls).toBe(2);
    // Before 1 February 2025 00:00 local time the month has not ended.
    const early = await hrMonthPage(ctx, MONTH, 'en', Date.parse('2025-01-31T18:59:00Z'));
    expect(early.can_close).toBe(false);
  });

  it('what-if from pasted text; bad drafts are messages, not failures', async () => {
    const text = JSON.stringify({ pay: { rules: [{ ...PAY_CONFIG.pay.rules[0], min_avg_rating: 4.8 }] } });
    const diff = await hrWhatIf(ctx, { month: MONTH, file: null, text }, 'en');
    // op-full's 4.75 average now fails the 4.8 bar: its 5 000 bonus goes.
    expect(diff.total_diff_tiyn).toBe(-5_000);
    await expect(hrWhatIf(ctx, { month: MONTH, file: null, text: '' }, 'en')).rejects.toThrow(/no draft rules/);
    await expect(hrWhatIf(ctx, { month: MONTH, file: null, text: '{"pay":' }, 'en')).rejects.toThrow(/not valid JSON/);
    const file = new File(['{"pay": {"rules": [{"from": "2030-01-01"}]}}'], 'draft.json');
    await expect(hrWhatIf(ctx, { month: MONTH, file, text: null }, 'en')).rejects.toThrow(
      /no pay rule in force on 2025-01-01/,
    );
  });

  it('validates the month parameter', () => {
    expect(hrMonth(ctx, '2025-02')).toBe('2025-02');
    expect(hrMonth(ctx, null)).toMatch(/^\d{4}-\d\d$/);
    expect(() => hrMonth(ctx, '2025-2')).toThrow(/expected YYYY-MM/);
  });
});

describe('/hr/operators/[id]', () => {
  it('one operator day by day with the facts behind every gate', async () => {
    const v = (await operatorMonthView(ctx, MONTH, 'op-mid', 'en'))!;
    expect(v).toMatchObject({
      agent_id: 'op-mid',
      name: 'Mid Month',
      working_days: 10,
      hired_at: '2025-01-20',
      contract_hours_week: 40,
    });
    expect(v.line.total_tiyn).toBe(60_000);
    expect(v.days).toHaveLength(31);
    // 20 Jan: 09–17 logged in, the lunch from 16:00 runs to the logout (unpaid 1 h); call c_i lands
    // on midDates[i % 8], so only c08 is on 20 Jan; all 10 ratings are dated 30 Jan.
    expect(v.days.find((d) => d.date === '2025-01-20')).toMatchObject({
      working_day: true,
      logged_in_seconds: 28_800,
      unpaid_pause_seconds: 3_600,
      paid_pause_seconds: 0,
      productive_seconds: 25_200,
      handled: 1,
      aht_s: 250,
    });
    expect(v.days.find((d) => d.date === '2025-01-30')).toMatchObject({ ratings: 10, avg_rating: 4.7, complaints: 0 });
    expect(v.days.find((d) => d.date === '2025-01-07')).toMatchObject({
      working_day: false,
      holiday: 'Orthodox Christmas',
    });
    expect(v.gates).toEqual([
      { gate: 'hours', value: 63, bar: 80, applied: true, passed: false },
      { gate: 'rating', value: 4.7, bar: 4.75, applied: true, passed: false },
      { gate: 'aht', value: 250, bar: 300, applied: true, passed: true },
    ]);
  });

  it('an operator below the rating minimum: the gate is not applied; an unknown operator is null', async () => {
    const v = (await operatorMonthView(ctx, MONTH, 'op-part', 'ru'))!;
    expect(v.gates[1]).toEqual({ gate: 'rating', value: 3, bar: 4.75, applied: false, passed: true });
    expect(v.line.reasons).toContain('порог оценки не применён: 9 оценок < 10');
    expect(await operatorMonthView(ctx, MONTH, 'nobody', 'en')).toBeNull();
  });
});
