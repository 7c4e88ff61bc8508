/**
 * The reasons of a pay line (DESIGN §9): plain sentences in the user's language. A reason is
 * built as data (`PayReason`) and rendered by `reasonText`; numbers are shown rounded for reading
 * only, with as many decimals as it takes to tell a value from its bar (4.7499 < 4.75, never
 * "4.75 < 4.75").
 */
import { ceil, cmp, floor, toFixed, type Rational } from './rational.ts';

export type PayLang = 'en' | 'ru' | 'kk';

export type PayReason =
  | { code: 'no-worked-days' }
  | { code: 'worked-days-from-calls' }
  | { code: 'guaranteed-full' | 'guaranteed-prorated' | 'guaranteed-minimum'; handled: number; norm: number }
  | { code: 'part-month'; worked: number; working: number }
  | { code: 'part-time'; contractHours: Rational; fullTimeHours: Rational }
  | { code: 'rating-gate-not-applied'; ratings: number; min: number }
  | { code: 'bonus-paid'; excess: number }
  | { code: 'no-excess'; handled: number; norm: number }
  | {
      code: 'hours-gate-failed' | 'rating-gate-failed' | 'aht-gate-failed';
      value: Rational;
      bar: Rational;
      withheld: boolean;
    };

type Plural = [one: string, few: string, many: string];

/** Russian plural form (1 звонок, 2 звонка, 5 звонков); English uses one/many; Kazakh has one form. */
function plural(lang: PayLang, n: number, forms: Plural): string {
  if (lang === 'kk') return forms[0];
  if (lang === 'en') return n === 1 ? forms[0] : forms[2];
  const m10 = n % 10;
  const m100 = n % 100;
  if (m10 === 1 && m100 !== 11) return forms[0];
  if (m10 >= 2 && m10 <= 4 && (m100 < 12 || m100 > 14)) return forms[1];
  return forms[2];
}

const CALLS: Record<PayLang, Plural> = {
  en: ['call', 'calls', 'calls'],
  ru: ['звонок', 'звонка', 'звонков'],
  kk: ['қоңырау', 'қоңырау', 'қоңырау'],
};
const RATINGS: Record<PayLang, Plural> = {
  en: ['rating', 'ratings', 'ratings'],
  ru: ['оценка', 'оценки', 'оценок'],
  kk: ['баға', 'баға', 'баға'],
};

function num(lang: PayLang, text: string): string {
  return lang === 'en' ? text : text.replace('.', ',');
}

/**
 * `value` and `bar` with 2–6 decimals (trailing zeros dropped), as few as tell them apart; a value
 * still within 0.0000005 of its bar is rounded away from it (QA: 168 h less 1 ms read "168 < 168").
 */
function apart(lang: PayLang, value: Rational, bar: Rational): [string, string] {
  const trim = (s: string) => (s.includes('.') ? s.replace(/\.?0+$/, '') : s);
  const side = cmp(value, bar);
  let places = 2;
  while (places < 6 && side !== 0 && toFixed(value, places) === toFixed(bar, places)) places++;
  const shown = side !== 0 && toFixed(value, places) === toFixed(bar, places) ? (side < 0 ? floor : ceil) : undefined;
  return [num(lang, trim(toFixed(value, places, shown))), num(lang, trim(toFixed(bar, places)))];
}

const T = {
  en: {
    noWorked: 'no worked days: no guaranteed pay',
    fromCalls: 'no agent events this month: worked days are the dates of handled calls',
    full: (h: string, n: number) => `guaranteed pay in full: ${h}, norm ${n}`,
    prorated: (h: string, n: number) => `guaranteed pay prorated: ${h} of the norm of ${n}`,
    minimum: (h: string, n: number) => `guaranteed pay at the minimum: ${h} of the norm of ${n}`,
    partMonth: (w: number, n: number) => `worked ${w} of ${n} working days`,
    partTime: (c: string, f: string) => `part time: ${c} of ${f} hours a week`,
    overTime: (c: string, f: string) => `contract over full time: ${c} of ${f} hours a week`,
    notApplied: (k: string, m: number) => `rating gate not applied: ${k} < ${m}`,
    paid: (e: string) => `bonus paid: ${e} above the norm`,
    noExcess: (h: string, n: number) => `no bonus: ${h}, not above the norm of ${n}`,
    withheld: 'bonus withheld',
    notMet: 'bar not met',
    hours: (v: string, b: string) => `productive hours ${v} < ${b}`,
    rating: (v: string, b: string) => `average rating ${v} < ${b}`,
    aht: (v: string, b: string) => `average handle time ${v} s > ${b} s`,
  },
  ru: {
    noWorked: 'нет отработанных дней: гарантированная часть не начисляется',
    fromCalls: 'нет событий входа за месяц: отработанные дни взяты по датам обработанных звонков',
    full: (h: string, n: number) => `гарантированная часть полностью: ${h} при норме ${n}`,
    prorated: (h: string, n: number) => `гарантированная часть пропорционально выработке: ${h} при норме ${n}`,
    minimum: (h: string, n: number) => `гарантированная часть по минимальной оплате: ${h} при норме ${n}`,
    partMonth: (w: number, n: number) => `отработано дней: ${w} из ${n} рабочих`,
    partTime: (c: string, f: string) => `неполная ставка: ${c} ч в неделю из ${f}`,
    overTime: (c: string, f: string) => `ставка выше полной: ${c} ч в неделю из ${f}`,
    notApplied: (k: string, m: number) => `порог оценки не применён: ${k} < ${m}`,
    paid: (e: string) => `премия начислена: ${e} сверх нормы`,
    noExcess: (h: string, n: number) => `премии нет: норма ${n} не превышена (${h})`,
    withheld: 'премия не начислена',
    notMet: 'порог не выполнен',
    hours: (v: string, b: string) => `продуктивные часы ${v} < ${b}`,
    rating: (v: string, b: string) => `средняя оценка ${v} < ${b}`,
    aht: (v: string, b: string) => `среднее время обработки ${v} с > ${b} с`,
  },
  kk: {
    noWorked: 'жұмыс істелген күн жоқ: кепілдендірілген бөлік есептелмейді',
    fromCalls: 'айда жүйеге кіру оқиғалары жоқ: жұмыс күндері өңделген қоңыраулар күндерінен алынды',
    full: (h: string, n: number) => `кепілдендірілген бөлік толық: ${h}, норма ${n}`,
    prorated: (h: string, n: number) => `кепілдендірілген бөлік орындалуға сай: ${h}, норма ${n}`,
    minimum: (h: string, n: number) => `кепілдендірілген бөлік ең төменгі төлем бойынша: ${h}, норма ${n}`,
    partMonth: (w: number, n: number) => `жұмыс күндері: ${w} / ${n}`,
    partTime: (c: string, f: string) => `толық емес ставка: аптасына ${c} сағ, толық ставка ${f} сағ`,
    overTime: (c: string, f: string) => `толық ставкадан жоғары: аптасына ${c} сағ, толық ставка ${f} сағ`,
    notApplied: (k: string, m: number) => `баға шегі қолданылмады: ${k} < ${m}`,
    paid: (e: string) => `сыйақы есептелді: нормадан тыс ${e}`,
    noExcess: (h: string, n: number) => `сыйақы жоқ: ${n} нормасы асырылмады (${h})`,
    withheld: 'сыйақы есептелмеді',
    notMet: 'шек орындалмады',
    hours: (v: string, b: string) => `өнімді сағаттар ${v} < ${b}`,
    rating: (v: string, b: string) => `орташа баға ${v} < ${b}`,
    aht: (v: string, b: string) => `орташа өңдеу уақыты ${v} с > ${b} с`,
  },
} as const;

/**
 * @example reasonText({ code: 'bonus-paid', excess: 140 }, 'en') // 'bonus paid: 140 calls above the norm'
 */
export function reasonText(r: PayReason, lang: PayLang = 'en'): string {
  const t = T[lang];
  const calls = (n: number) => `${n} ${plural(lang, n, CALLS[lang])}`;
  switch (r.code) {
    case 'no-worked-days':
      return t.noWorked;
    case 'worked-days-from-calls':
      return t.fromCalls;
    case 'guaranteed-full':
      return t.full(calls(r.handled), r.norm);
    case 'guaranteed-prorated':
      return t.prorated(calls(r.handled), r.norm);
    case 'guaranteed-minimum':
      return t.minimum(calls(r.handled), r.norm);
    case 'part-month':
      return t.partMonth(r.worked, r.working);
    case 'part-time':
      // fte ≠ 1: under full time, or over it (a contract of 48 h against 40 is no part time).
      return (cmp(r.contractHours, r.fullTimeHours) < 0 ? t.partTime : t.overTime)(
        ...apart(lang, r.contractHours, r.fullTimeHours),
      );
    case 'rating-gate-not-applied':
      return t.notApplied(`${r.ratings} ${plural(lang, r.ratings, RATINGS[lang])}`, r.min);
    case 'bonus-paid':
      return t.paid(calls(r.excess));
    case 'no-excess':
      return t.noExcess(calls(r.handled), r.norm);
    default: {
      const text = { 'hours-gate-failed': t.hours, 'rating-gate-failed': t.rating, 'aht-gate-failed': t.aht }[r.code];
      return `${r.withheld ? t.withheld : t.notMet}: ${text(...apart(lang, r.value, r.bar))}`;
    }
  }
}
