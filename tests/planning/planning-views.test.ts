/**
 * The planner's forecast and staffing pages on input they cannot plan from: the error comes with
 * the form as the URL filled it, so the planner can correct it (QA: the form went with the error).
 */
import { describe, expect, it } from 'vitest';
import { openContext } from '../../src/cli/context.ts';
import { forecastView, staffingView } from '../../src/server/planning-views.ts';
import { Workspace } from '../kpi/harness.ts';

const ws = new Workspace('planning-views');

describe('planner pages on bad input', () => {
  it('give the error with the form as filled', async () => {
    const ctx = await openContext({ db: ws.db });
    const reversed = new URLSearchParams({ from: '2026-12-01', to: '2026-11-01', interval: '30' });
    const forecast = await forecastView(ctx, reversed);
    expect(forecast).toMatchObject({
      error: expect.stringMatching(/before/),
      form: { from: '2026-12-01', to: '2026-11-01', interval: 30 },
    });
    const staffing = await staffingView(
      ctx,
      new URLSearchParams({ ...Object.fromEntries(reversed), shrinkage: '0.3' }),
    );
    expect(staffing).toMatchObject({ error: expect.any(String), form: { from: '2026-12-01', shrinkage: '0.3' } });
  });
});
