import { describe, expect, it } from 'vitest';
import { inlineParams, sqlLiteral } from './literal-params.ts';

describe('literal parameters', () => {
  it('quotes strings, escaping what would end or break the literal', () => {
    expect(sqlLiteral("O'Brien \\ x")).toBe("'O\\'Brien \\\\ x'");
    expect(sqlLiteral('a\tb\nc\rd\0e')).toBe("'a\\tb\\nc\\rd\\0e'");
    expect(sqlLiteral('қазақ тілі')).toBe("'қазақ тілі'");
  });

  it('writes numbers, booleans, NULL and arrays of them', () => {
    expect(sqlLiteral(42)).toBe('42');
    expect(sqlLiteral(-1.5)).toBe('-1.5');
    expect(sqlLiteral(2n ** 63n)).toBe('9223372036854775808');
    expect(sqlLiteral(true)).toBe('true');
    expect(sqlLiteral(null)).toBe('NULL');
    expect(sqlLiteral(['a', "b'"])).toBe("['a', 'b\\'']");
    expect(sqlLiteral([])).toBe('[]');
  });

  it('refuses what has no literal', () => {
    expect(() => sqlLiteral(Number.NaN)).toThrow(/finite/);
    expect(() => sqlLiteral({ a: 1 })).toThrow(/object/);
  });

  it('replaces each {name:Type}: a String as its literal, others cast to their type', () => {
    const sql =
      "SELECT * FROM t WHERE s = {s:String} AND at BETWEEN {min:DateTime64(3, 'UTC')} AND {max:DateTime64(3, 'UTC')} AND id IN {ids:Array(String)} AND n = {n:UInt64} AND m = {s:String}";
    expect(
      inlineParams(sql, { s: 'x', min: '2026-01-01 00:00:00.000', max: '2026-01-02 00:00:00.000', ids: ['a'], n: 7 }),
    ).toBe(
      "SELECT * FROM t WHERE s = 'x' AND at BETWEEN CAST('2026-01-01 00:00:00.000' AS DateTime64(3, 'UTC')) AND CAST('2026-01-02 00:00:00.000' AS DateTime64(3, 'UTC')) AND id IN CAST(['a'] AS Array(String)) AND n = CAST(7 AS UInt64) AND m = 'x'",
    );
  });

  it('leaves braces that are not placeholders, and placeholders without a value, as they are', () => {
    expect(inlineParams('-- with version {version} and {w:UInt8}\nSELECT {v:UInt8}', { v: 1 })).toBe(
      '-- with version {version} and {w:UInt8}\nSELECT CAST(1 AS UInt8)',
    );
  });
});
