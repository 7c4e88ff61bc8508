/** The pure parts of the supervisor views: alerts, presence, CSV cells and URL parameters. */
import { describe, expect, it } from 'vitest';
import { emptyCounters, kpiRow } from '../../src/domain/kpi/kpi-row.ts';
import { DEFAULT_CONFIG } from '../../src/server/config.ts';
import { InputError } from '../../src/server/input-error.ts';
import { intradayAlerts } from '../../src/server/supervisor-alerts.ts';
import { csvCell } from '../../src/server/supervisor-calls.ts';
import { supervisorKpiRequest, supervisorParams } from '../../src/server/supervisor-params.ts';
import { presenceByInterval } from '../../src/server/supervisor-presence.ts';
import { selectionQuery } from '../../src/ui/selection.ts';

const targets = DEFAULT_CONFIG.kpi.targets;
/** An interval where `withinSl` of 10 offered calls were answered within 20 s (SL = withinSl / 10). */
const slRow = (interval: string, withinSl: number | null) =>
  kpiRow(
    { interval },
    withinSl === null
      ? emptyCounters()
      : { ...emptyCounters(), offered: 10, answered: 10, answered_within_sl: withinSl },
  );

describe('intradayAlerts', () => {
  it('alerts when SL misses 80 % in two consecutive intervals, skipping empty ones', () => {
    const rows = [
      slRow('T09:00', 9),
      slRow('T09:15', 7),
      slRow('T09:30', null),
      slRow('T09:45', 6),
      slRow('T10:00', 8),
      slRow('T10:15', 5),
    ];
    // 09:15 (70 %) and 09:45 (60 %) are a run (09:30 had no calls); 10:15 alone is not.
    expect(intradayAlerts(rows, targets, ['service_level'])).toEqual([
      { kpi: 'service_level', from: 'T09:15', to: 'T09:45', intervals: 2, worst: 0.6, target: 0.8 },
    ]);
  });

  it('raises nothing for a single miss', () => {
    expect(intradayAlerts([slRow('T09:00', 5), slRow('T09:15', 9)], targets, ['service_level'])).toEqual([]);
  });
});

describe('presenceByInterval', () => {
  const m = (min: number) => min * 60_000;
  const starts = [0, m(15), m(30), m(45)];
  it('counts operators whose session or pause overlaps each interval', () => {
    const events = [
      { agent_id: 'a', at_ms: m(5), state: 'login', reason: '' },
      { agent_id: 'a', at_ms: m(20), state: 'pause', reason: 'break' },
      { agent_id: 'a', at_ms: m(25), state: 'unpause', reason: 'break' },
      { agent_id: 'a', at_ms: m(40), state: 'logout', reason: '' },
      // b never logs out: the session runs to closeMs (50 min); its pause ends with the session.
      { agent_id: 'b', at_ms: m(30), state: 'login', reason: '' },
      { agent_id: 'b', at_ms: m(35), state: 'pause', reason: 'lunch' },
    ];
    expect(presenceByInterval(events, starts, m(15), m(50))).toEqual({ loggedIn: [1, 1, 2, 1], paused: [0, 1, 1, 1] });
  });
});

describe('csvCell', () => {
  it('defuses spreadsheet formulas and quotes separators (OWASP CSV injection)', () => {
    expect(csvCell('=HYPERLINK("http://x")')).toBe(`"'=HYPERLINK(""http://x"")"`);
    expect(csvCell('+7700')).toBe("'+7700");
    expect(csvCell('-1')).toBe("'-1");
    expect(csvCell('@SUM(A1)')).toBe("'@SUM(A1)");
    expect(csvCell('\tx')).toBe("'\tx");
    expect(csvCell('a,b')).toBe('"a,b"');
    expect(csvCell(-1.5)).toBe('-1.5');
    expect(csvCell(null)).toBe('');
  });
});

describe('supervisorParams', () => {
  const url = (q: string) => new URL(`http://x/supervisor?${q}`);
  it('treats empty parameters as no filter and defaults to the given day', () => {
    const p = supervisorParams(url('queue=&site=&language=&date='), '2026-11-28');
    expect(p).toMatchObject({ from: '2026-11-28', to: '2026-11-28', date: '2026-11-28', outcome: '' });
    expect(supervisorKpiRequest(DEFAULT_CONFIG, p, []).filters).toEqual({
      queues: [],
      languages: [],
      sites: [],
      channels: [],
      agents: [],
    });
  });

  it('reads a range and filters, and round-trips through a link', () => {
    const p = supervisorParams(url('from=2026-11-01&to=2026-11-07&queue=1414-kk&outcome=lost'), '2026-11-28');
    expect(p).toMatchObject({ from: '2026-11-01', to: '2026-11-07', date: null, outcome: 'lost' });
    expect(p.filters.queue).toBe('1414-kk');
    expect(selectionQuery(p)).toBe('from=2026-11-01&to=2026-11-07&queue=1414-kk&outcome=lost');
  });

  it('reads a quarter-hour interval of a single day and links to it', () => {
    const p = supervisorParams(url('date=2026-11-27&interval=14:15&outcome=lost'), '2026-11-28');
    expect(p).toMatchObject({ date: '2026-11-27', interval: '14:15' });
    expect(selectionQuery(p)).toBe('date=2026-11-27&outcome=lost&interval=14%3A15');
    expect(() => supervisorParams(url('date=2026-11-27&interval=14:20'), '2026-11-28')).toThrow(InputError);
    expect(() => supervisorParams(url('from=2026-11-01&to=2026-11-07&interval=14:15'), '2026-11-28')).toThrow(
      InputError,
    );
  });

  it('rejects bad dates, reversed ranges and unknown outcomes', () => {
    expect(() => supervisorParams(url('date=2026-02-30'), '2026-11-28')).toThrow(InputError);
    expect(() => supervisorParams(url('from=2026-11-07&to=2026-11-01'), '2026-11-28')).toThrow(InputError);
    expect(() => supervisorParams(url('outcome=drop'), '2026-11-28')).toThrow(InputError);
  });
});
