import { describe, expect, it } from 'vitest';
import { reasonText } from './pay-reasons.ts';
import { fromDecimal, rat } from './rational.ts';

describe('reasonText', () => {
  it('uses the sentences of DESIGN §9 and issue 7 in English', () => {
    expect(reasonText({ code: 'bonus-paid', excess: 140 })).toBe('bonus paid: 140 calls above the norm');
    expect(reasonText({ code: 'bonus-paid', excess: 1 })).toBe('bonus paid: 1 call above the norm');
    expect(reasonText({ code: 'rating-gate-not-applied', ratings: 3, min: 10 })).toBe(
      'rating gate not applied: 3 ratings < 10',
    );
    expect(
      reasonText({ code: 'rating-gate-failed', value: fromDecimal(4.62), bar: fromDecimal(4.75), withheld: true }),
    ).toBe('bonus withheld: average rating 4.62 < 4.75');
  });

  it('shows as many decimals as tell a value from its bar', () => {
    // 4.7499 would print as 4.75 with two decimals.
    const r = {
      code: 'rating-gate-failed',
      value: fromDecimal(4.7499),
      bar: fromDecimal(4.75),
      withheld: true,
    } as const;
    expect(reasonText(r)).toBe('bonus withheld: average rating 4.7499 < 4.75');
    // 2/3 h: two decimals suffice.
    expect(reasonText({ code: 'hours-gate-failed', value: rat(2, 3), bar: rat(1), withheld: false })).toBe(
      'bar not met: productive hours 0.67 < 1',
    );
    // 168 h less 1 ms (QA) and 300 s plus 1/3000 ms of mean handle time: equal to their bars at 6
    // decimals, so rounded away from them.
    expect(
      reasonText({
        code: 'hours-gate-failed',
        value: rat(168 * 3_600_000 - 1, 3_600_000),
        bar: rat(168),
        withheld: true,
      }),
    ).toBe('bonus withheld: productive hours 167.999999 < 168');
    expect(
      reasonText({ code: 'aht-gate-failed', value: rat(900_000_001, 3_000_000), bar: rat(300), withheld: true }),
    ).toBe('bonus withheld: average handle time 300.000001 s > 300 s');
  });

  it('tells a contract over full time from part time (QA: 48 of 40 h read "part time")', () => {
    const fte = (c: number) => ({ code: 'part-time', contractHours: rat(c), fullTimeHours: rat(40) }) as const;
    expect(reasonText(fte(20))).toBe('part time: 20 of 40 hours a week');
    expect(reasonText(fte(48))).toBe('contract over full time: 48 of 40 hours a week');
    expect(reasonText(fte(48), 'ru')).toBe('ставка выше полной: 48 ч в неделю из 40');
  });

  it('declines Russian nouns after numbers and writes decimal commas', () => {
    const ru = (excess: number) => reasonText({ code: 'bonus-paid', excess }, 'ru');
    expect([ru(1), ru(2), ru(5), ru(11), ru(21), ru(22), ru(112)]).toEqual([
      'премия начислена: 1 звонок сверх нормы',
      'премия начислена: 2 звонка сверх нормы',
      'премия начислена: 5 звонков сверх нормы',
      'премия начислена: 11 звонков сверх нормы',
      'премия начислена: 21 звонок сверх нормы',
      'премия начислена: 22 звонка сверх нормы',
      'премия начислена: 112 звонков сверх нормы',
    ]);
    expect(
      reasonText({ code: 'aht-gate-failed', value: fromDecimal(312.5), bar: rat(300), withheld: true }, 'ru'),
    ).toBe('премия не начислена: среднее время обработки 312,5 с > 300 с');
  });

  it('speaks Kazakh', () => {
    expect(reasonText({ code: 'rating-gate-not-applied', ratings: 3, min: 10 }, 'kk')).toBe(
      'баға шегі қолданылмады: 3 баға < 10',
    );
    expect(reasonText({ code: 'part-time', contractHours: fromDecimal(37.5), fullTimeHours: rat(40) }, 'kk')).toBe(
      'толық емес ставка: аптасына 37,5 сағ, толық ставка 40 сағ',
    );
  });
});
