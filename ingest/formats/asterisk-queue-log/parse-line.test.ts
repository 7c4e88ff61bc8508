import { describe, expect, it } from 'vitest';
import { parseQueueLogLine, type QueueLogParse } from './parse-line.ts';

const NOW = Date.UTC(2024, 2, 2); // 2024-03-02T00:00:00Z
const T = 1709287200; // 2024-03-01T10:00:00Z
const parse = (text: string, timeZone?: string) => parseQueueLogLine(text, { nowMs: NOW, timeZone });
const event = (r: QueueLogParse) => {
  if (!r.ok || r.event === null) throw new Error(`not an event: ${JSON.stringify(r)}`);
  return r.event;
};
const reason = (r: QueueLogParse) => (r.ok ? 'accepted' : r.reason);

// One line per verb of Asterisk 1.8–22 (app_queue.c / logger.c formats, kpi-anchors §3), plus
// the dialplan / tool verbs and a custom one.
const EVERY_VERB = [
  `${T}|NONE|NONE|NONE|QUEUESTART|`,
  `${T}|NONE|NONE|NONE|CONFIGRELOAD|`,
  `${T}|1709287190.42|support|NONE|DID|7172555000`,
  `${T}|1709287190.42|support|NONE|ENTERQUEUE||87011234567|1`,
  `${T}|1709287190.42|support|NONE|ENTERQUEUE||87011234567|1|Aigerim`,
  `${T}|1709287190.42|support|PJSIP/1001|RINGNOANSWER|15000`,
  `${T}|1709287190.42|support|PJSIP/1001|RINGCANCELED|3000`,
  `${T}|1709287190.42|support|PJSIP/1001|CONNECT|12|1709287202.43|4`,
  `${T}|1709287190.42|support|SIP/1001|CONNECT|12|1709287202.43`,
  `${T}|1709287190.42|support|PJSIP/1001|COMPLETECALLER|12|95|1`,
  `${T}|1709287190.42|support|PJSIP/1001|COMPLETEAGENT|12|95|1`,
  `${T}|1709287190.42|support|NONE|ABANDON|1|1|33`,
  `${T}|1709287190.42|support|NONE|EXITEMPTY|1|1|0`,
  `${T}|1709287190.42|support|NONE|EXITWITHTIMEOUT|2|1|300`,
  `${T}|1709287190.42|support|NONE|EXITWITHKEY|5|1|1|21`,
  `${T}|1709287190.42|support|NONE|EXITWITHKEY|5|1`,
  `${T}|1709287190.42|support|NONE|WITHDRAW|1|1|17|callback requested`,
  `${T}|1709287190.42|support|SIP/1001|TRANSFER|200|from-internal|12|95|1`,
  `${T}|1709287190.42|support|PJSIP/1001|BLINDTRANSFER|200|from-internal|12|95|1`,
  `${T}|1709287190.42|support|PJSIP/1001|ATTENDEDTRANSFER|BRIDGE|3b6fe5a6-0a2b|12|95|1`,
  `${T}|1709287190.42|support|PJSIP/1001|ATTENDEDTRANSFER|APP|Voicemail|12|95|1`,
  `${T}|1709287190.42|support|PJSIP/1001|ATTENDEDTRANSFER|LINK|PJSIP/1001-0001|Local/200@x-0002;1|12|95|1`,
  `${T}|MANAGER|support|PJSIP/1001|ADDMEMBER|`,
  `${T}|MANAGER|support|PJSIP/1001|ADDMEMBER|PAUSED`,
  `${T}|MANAGER|support|PJSIP/1001|REMOVEMEMBER|`,
  `${T}|NONE|support|PJSIP/1001|PAUSE|lunch`,
  `${T}|NONE|support|PJSIP/1001|UNPAUSE|`,
  `${T}|NONE|NONE|PJSIP/1001|PAUSEALL|training`,
  `${T}|NONE|NONE|PJSIP/1001|UNPAUSEALL|`,
  `${T}|NONE|support|PJSIP/1001|PENALTY|2`,
  `${T}|NONE|support|PJSIP/1001|RINGINUSE|1`,
  `${T}|1709287190.42|NONE|Agent/1001|AGENTLOGIN|SIP/1001-00000001`,
  `${T}|1709287190.42|NONE|Agent/1001|AGENTLOGOFF|SIP/1001-00000001|3600`,
  `${T}|1709287190.42|NONE|Agent/1001|AGENTCALLBACKLOGIN|1001@from-internal`,
  `${T}|1709287190.42|NONE|Agent/1001|AGENTCALLBACKLOGOFF|1001@from-internal|3600|CommandLogoff`,
  `${T}|NONE|NONE|Agent/1001|AGENTDUMP|`,
  `${T}|NONE|NONE|NONE|SYSCOMPAT|`,
  `${T}|1709287190.42|support|PJSIP/1001|OUTCALL|ANSWERED|60|x`,
  `${T}|1709287190.42|support|NONE|INFO|IVR|menu 3`,
  `${T}|1709287190.42|support|NONE|CALLERONHOLD|`,
  `${T}|1709287190.42|support|NONE|CALLEROFFHOLD|`,
  `${T}|1709287190.42|support|NONE|MY_CUSTOM_VERB|anything|at all`,
];

describe('parseQueueLogLine: file form', () => {
  it('accepts a line of every verb, known or custom', () => {
    for (const text of EVERY_VERB) expect(reason(parse(text)), text).toBe('accepted');
  });

  it('types the fields: epoch → ms, verb upper-cased, data split, raw kept', () => {
    const e = event(parse(`${T}|1709287190.42|support|PJSIP/1001|connect|12|1709287202.43|4|`));
    expect(e).toEqual({
      timeMs: T * 1000,
      callId: '1709287190.42',
      queue: 'support',
      agent: 'PJSIP/1001',
      verb: 'CONNECT',
      data: ['12', '1709287202.43', '4'],
      raw: `${T}|1709287190.42|support|PJSIP/1001|connect|12|1709287202.43|4|`,
    });
  });

  it('keeps the old 1.4 CONNECT layout (no ringtime) and a QueueLog() trailing |', () => {
    expect(event(parse(`${T}|1.2|q|SIP/1|CONNECT|5|1.3`)).data).toEqual(['5', '1.3']);
    expect(event(parse(`${T}|1.2|q|NONE|DID|777|`)).data).toEqual(['777']);
    expect(event(parse(`${T}|NONE|NONE|NONE|QUEUESTART`)).data).toEqual([]);
  });

  it('strips a CR and skips blank lines', () => {
    expect(event(parse(`${T}|1.2|q|NONE|ABANDON|1|1|3\r`)).raw).toBe(`${T}|1.2|q|NONE|ABANDON|1|1|3`);
    expect(parse('')).toEqual({ ok: true, event: null, skipped: 'blank line' });
    expect(parse('   ')).toEqual({ ok: true, event: null, skipped: 'blank line' });
  });
});

describe('parseQueueLogLine: realtime CSV export', () => {
  it('reads time, callid, queuename, agent, event, data1..data5 in UTC', () => {
    const e = event(parse('2024-03-01 10:00:00,1709287190.42,support,NONE,ENTERQUEUE,,87011234567,1,,'));
    expect(e.timeMs).toBe(T * 1000);
    expect(e.verb).toBe('ENTERQUEUE');
    expect(e.data).toEqual(['', '87011234567', '1']);
  });

  it('reads microseconds, a local time zone, quotes and a leading id column', () => {
    const e = event(
      parse(
        '17,"2024-03-01 15:00:00.250000","1709287190.42","support","PJSIP/1001","CONNECT","12","1709287202.43","4","",""',
        'Asia/Almaty',
      ),
    );
    expect(e.timeMs).toBe(T * 1000 + 250); // Almaty is UTC+5 on that date
    expect(e.data).toEqual(['12', '1709287202.43', '4']);
  });

  it('reads a leading id column before an epoch time, and an epoch time before an epoch-like call id', () => {
    const withId = event(parse(`1,${T},1709287190.42,support,NONE,ENTERQUEUE,,87011234567,1,,`));
    expect([withId.timeMs, withId.callId, withId.queue]).toEqual([T * 1000, '1709287190.42', 'support']);
    const withoutId = event(parse(`${T},1709287190.42,support,NONE,ENTERQUEUE,,87011234567,1,,`));
    expect([withoutId.timeMs, withoutId.callId, withoutId.queue]).toEqual([T * 1000, '1709287190.42', 'support']);
    const member = event(parse(`${T},MANAGER,support,PJSIP/1001,ADDMEMBER,,,,,`));
    expect([member.timeMs, member.callId, member.verb]).toEqual([T * 1000, 'MANAGER', 'ADDMEMBER']);
  });

  it('re-splits a single old `data` column and LINK fields folded into data5', () => {
    expect(event(parse('2024-03-01 10:00:00,1.2,q,NONE,ENTERQUEUE,"|555|1"')).data).toEqual(['', '555', '1']);
    const link = event(parse('2024-03-01 10:00:00,1.2,q,SIP/1,ATTENDEDTRANSFER,LINK,A-1,B-2,12,95|1'));
    expect(link.data).toEqual(['LINK', 'A-1', 'B-2', '12', '95', '1']);
  });

  it('skips the header row', () => {
    expect(parse('time,callid,queuename,agent,event,data1,data2,data3,data4,data5')).toEqual({
      ok: true,
      event: null,
      skipped: 'header row',
    });
    expect(parse('id,time,callid,queuename,agent,event,data')).toMatchObject({ skipped: 'header row' });
  });
});

describe('parseQueueLogLine: malformed lines are rejected with a reason naming the field', () => {
  const cases: [string, string, RegExp][] = [
    ['too few fields', `${T}|1.2|q|NONE`, /too few fields: 4/],
    ['non-numeric epoch', `17O9287200|1.2|q|NONE|ABANDON|1|1|3`, /epoch field is not a number/],
    ['epoch before 2000', `946684799|1.2|q|NONE|ABANDON|1|1|3`, /before 2000/],
    ['epoch in the future', `${T + 2 * 86400}|1.2|q|NONE|ABANDON|1|1|3`, /in the future/],
    ['empty verb', `${T}|1.2|q|NONE||1|1|3`, /event field \(verb\) is empty/],
    ['verb not a word', `${T}|1.2|q|NONE|EN TER|1`, /not a word/],
    ['empty callid', `${T}||q|NONE|ABANDON|1|1|3`, /callid field is empty/],
    ['binary garbage', `${T}|1.2|q|NONE|ABANDON|1|\u0000\u0001|3`, /control character U\+0000/],
    ['binary file', `\ufffd\ufffdPK\u0003\u0004`, /control character U\+0003 at column 5/],
    ['invalid UTF-8', `${T}|1.2|q|NONE|ABANDON|1|\ufffd\ufffd|3`, /invalid UTF-8 in the data2 field/],
    [
      'invalid UTF-8 in the queue of an ENTERQUEUE',
      `${T}|1.2|\ufffdq|NONE|ENTERQUEUE||877|1|Name`,
      /in the queue field/,
    ],
    ['invalid UTF-8 in the callid of an ENTERQUEUE', `${T}|\ufffd1.2|q|NONE|ENTERQUEUE||877|1`, /in the callid field/],
    ['invalid UTF-8 in the agent', `${T}|1.2|q|PJSIP/\ufffd|CONNECT|1|1.3|1`, /in the agent field/],
    [
      'invalid UTF-8 in a caller number',
      `${T}|1.2|q|NONE|ENTERQUEUE||\ufffd\ufffd|1|Name`,
      /invalid UTF-8 in the data2 field/,
    ],
    ['over the length limit', `${T}|1.2|q|NONE|INFO|${'x'.repeat(70_000)}`, /over the limit of 65536/],
    [
      'CONNECT holdtime not a number',
      `${T}|1.2|q|SIP/1|CONNECT|abc|1.3|2`,
      /CONNECT data1 \(holdtime\) is not a whole number/,
    ],
    [
      'COMPLETECALLER without calltime',
      `${T}|1.2|q|SIP/1|COMPLETECALLER|12`,
      /COMPLETECALLER data2 \(calltime\) is missing/,
    ],
    ['ABANDON waittime bad', `${T}|1.2|q|NONE|ABANDON|1|1|x`, /ABANDON data3 \(waittime\)/],
    ['EXITWITHKEY waittime bad', `${T}|1.2|q|NONE|EXITWITHKEY|5|1|1|zz`, /EXITWITHKEY data4 \(waittime\)/],
    ['TRANSFER calltime bad', `${T}|1.2|q|SIP/1|TRANSFER|200|ctx|12|9x`, /TRANSFER data4 \(calltime\)/],
    ['LINK holdtime bad', `${T}|1.2|q|SIP/1|ATTENDEDTRANSFER|LINK|a|b|?|95|1`, /ATTENDEDTRANSFER data4 \(holdtime\)/],
    ['CSV time not a date', 'yesterday,1.2,q,NONE,ABANDON,1,1,3', /time field is not a date-time/],
    ['CSV impossible date', '2024-02-30 10:00:00,1.2,q,NONE,ABANDON,1,1,3', /time field is not a date-time/],
    ['CSV unbalanced quote', '2024-03-01 10:00:00,"1.2,q,NONE,ABANDON,1,1,3', /unbalanced quotes/],
    ['CSV too few columns', '2024-03-01 10:00:00,1.2,q,NONE', /too few fields/],
  ];
  for (const [name, text, expected] of cases) {
    it(name, () => {
      const r = parse(text);
      expect(r.ok).toBe(false);
      expect(reason(r)).toMatch(expected);
      expect(reason(r)).not.toContain('\n');
    });
  }
});

describe('a caller name in another encoding', () => {
  it('is read (it is only ever stored hashed): Windows-1251 decoded as UTF-8', () => {
    // "Айгерим" in Windows-1251 (C0 E9 E3 E5 F0 E8 EC) read as UTF-8: one U+FFFD per byte.
    const name = Buffer.from([0xc0, 0xe9, 0xe3, 0xe5, 0xf0, 0xe8, 0xec]).toString('utf8');
    expect(name).toBe('\ufffd'.repeat(7));
    const e = event(parse(`${T}|1709287190.42|support|NONE|ENTERQUEUE||87011234567|1|${name}`));
    expect([e.verb, e.data[1], e.data[3]]).toEqual(['ENTERQUEUE', '87011234567', name]);
  });
});
