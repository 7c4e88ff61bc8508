/**
 * Kazakhstan's production calendar as data: the public holidays of each year and the ministry's
 * day transfers. Source and reasoning: `shared/research/kazakhstan-calendar.md` §1–2 (Law "On
 * holidays" No. 267 with its 2022 and 2026 amendments; Labour Code art. 84–85; MTSZN orders).
 *
 * Update once a year, when MTSZN publishes the next year's transfers (usually Nov–Dec), and when
 * the date of Kurban ait is announced.
 */

export type HolidayId =
  | 'new-year'
  | 'orthodox-christmas'
  | 'womens-day'
  | 'nauryz'
  | 'unity-day'
  | 'defenders-day'
  | 'victory-day'
  | 'kurban-ait'
  | 'capital-day'
  | 'constitution-day'
  | 'republic-day'
  | 'independence-day';

export type CalendarLang = 'en' | 'ru' | 'kk';

export const HOLIDAY_NAMES: Readonly<Record<HolidayId, Readonly<Record<CalendarLang, string>>>> = {
  'new-year': { en: 'New Year', ru: 'Новый год', kk: 'Жаңа жыл' },
  'orthodox-christmas': {
    en: 'Orthodox Christmas',
    ru: 'Православное Рождество',
    kk: 'Православиелік Рождество',
  },
  'womens-day': {
    en: "International Women's Day",
    ru: 'Международный женский день',
    kk: 'Халықаралық әйелдер күні',
  },
  nauryz: { en: 'Nauryz', ru: 'Наурыз мейрамы', kk: 'Наурыз мейрамы' },
  'unity-day': {
    en: 'Unity Day of the People of Kazakhstan',
    ru: 'Праздник единства народа Казахстана',
    kk: 'Қазақстан халқының бірлігі мерекесі',
  },
  'defenders-day': { en: "Defender's Day", ru: 'День защитника Отечества', kk: 'Отан қорғаушы күні' },
  'victory-day': { en: 'Victory Day', ru: 'День Победы', kk: 'Жеңіс күні' },
  'kurban-ait': { en: 'Kurban ait', ru: 'Курбан айт', kk: 'Құрбан айт' },
  'capital-day': { en: 'Capital Day', ru: 'День Столицы', kk: 'Астана күні' },
  'constitution-day': { en: 'Constitution Day', ru: 'День Конституции', kk: 'Конституция күні' },
  'republic-day': { en: 'Republic Day', ru: 'День Республики', kk: 'Республика күні' },
  'independence-day': { en: 'Independence Day', ru: 'День Независимости', kk: 'Тәуелсіздік күні' },
};

/**
 * Days off that are not праздничные дни (Labour Code art. 84(5)): when they fall on a weekend
 * no day off is carried over (research §1, note ¹).
 */
export const NEVER_CARRIED_OVER: ReadonlySet<HolidayId> = new Set(['orthodox-christmas', 'kurban-ait']);

/** A ministry (MTSZN) order swapping a weekend day and a weekday (Labour Code art. 85(3)). */
export interface DayTransfer {
  /** The weekday made a day off. */
  dayOff: string;
  /** The weekend day made a working day. */
  workingDay: string;
  source: string;
}

export interface YearCalendarData {
  /** Each public holiday by its own date (carried-over days are derived by the statutory rule). */
  holidays: ReadonlyArray<readonly [date: string, id: HolidayId]>;
  transfers: readonly DayTransfer[];
  /** How sure the year is (research §1–3). */
  status: 'official' | 'provisional';
}

/**
 * The statutory fixed-date holidays of a year under the law as amended in 2022 (Republic Day
 * restored, 1 Dec and 17 Dec dropped) and 2026 (Constitution Day moves from 30 Aug to 15 Mar:
 * 30 Aug up to 2025, none in 2026, 15 Mar from 2027). Kurban ait is absent: its date follows the
 * lunar calendar and is announced each year. Years before 2023 are given today's law, which is not
 * what applied then.
 */
export function statutoryFixedHolidays(year: number): Array<[string, HolidayId]> {
  const md = (monthDay: string, id: HolidayId): [string, HolidayId] => [`${year}-${monthDay}`, id];
  const list: Array<[string, HolidayId]> = [
    md('01-01', 'new-year'),
    md('01-02', 'new-year'),
    md('01-07', 'orthodox-christmas'),
    md('03-08', 'womens-day'),
    md('03-21', 'nauryz'),
    md('03-22', 'nauryz'),
    md('03-23', 'nauryz'),
    md('05-01', 'unity-day'),
    md('05-07', 'defenders-day'),
    md('05-09', 'victory-day'),
    md('07-06', 'capital-day'),
    md('10-25', 'republic-day'),
    md('12-16', 'independence-day'),
  ];
  if (year <= 2025) list.push(md('08-30', 'constitution-day'));
  if (year >= 2027) list.push(md('03-15', 'constitution-day'));
  return list.sort((a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0));
}

const FIXED_2024_2025: ReadonlyArray<readonly [string, HolidayId]> = [
  ['01-01', 'new-year'],
  ['01-02', 'new-year'],
  ['01-07', 'orthodox-christmas'],
  ['03-08', 'womens-day'],
  ['03-21', 'nauryz'],
  ['03-22', 'nauryz'],
  ['03-23', 'nauryz'],
  ['05-01', 'unity-day'],
  ['05-07', 'defenders-day'],
  ['05-09', 'victory-day'],
  ['07-06', 'capital-day'],
  ['08-30', 'constitution-day'],
  ['10-25', 'republic-day'],
  ['12-16', 'independence-day'],
];

function year(y: number, rows: ReadonlyArray<readonly [string, HolidayId]>): Array<[string, HolidayId]> {
  return rows.map(([md, id]) => [`${y}-${md}`, id]);
}

/** Explicit data per year; years not listed fall back to `statutoryFixedHolidays`. */
export const KZ_CALENDAR_DATA: Readonly<Record<number, YearCalendarData>> = {
  // No transfers in 2024 (research §3: the rules reproduce MTSZN's 2024 balance). Kurban ait fell
  // on Sunday 16 June (not carried over); Nauryz Sat 23 Mar → Mon 25; Capital Day Sat → Mon 8 Jul.
  2024: {
    holidays: [...year(2024, FIXED_2024_2025), ['2024-06-16', 'kurban-ait']],
    transfers: [],
    status: 'official',
  },
  // Research §1–2: MTSZN order of 21 Nov 2024 (adilet G24G0000436).
  2025: {
    holidays: [...year(2025, FIXED_2024_2025), ['2025-06-06', 'kurban-ait']],
    transfers: [{ dayOff: '2025-01-03', workingDay: '2025-01-05', source: 'MTSZN order of 21 Nov 2024' }],
    status: 'official',
  },
  // New Constitution (in force 1 Jul 2026): no Constitution Day in 2026, so 31 Aug is a working day.
  2026: {
    holidays: [
      ...year(
        2026,
        FIXED_2024_2025.filter(([, id]) => id !== 'constitution-day'),
      ),
      ['2026-05-27', 'kurban-ait'],
    ],
    transfers: [],
    status: 'official',
  },
  // Constitution Day on 15 Mar from 2027; no transfer order yet; Kurban ait 16 May unconfirmed.
  2027: {
    holidays: [...statutoryFixedHolidays(2027), ['2027-05-16', 'kurban-ait']],
    transfers: [],
    status: 'provisional',
  },
};
