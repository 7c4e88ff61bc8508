import { describe, expect, it } from 'vitest';
import { rosterCoverageOptions, rosterGanttOptions } from './roster.ts';

const a = {
  agent_id: 'a1',
  date: '2026-05-11',
  start: '09:00',
  end: '10:00',
  skill: 'ru',
  breaks: [{ start: '09:30', end: '09:45' }],
  activities: [{ kind: 'training', start: '09:45', end: '10:00' }],
};

describe('roster charts', () => {
  it('coverage: one day and skill, in time order', () => {
    const rows = [
      { interval_start: '2026-05-11T09:15', skill: 'ru', required: 3, scheduled: 2 },
      { interval_start: '2026-05-11T09:00', skill: 'ru', required: 1, scheduled: 2 },
      { interval_start: '2026-05-11T09:00', skill: 'kk', required: 5, scheduled: 5 },
      { interval_start: '2026-05-12T09:00', skill: 'ru', required: 9, scheduled: 9 },
    ];
    const o = rosterCoverageOptions(rows, '2026-05-11', 'ru', { required: 'R', scheduled: 'S' });
    expect(o.xAxis.data).toEqual(['09:00', '09:15']);
    expect(o.series[0].data).toEqual([1, 3]);
    expect(o.series[1].data).toEqual([2, 2]);
  });
  it('gantt: on duty, break and activity cells of 15 minutes', () => {
    const o = rosterGanttOptions([a], '2026-05-11', 15);
    expect(o.yAxis.data).toEqual(['a1 ru']);
    expect(o.series[0].data).toEqual([
      [0, 0, 1],
      [1, 0, 1],
      [2, 0, 2],
      [3, 0, 3],
    ]);
    expect(o.xAxis.data[0]).toBe('09:00');
  });
});
