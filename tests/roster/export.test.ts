import { describe, expect, it } from 'vitest';
import { csvCell, editShift, rosterCsv } from '../../src/domain/roster/edit.ts';
import { validateRoster } from '../../src/domain/roster/validate.ts';
import { DATES, testSettings } from './fixtures.ts';

describe('roster edits and CSV', () => {
  it('a moved shift gets legal breaks back, so the validator accepts it', () => {
    const settings = testSettings();
    const a = { agent_id: 'a', date: DATES[0], start: '09:00', end: '18:00', skill: 'ru', breaks: [], activities: [] };
    const moved = editShift(a, '11:00', '20:00', settings, 15);
    expect(moved.breaks).toHaveLength(3);
    expect(
      validateRoster([moved], [{ agent_id: 'a', languages: ['ru'], contract_hours_week: 40 }], settings, DATES)
        .violations,
    ).toEqual([]);
  });
  it('escapes formulas and separators', () => {
    expect(csvCell('=HYPERLINK("x")')).toBe(`"'=HYPERLINK(""x"")"`);
    expect(csvCell('-1+2')).toBe("'-1+2");
    expect(csvCell('@a')).toBe("'@a");
    expect(
      rosterCsv([
        { agent_id: '+7701', date: DATES[0], start: '09:00', end: '13:00', skill: 'ru', breaks: [], activities: [] },
      ]).split('\r\n')[1],
    ).toBe("'+7701,2026-05-11,09:00,13:00,ru,,");
  });
});
