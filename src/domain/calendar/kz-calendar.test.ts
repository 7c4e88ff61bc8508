import { describe, expect, it } from 'vitest';
import {
  calendarDay,
  calendarYearStatus,
  holidayBreak,
  holidayName,
  isDayAfterHoliday,
  isDayBeforeHoliday,
  isHolidayDayOff,
  isPublicHoliday,
  isWorkingDay,
  workingDaysInMonth,
} from './kz-calendar.ts';
import { KZ_CALENDAR_DATA, statutoryFixedHolidays } from './kz-calendar-data.ts';

// Expected working days per month: shared/research/kazakhstan-calendar.md §3 ("Working days /
// hours", 40 h week), which matches python-holidays `is_working_day` and the MTSZN press figures.
const TABLE_3: Record<number, number[]> = {
  2025: [20, 20, 17, 22, 19, 20, 22, 21, 21, 22, 20, 22], // year 246
  2026: [19, 20, 18, 22, 17, 22, 22, 21, 22, 21, 21, 22], // year 247
  2027: [18, 20, 18, 22, 18, 22, 21, 22, 22, 20, 22, 22], // year 247, provisional
};

describe('workingDaysInMonth against research §3', () => {
  for (const [year, months] of Object.entries(TABLE_3)) {
    months.forEach((expected, i) => {
      const month = `${year}-${String(i + 1).padStart(2, '0')}`;
      it(`${month}: ${expected} days (${expected * 8} h)`, () => {
        expect(workingDaysInMonth(month)).toBe(expected);
      });
    });
    it(`${year} year total`, () => {
      const total = months.reduce((a, b) => a + b, 0);
      let sum = 0;
      for (let m = 1; m <= 12; m++) sum += workingDaysInMonth(`${year}-${String(m).padStart(2, '0')}`);
      expect(sum).toBe(total);
    });
  }

  it('counts from a date inside the month (hired mid-month)', () => {
    // Jan 2025 from Mon 20 Jan: 20–24 and 27–31 = 10 working days.
    expect(workingDaysInMonth('2025-01', '2025-01-20')).toBe(10);
    // From Sat 4 Jan: Sun 5 (transferred working day) + 6, 8–10 (7 Jan is Christmas) + 15 later days.
    expect(workingDaysInMonth('2025-01', '2025-01-04')).toBe(20);
    expect(workingDaysInMonth('2025-01', '2024-12-15')).toBe(20); // before the month: whole month
    expect(workingDaysInMonth('2025-01', '2025-02-01')).toBe(0); // after it: none
    expect(workingDaysInMonth('2025-08', '2025-08-31')).toBe(0); // a Sunday, last day
  });
});

describe('transfers and carry-over (research §1–2)', () => {
  it('2025: Fri 3 Jan is a transferred day off, Sun 5 Jan a working day', () => {
    expect(calendarDay('2025-01-03')).toEqual({
      date: '2025-01-03',
      working: false,
      kind: 'transferred-off',
      holiday: null,
    });
    expect(isWorkingDay('2025-01-05')).toBe(true);
    expect(calendarDay('2025-01-05').kind).toBe('transferred-working');
    expect(isWorkingDay('2025-01-04')).toBe(false); // Saturday stays off
  });

  it.each([
    ['2025-03-10', 'womens-day'], // Sat 8 Mar → Mon 10
    ['2025-03-24', 'nauryz'], // Sat 22, Sun 23 → Mon 24, Tue 25 (stacked)
    ['2025-03-25', 'nauryz'],
    ['2025-07-07', 'capital-day'],
    ['2025-09-01', 'constitution-day'],
    ['2025-10-27', 'republic-day'],
    ['2026-03-09', 'womens-day'],
    ['2026-03-24', 'nauryz'], // Sat 21, Sun 22 → after Mon 23: Tue 24, Wed 25
    ['2026-03-25', 'nauryz'],
    ['2026-05-11', 'victory-day'],
    ['2026-10-26', 'republic-day'],
    ['2027-01-04', 'new-year'],
    ['2027-03-24', 'nauryz'],
    ['2027-05-03', 'unity-day'],
    ['2027-05-10', 'victory-day'],
    ['2024-03-25', 'nauryz'],
    ['2024-07-08', 'capital-day'],
  ])('%s is a day off carried over for %s', (date, id) => {
    expect(calendarDay(date)).toEqual({ date, working: false, kind: 'carried-over', holiday: id });
  });

  it('tells the days a caller sees as holidays: the holiday, a carried-over or transferred day off', () => {
    expect(isHolidayDayOff('2026-10-25')).toBe(true); // Republic Day, a Sunday
    expect(isHolidayDayOff('2026-10-26')).toBe(true); // the Monday carried over for it
    expect(isHolidayDayOff('2025-01-03')).toBe(true); // Friday, transferred day off
    expect(isHolidayDayOff('2025-01-05')).toBe(false); // Sunday, transferred working day
    expect(isHolidayDayOff('2026-10-27')).toBe(false); // an ordinary Tuesday
    expect(isHolidayDayOff('2026-10-24')).toBe(false); // an ordinary Saturday
  });

  it('Orthodox Christmas and Kurban ait never carry over', () => {
    expect(isPublicHoliday('2024-01-07')).toBe(true); // Sunday
    expect(isWorkingDay('2024-01-08')).toBe(true);
    expect(isPublicHoliday('2024-06-16')).toBe(true); // Kurban ait on a Sunday
    expect(isWorkingDay('2024-06-17')).toBe(true);
    expect(isWorkingDay('2027-05-17')).toBe(true); // Kurban ait Sun 16 May 2027 (provisional)
    expect(isWorkingDay('2025-06-06')).toBe(false); // Kurban ait on a Friday: a day off
  });

  it('2026: no Constitution Day, so Mon 31 Aug is a working day; 2027: 15 Mar', () => {
    expect(isPublicHoliday('2026-08-30')).toBe(false);
    expect(isWorkingDay('2026-08-31')).toBe(true);
    expect(isPublicHoliday('2025-08-30')).toBe(true);
    expect(holidayName('2027-03-15')).toBe('Constitution Day');
    expect(isWorkingDay('2027-03-15')).toBe(false);
  });

  it('explicit data agrees with the statutory fixed dates (Kurban ait aside)', () => {
    for (const y of [2024, 2025, 2026, 2027]) {
      const explicit = KZ_CALENDAR_DATA[y].holidays.filter(([, id]) => id !== 'kurban-ait');
      const sort = (l: ReadonlyArray<readonly [string, string]>) => [...l].map((r) => r.join()).sort();
      expect(sort(explicit)).toEqual(sort(statutoryFixedHolidays(y)));
    }
  });
});

describe('names and status', () => {
  it('names holidays and their carried-over days in three languages', () => {
    expect(holidayName('2026-03-23')).toBe('Nauryz');
    expect(holidayName('2025-05-09', 'ru')).toBe('День Победы');
    expect(holidayName('2025-12-16', 'kk')).toBe('Тәуелсіздік күні');
    expect(holidayName('2025-03-10')).toBe("International Women's Day");
    expect(holidayName('2025-01-03')).toBeNull(); // transferred, no holiday of its own
    expect(holidayName('2025-02-03')).toBeNull();
  });

  it('reports where a year comes from; other years use the statutory rules', () => {
    expect(calendarYearStatus(2025)).toBe('official');
    expect(calendarYearStatus(2027)).toBe('provisional');
    expect(calendarYearStatus(2028)).toBe('statutory');
    // 2028: Sat 1, Sun 2 Jan → Mon 3, Tue 4 carried over; no Kurban ait in the fallback.
    expect(calendarDay('2028-01-03').kind).toBe('carried-over');
    expect(calendarDay('2028-01-04').kind).toBe('carried-over');
    expect(isWorkingDay('2028-01-05')).toBe(true);
  });

  it('rejects malformed dates and months', () => {
    expect(() => isWorkingDay('2025-02-30')).toThrow(RangeError);
    expect(() => isWorkingDay('2025-1-5')).toThrow(RangeError);
    expect(() => workingDaysInMonth('2025-13')).toThrow(RangeError);
  });
});

describe('days around a holiday', () => {
  it('finds the break around Constitution Day 2025 (Sat 30 Aug → Mon 1 Sep)', () => {
    expect(holidayBreak('2025-08-31')).toEqual({
      from: '2025-08-30',
      to: '2025-09-01',
      holidays: ['constitution-day'],
    });
    expect(isDayBeforeHoliday('2025-08-29')).toBe(true);
    expect(isDayAfterHoliday('2025-09-02')).toBe(true);
    expect(isDayAfterHoliday('2025-09-01')).toBe(false); // itself a day off
  });

  it('ordinary weekends and working days are not holiday breaks', () => {
    expect(holidayBreak('2025-02-08')).toBeNull();
    expect(holidayBreak('2025-02-10')).toBeNull();
    expect(isDayBeforeHoliday('2025-02-07')).toBe(false);
  });

  it('New Year 2025: break Wed 1 – Sat 4 Jan, Sun 5 is the working day after it', () => {
    expect(holidayBreak('2025-01-02')).toEqual({ from: '2025-01-01', to: '2025-01-04', holidays: ['new-year'] });
    expect(isDayBeforeHoliday('2024-12-31')).toBe(true); // Tuesday
    expect(isDayAfterHoliday('2025-01-05')).toBe(true);
    expect(isDayBeforeHoliday('2025-01-06')).toBe(true); // Tue 7 Jan, Orthodox Christmas
  });

  it('Nauryz 2026 runs Sat 21 – Wed 25 Mar', () => {
    expect(holidayBreak('2026-03-24')).toEqual({ from: '2026-03-21', to: '2026-03-25', holidays: ['nauryz'] });
    expect(isDayBeforeHoliday('2026-03-20')).toBe(true);
    expect(isDayAfterHoliday('2026-03-26')).toBe(true);
  });
});
