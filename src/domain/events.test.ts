import { describe, expect, it } from 'vitest';
import { isUnknownCaller, visitWaitSeconds } from './events.ts';

describe('isUnknownCaller (DESIGN §5)', () => {
  it('treats blank and the reserved words, in any case, as unknown', () => {
    for (const c of ['', '   ', 'anonymous', ' Anonymous ', 'UNKNOWN', 'restricted', 'Private', 'none']) {
      expect(isUnknownCaller(c)).toBe(true);
    }
  });
  it('keeps everything else as a known caller', () => {
    for (const c of ['+77011234567', '0', 'anon', 'nobody']) expect(isUnknownCaller(c)).toBe(false);
  });
});

describe('visitWaitSeconds', () => {
  it('is answered − entered for answered visits and ended − entered otherwise', () => {
    expect(visitWaitSeconds(1_000, 21_500, 90_000)).toBe(20.5);
    expect(visitWaitSeconds(1_000, null, 31_000)).toBe(30);
  });
});
