/**
 * The roster plans breaks, lunches and activities itself, so it asks for operators on the phone
 * with only the rest of the shrinkage (QA: with the whole of it, breaks counted twice and the
 * roster asked for 18 % more operators than Erlang needs). Agent events of one operator-day, by
 * hand: logged in 09:00–17:00 (8 h) with a 1 h lunch, a 15 min break and a 30 min technical pause.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { openContext } from '../../src/cli/context.ts';
import { unplannedShrinkage } from '../../src/domain/staffing/shrinkage.ts';
import { DEFAULT_CONFIG } from '../../src/server/config.ts';
import { fetchAgentPauses } from '../../src/server/queries/forecast-history.ts';
import { plannedPauseReasons, rosterRequirement } from '../../src/server/roster.ts';
import { Workspace } from '../kpi/harness.ts';

const ws = new Workspace('roster-shrinkage');
const at = (time: string) => `2026-11-02T${time}+05:00`;
const event = (time: string, state: string, reason = '') => ({ agent_id: 'op1', at: at(time), state, reason });

beforeAll(async () => {
  await ws.ingest(
    [
      event('09:00:00', 'login'),
      event('11:00:00', 'pause', 'break'),
      event('11:15:00', 'unpause'),
      event('13:00:00', 'pause', 'lunch'),
      event('14:00:00', 'unpause'),
      event('15:00:00', 'pause', 'technical'),
      event('15:30:00', 'unpause'),
      event('17:00:00', 'logout'),
    ],
    'agent-events',
  );
});

describe('the shrinkage a roster plans with', () => {
  it("plans the default shifts' breaks and lunches, and trainings and coaching", () => {
    expect(plannedPauseReasons(DEFAULT_CONFIG).sort()).toEqual(['break', 'coaching', 'lunch', 'training']);
  });

  it('measures the paused time of the reasons it plans apart from the rest', async () => {
    const { client } = await openContext({ db: ws.db });
    const pauses = await fetchAgentPauses(client, {
      from: '2026-11-02',
      to: '2026-11-02',
      timezone: 'Asia/Almaty',
      planned: plannedPauseReasons(DEFAULT_CONFIG),
    });
    // 8 h logged in; paused 1 h 45 min, of which the break and lunch (1 h 15 min) are planned.
    expect(pauses).toEqual({ loggedInSeconds: 28_800, pausedSeconds: 6_300, plannedPausedSeconds: 4_500 });
  });

  it('is what the planned pauses leave of it: 1 − (1 − s) / (1 − b)', () => {
    // s = 6 300 / 28 800 = 0.21875, b = 4 500 / 28 800 = 0.15625: u = 1 − 0.78125 / 0.84375 = 0.0741
    // (the technical 30 min of the 6 h 45 min on the phone or on it: 1 800 / 24 300 = 0.0741).
    expect(unplannedShrinkage('0.2188', '0.1563')).toBe('0.0741');
    expect(unplannedShrinkage('0.3', null)).toBe('0.3'); // nothing planned measured
    expect(unplannedShrinkage('0.1', '0.15')).toBe('0'); // a configured figure below the planned share
  });

  it('turns on-phone agents into the requirement with that rest only', () => {
    const row = { intervalStart: '2026-11-09T10:00', skill: 'ru', calls: 100, ahtSeconds: 180 };
    const plan = [
      { ...row, agents: 14 },
      { ...row, skill: 'kk', agents: null },
    ] as unknown as Parameters<typeof rosterRequirement>[0];
    // ceil(14 / (1 − 0.0741)) = ceil(15.12) = 16, where the whole 0.2188 would ask ceil(17.92) = 18.
    expect(rosterRequirement(plan, '0.0741').map((r) => r.required)).toEqual([16, 0]);
  });
});
