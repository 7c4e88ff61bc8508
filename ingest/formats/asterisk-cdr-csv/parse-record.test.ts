import { describe, expect, it } from 'vitest';
import { CdrParser, type CdrParse, type CdrParseOptions } from './parse-record.ts';

const NOW = Date.UTC(2024, 2, 2);
const T0 = Date.UTC(2024, 2, 1, 10, 0, 0);
const OPTS: CdrParseOptions = { nowMs: NOW };
const parse = (text: string, opts = OPTS, parser = new CdrParser(opts)): CdrParse =>
  parser.parse({ source: 'Master.csv', line: 1, text });
const row = (r: CdrParse) => {
  if (!r.ok || r.row === null) throw new Error(`not a row: ${JSON.stringify(r)}`);
  return r.row;
};

// cdr_csv writes strings quoted ("" for a quote inside) and integers bare (kpi-anchors §4).
const BASE16 = `"","87011234567","1414","from-trunk","""Aigerim"" <87011234567>","PJSIP/trunk-00000001","PJSIP/1001-00000002","Queue","support,t,,,300","2024-03-01 10:00:00","2024-03-01 10:00:12","2024-03-01 10:01:47",107,95,"ANSWERED","DOCUMENTATION"`;
const ROW16 = BASE16;
const ROW17_UNIQUEID = `${BASE16},"1709287200.1"`;
const ROW17_USERFIELD = `${BASE16},"vip"`;
const ROW18 = `${BASE16},"1709287200.1","vip"`;
const ROW19 = `${BASE16},"","1709287199.0",7`;
const ROW20 = `${BASE16},"1709287200.1","","1709287199.0",7`;
const ROW21 = `${BASE16},"1709287200.1","vip","","1709287199.0",7`;
const UNQUOTED18 =
  ',87011234567,1414,from-trunk,Aigerim <87011234567>,PJSIP/trunk-00000001,PJSIP/1001-00000002,Queue,support,2024-03-01 10:00:00,2024-03-01 10:00:12,2024-03-01 10:01:47,107,95,ANSWERED,DOCUMENTATION,1709287200.1,';

describe('CdrParser: Master.csv without a header', () => {
  it('reads 16 to 21 columns', () => {
    const keys = [ROW16, ROW17_UNIQUEID, ROW17_USERFIELD, ROW18, ROW19, ROW20, ROW21].map((t) => {
      const r = row(parse(t));
      expect([r.startMs, r.answerMs, r.endMs, r.billSeconds, r.durationSeconds]).toEqual([
        T0,
        T0 + 12_000,
        T0 + 107_000,
        95,
        107,
      ]);
      return [r.callKey, r.uniqueid, r.userfield, r.linkedid];
    });
    expect(keys).toEqual([
      ['PJSIP/trunk-00000001@1709287200', '', '', ''],
      ['1709287200.1', '1709287200.1', '', ''],
      ['PJSIP/trunk-00000001@1709287200', '', 'vip', ''],
      ['1709287200.1', '1709287200.1', 'vip', ''],
      ['1709287199.0', '', '', '1709287199.0'],
      ['1709287199.0', '1709287200.1', '', '1709287199.0'],
      ['1709287199.0', '1709287200.1', 'vip', '1709287199.0'],
    ]);
  });

  it('reads quoted fields with "" escapes, commas and newlines, and unquoted rows', () => {
    const r = row(parse(ROW18));
    expect([r.clid, r.lastdata, r.dstchannel, r.lastapp, r.disposition]).toEqual([
      '"Aigerim" <87011234567>',
      'support,t,,,300',
      'PJSIP/1001-00000002',
      'Queue',
      'ANSWERED',
    ]);
    const multiline = row(parse(ROW18.replace('"vip"', '"line one\nline, two"')));
    expect(multiline.userfield).toBe('line one\nline, two');
    const u = row(parse(UNQUOTED18));
    expect([u.callKey, u.clid, u.startMs]).toEqual(['1709287200.1', 'Aigerim <87011234567>', T0]);
  });

  it('reads times in UTC by default and in a configured local zone', () => {
    expect(row(parse(ROW18)).startMs).toBe(T0);
    expect(row(parse(ROW18, { ...OPTS, timeZone: 'Asia/Almaty' })).startMs).toBe(T0 - 5 * 3_600_000);
  });

  it('takes an empty answer (`,,`) as none', () => {
    const r = row(
      parse(ROW18.replace('"2024-03-01 10:00:12"', '').replace('"ANSWERED"', '"NO ANSWER"').replace(',95,', ',0,')),
    );
    expect([r.answerMs, r.disposition]).toEqual([null, 'NO ANSWER']);
  });

  it('refuses a layout it cannot recognise, naming the columns it expected', () => {
    const r = parse('"a","b","c"');
    expect(r).toMatchObject({ ok: false, unknownLayout: true });
    expect(!r.ok && r.reason).toMatch(
      /unrecognised CDR layout: 3 columns; expected 16–21 Master.csv columns \(accountcode, src, dst/,
    );
  });
});

describe('CdrParser: header-row exports', () => {
  it('maps a FreePBX asteriskcdrdb export by names (calldate, no answer/end)', () => {
    const parser = new CdrParser(OPTS);
    expect(
      parse(
        'calldate,clid,src,dst,dcontext,channel,dstchannel,lastapp,lastdata,duration,billsec,disposition,amaflags,accountcode,uniqueid,userfield,did,recordingfile,cnum,cnam,linkedid,peeraccount,sequence',
        OPTS,
        parser,
      ),
    ).toEqual({ ok: true, row: null, skipped: 'header row' });
    const r = row(
      parse(
        '2024-03-01 10:00:00,"""A"" <870>",870,1414,from-trunk,PJSIP/trunk-01,PJSIP/1001-02,Queue,support,107,95,ANSWERED,3,,1709287200.1,,1414,,870,A,1709287199.0,,7',
        OPTS,
        parser,
      ),
    );
    expect([r.startMs, r.endMs, r.answerMs, r.callKey, r.dstchannel]).toEqual([
      T0,
      T0 + 107_000,
      T0 + 12_000,
      '1709287199.0',
      'PJSIP/1001-02',
    ]);
  });

  it('accepts title-case names, and refuses a header missing required columns', () => {
    const parser = new CdrParser(OPTS);
    parse(
      'Call Date,Source,Destination,Src. Channel,Dst. Channel,Last App,Last Data,End,Billsec,Disposition,Unique ID',
      OPTS,
      parser,
    );
    expect(parser.layout?.channel).toBe(3);
    const r = row(
      parse(
        '2024-03-01 10:00:00,870,1414,PJSIP/t-01,PJSIP/1001-02,Queue,support,2024-03-01 10:01:47,95,ANSWERED,1709287200.1',
        OPTS,
        parser,
      ),
    );
    expect([r.endMs, r.answerMs]).toEqual([T0 + 107_000, T0 + 12_000]);
    const refused = parse('calldate,src,dst,lastapp,disposition', OPTS);
    expect(refused).toMatchObject({ ok: false, unknownLayout: true });
    expect(!refused.ok && refused.reason).toMatch(/no channel, dstchannel, lastdata, billsec, end column/);
  });
});

describe('CdrParser: malformed rows are rejected with a reason', () => {
  const cases: [string, string, RegExp][] = [
    ['bad start', ROW18.replace('"2024-03-01 10:00:00"', '"yesterday"'), /start field is not a date-time/],
    [
      'impossible date',
      ROW18.replace('"2024-03-01 10:00:00"', '"2024-02-30 10:00:00"'),
      /start field is not a date-time/,
    ],
    ['before 2000', ROW18.replace('"2024-03-01 10:00:00"', '"1999-12-31 10:00:00"'), /before 2000/],
    ['future', ROW18.replace(/2024-03-01/g, '2024-03-05'), /in the future/],
    ['bad billsec', ROW18.replace(',95,', ',9x,'), /billsec field is not a whole number/],
    ['empty disposition', ROW18.replace('"ANSWERED"', '""'), /disposition field is empty/],
    ['end before start', ROW18.replace('"2024-03-01 10:01:47"', '"2024-03-01 09:00:00"'), /end field is before start/],
    ['unbalanced quotes', ROW18.slice(0, -3), /unbalanced quotes/],
    ['binary', `${ROW18}\u0000`, /control character U\+0000/],
    ['invalid UTF-8 outside clid', ROW18.replace('"vip"', '"\ufffd\ufffd"'), /invalid UTF-8 in the userfield field/],
    ['invalid UTF-8 in dcontext', ROW18.replace('"from-trunk"', '"\ufffd"'), /invalid UTF-8 in the dcontext field/],
    ['too long', `${ROW18},"${'x'.repeat(70_000)}"`, /over the limit/],
  ];
  for (const [name, text, expected] of cases) {
    it(name, () => {
      const r = parse(text);
      expect(r.ok).toBe(false);
      expect(!r.ok && r.reason).toMatch(expected);
    });
  }
  it('reads a caller name in Windows-1251 (clid is never stored)', () => {
    // "Айгерим" in Windows-1251 read as UTF-8: one U+FFFD per byte.
    const name = Buffer.from([0xc0, 0xe9, 0xe3, 0xe5, 0xf0, 0xe8, 0xec]).toString('utf8');
    const r = row(parse(ROW18.replace('""Aigerim""', `""${name}""`)));
    expect([r.clid, r.src, r.billSeconds]).toEqual([`"${name}" <87011234567>`, '87011234567', 95]);
  });
  it('skips blank lines', () => expect(parse('')).toMatchObject({ ok: true, row: null, skipped: 'blank line' }));
});
