// The independent labour-rule validator on hand-made rosters: one test per rule it must catch.
import { describe, expect, it } from 'vitest';
import { validateRoster, type RosterAssignmentJson } from '../../src/domain/roster/validate.ts';
import { DATES, testSettings } from './fixtures.ts';

const settings = testSettings();
const ops = [
  { agent_id: 'a', languages: ['ru'], contract_hours_week: 40 },
  { agent_id: 'p', languages: ['kk'], contract_hours_week: 20 },
];
// A legal 9-hour shift (8 paid): breaks 15 at +60, lunch 60 at +195, break 15 at +390 minutes.
const shift = (
  date: string,
  start = '09:00',
  end = '18:00',
  extra: Partial<RosterAssignmentJson> = {},
): RosterAssignmentJson => ({
  agent_id: 'a',
  date,
  start,
  end,
  skill: 'ru',
  breaks: [
    { start: '10:00', end: '10:15' },
    { start: '12:15', end: '13:15' },
    { start: '15:30', end: '15:45' },
  ],
  activities: [],
  ...extra,
});
const week = (n: number) => DATES.slice(0, n).map((d) => shift(d));
const rules = (list: RosterAssignmentJson[]) =>
  validateRoster(list, ops, settings, DATES).violations.map((v) => v.rule);

describe('validateRoster', () => {
  it('accepts a legal week: 5 × 8 paid hours, Saturday and Sunday off', () => {
    const r = validateRoster(week(5), ops, settings, DATES);
    expect(r.violations).toEqual([]);
    expect(r.warnings).toEqual([]);
  });
  it('catches a sixth working day and the missing two consecutive days off', () => {
    expect(rules(week(6))).toEqual(
      expect.arrayContaining(['max_days_per_week', 'consecutive_days_off', 'hours_above_contract']),
    );
  });
  it('catches days off that are not consecutive', () => {
    const list = [0, 1, 3, 4, 6].map((i) => shift(DATES[i]));
    expect(rules(list)).toContain('consecutive_days_off');
  });
  it('catches rest under the minimum (21:00 → 09:00 is 12 h; the rule here asks 13 h)', () => {
    const late = {
      ...shift(DATES[0], '12:00', '21:00'),
      breaks: [
        { start: '13:00', end: '13:15' },
        { start: '15:15', end: '16:15' },
        { start: '18:30', end: '18:45' },
      ],
    };
    expect(rules([late, shift(DATES[1], '09:00', '18:00')])).toEqual([]);
    const strict = testSettings({ rules: { ...settings.rules, min_rest_hours: 13 } });
    expect(validateRoster([late, shift(DATES[1])], ops, strict, DATES).violations.map((v) => v.rule)).toEqual([
      'min_rest',
    ]);
  });
  it('catches a skill the operator lacks, a wrong length, breaks outside windows, overlaps', () => {
    expect(rules([shift(DATES[0], '09:00', '18:00', { skill: 'kk' })])).toContain('skill');
    expect(rules([shift(DATES[0], '09:00', '16:00')])).toContain('shift_template');
    expect(rules([shift(DATES[0], '09:00', '18:00', { breaks: [{ start: '09:00', end: '09:15' }] })])).toContain(
      'breaks',
    );
    const clash = shift(DATES[0], '09:00', '18:00', {
      activities: [{ kind: 'training', start: '10:00', end: '11:00' }],
    });
    expect(rules([clash])).toContain('overlap');
  });
  it('catches two shifts a day, shifts outside opening hours, unknown operators, leave', () => {
    expect(rules([shift(DATES[0]), shift(DATES[0])])).toContain('one_shift_a_day');
    expect(rules([shift(DATES[0], '06:00', '15:00')])).toContain('opening_hours');
    expect(rules([{ ...shift(DATES[0]), agent_id: 'x' }])).toEqual(['unknown_operator']);
    const away = testSettings({ unavailability: [{ agent_id: 'a', from: DATES[0], to: DATES[0] }] });
    expect(validateRoster([shift(DATES[0])], ops, away, DATES).violations.map((v) => v.rule)).toEqual(['unavailable']);
  });
  it('catches a part-timer on a full-time length and warns about hours below the contract', () => {
    const pt = { ...shift(DATES[0]), agent_id: 'p', skill: 'kk' };
    expect(rules([pt])).toContain('shift_template');
    const r = validateRoster(week(2), ops, settings, DATES);
    expect(r.warnings.map((w) => w.rule)).toEqual(['hours_below_contract']);
  });
});
