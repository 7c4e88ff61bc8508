/**
 * DESIGN §4, the kinds `agents` and `agent-events`: a later row for the same agent replaces it;
 * re-sending an agent event is a duplicate; a bad state or date is rejected naming the field.
 */
import { describe, expect, it } from 'vitest';
import { Workspace } from '../kpi/harness.ts';

const ws = new Workspace('ingest-agents');

describe('agents', () => {
  it('stores operators, and a later changed row replaces the earlier one', async () => {
    const first = await ws.ingest(
      [
        {
          agent_id: 'ag-1',
          name: 'Aigerim',
          site: 'Astana',
          department: 'L1',
          languages: ['kk', 'ru'],
          contract_hours_week: 40,
          hired_at: '2025-09-01',
        },
        { agent_id: 'ag-2', name: 'Dmitry', site: 'Almaty', languages: 'ru', hired_at: '2024-02-30' }, // no such date
        { agent_id: 'ag-3', name: 'Saule', site: 'Almaty', languages: 'kk;ru' },
      ],
      'agents',
    );
    expect(first).toMatchObject({ read: 3, accepted: 2, rejected: 1 });
    expect(first.rejects[0]).toMatchObject({ line: 2, reason: expect.stringMatching(/hired_at/) });

    // The same row again is a duplicate; a changed row for ag-1 replaces it.
    const second = await ws.ingest(
      [
        { agent_id: 'ag-3', name: 'Saule', site: 'Almaty', languages: 'kk;ru' },
        {
          agent_id: 'ag-1',
          name: 'Aigerim',
          site: 'Shymkent',
          department: 'L2',
          languages: ['kk', 'ru'],
          contract_hours_week: 30,
          hired_at: '2025-09-01',
        },
      ],
      'agents',
    );
    expect(second).toMatchObject({ read: 2, accepted: 1, duplicates: 1, rejected: 0 });
    const agents = await ws.exported('agents');
    expect(agents).toEqual([
      {
        agent_id: 'ag-1',
        name: 'Aigerim',
        site: 'Shymkent',
        department: 'L2',
        languages: ['kk', 'ru'],
        contract_hours_week: 30,
        hired_at: '2025-09-01',
      },
      expect.objectContaining({ agent_id: 'ag-3', languages: ['kk', 'ru'] }),
    ]);
  });
});

describe('agent events', () => {
  it('stores state changes, rejects an unknown state naming the field, and counts re-sent events as duplicates', async () => {
    const events = [
      { agent_id: 'ag-1', at: '2026-03-02T03:00:00Z', state: 'login' },
      { agent_id: 'ag-1', at: '2026-03-02T06:00:00+05:00', state: 'break' },
      { agent_id: 'ag-1', at: 1772431200, state: 'pause', reason: 'training' }, // 2026-03-02T06:00:00Z
      { agent_id: 'ag-1', at: '2026-03-02T06:15:00Z', state: 'unpause' },
      { at: '2026-03-02T12:00:00Z', state: 'logout' },
    ];
    const first = await ws.ingest(events, 'agent-events');
    expect(first).toMatchObject({ read: 5, accepted: 3, rejected: 2 });
    expect(first.rejects.map((r) => r.line)).toEqual([2, 5]);
    expect(first.rejects[0].reason).toMatch(/state.*break/);
    expect(first.rejects[1].reason).toMatch(/agent_id/);

    const again = await ws.ingest(events, 'agent-events');
    expect(again).toMatchObject({ read: 5, accepted: 0, duplicates: 3, rejected: 2 });
    const stored = await ws.exported('agent-events');
    expect(stored.map((e) => [new Date(e.at as string).toISOString(), e.state, e.reason])).toEqual([
      ['2026-03-02T03:00:00.000Z', 'login', ''],
      ['2026-03-02T06:00:00.000Z', 'pause', 'training'],
      ['2026-03-02T06:15:00.000Z', 'unpause', ''],
    ]);
  });
});
