import { describe, expect, it } from 'vitest';
import { createCallerHasher } from './caller-hash.ts';
import { parseNdjsonLine } from './formats/kezek-native.ts';
import { parseQueueLogLine } from './formats/asterisk-queue-log/parse-line.ts';
import { redactQueueLogEvent } from './asterisk/queue-log-pipeline.ts';
import { cdrLayoutColumns, redactReject } from './redact-reject.ts';
import { headerLayout } from './formats/asterisk-cdr-csv/layout.ts';

const hash = createCallerHasher('test-salt');
const m = (caller: string) => `[caller:${hash(caller)}]`;
const redact = (raw: string, format: string, columns?: readonly string[]) =>
  redactReject({ raw, reason: '', format, columns }, hash).raw;

describe('queue_log lines stored', () => {
  const stored = (line: string) => {
    const parsed = parseQueueLogLine(line, { nowMs: Date.UTC(2025, 0, 1) });
    if (!parsed.ok || !parsed.event) throw new Error(`expected a good line: ${line}`);
    return redactQueueLogEvent(parsed.event, hash);
  };
  const h = hash('+77011234567');

  it('keep the file form as read but for the caller (data2 of ENTERQUEUE)', () => {
    // The caller last, in the middle, before a trailing `|`; the other fields byte for byte.
    expect(stored('1730000000|17.5|support|NONE|ENTERQUEUE||+77011234567').raw).toBe(
      `1730000000|17.5|support|NONE|ENTERQUEUE||${h}`,
    );
    expect(stored('1730000000.250|17.5|support|NONE|ENTERQUEUE|url|+77011234567|1|').raw).toBe(
      `1730000000.250|17.5|support|NONE|ENTERQUEUE|url|${h}|1|`,
    );
    expect(stored('1730000000|17.5|support|NONE|ENTERQUEUE|url|+77011234567|1').data).toEqual(['url', h, '1']);
    // No caller, or another verb: the line as it is.
    const line = '1730000000|17.5|support|NONE|ENTERQUEUE|url||1';
    expect(stored(line).raw).toBe(line);
    expect(stored('1730000000|17.5|support|PJSIP/1001|CONNECT|3|17.9|2').raw).toBe(
      '1730000000|17.5|support|PJSIP/1001|CONNECT|3|17.9|2',
    );
  });

  it('write a realtime CSV line with a caller in the file form', () => {
    expect(stored('2024-10-27 03:53:20,17.5,support,NONE,ENTERQUEUE,url,+77011234567,1').raw).toBe(
      `1730001200|17.5|support|NONE|ENTERQUEUE|url|${h}|1`,
    );
  });
});

describe('queue_log rejects', () => {
  it('replace the caller name of ENTERQUEUE (data4, log-caller-id-name) as well, in both forms', () => {
    expect(redact('4102444800|9.9|support|NONE|ENTERQUEUE||+77011234567|1|Иван Петров', 'asterisk-queue-log')).toBe(
      `4102444800|9.9|support|NONE|ENTERQUEUE||${m('+77011234567')}|1|${m('Иван Петров')}`,
    );
    // Realtime CSV: five data columns, or one `data` column of `|`-separated fields; an id column first.
    expect(
      redact('2099-01-01 10:00:00,9.9,support,NONE,ENTERQUEUE,,+77011234567,1,Иван Петров,', 'asterisk-queue-log'),
    ).toBe(`2099-01-01 10:00:00,9.9,support,NONE,ENTERQUEUE,,${m('+77011234567')},1,${m('Иван Петров')},`);
    expect(redact('7,4102444800,9.9,support,NONE,ENTERQUEUE,"|+77011234567|1|Иван Петров"', 'asterisk-queue-log')).toBe(
      `7,4102444800,9.9,support,NONE,ENTERQUEUE,"|${m('+77011234567')}|1|${m('Иван Петров')}"`,
    );
  });

  it('replace the caller of ENTERQUEUE by the hash the stored line gets, keeping epoch and call id', () => {
    const good = '1730000000|1730000000.123|support|NONE|ENTERQUEUE||+77011234567|1';
    const parsed = parseQueueLogLine(good, { nowMs: Date.UTC(2025, 0, 1) });
    if (!parsed.ok || !parsed.event) throw new Error('expected a good line');
    const stored = redactQueueLogEvent(parsed.event, hash).data[1];
    expect(redact(good, 'asterisk-queue-log')).toBe(
      `1730000000|1730000000.123|support|NONE|ENTERQUEUE||[caller:${stored}]|1`,
    );
    // Impossible time: the leading epoch stays; the caller goes, whatever its form.
    expect(redact('4102444800|9.9|support|NONE|enterqueue||+7 701 123-45-67|1', 'asterisk-queue-log')).toBe(
      `4102444800|9.9|support|NONE|enterqueue||${m('+7 701 123-45-67')}|1`,
    );
    expect(redact('1730000000|1.1|sup', 'asterisk-queue-log')).toBe('1730000000|1.1|sup');
  });

  it('fall back to long digit runs elsewhere, keeping dotted ids, epochs, channel sequences and hashes', () => {
    expect(redact('garbage 87011234567 and +77011234567.', 'asterisk-queue-log')).toBe(
      `garbage ${m('87011234567')} and ${m('+77011234567')}.`,
    );
    expect(redact('1730000000.5|1730000000.123|q|Local/87011234567@from-queue|ADDMEMBER|', 'asterisk-queue-log')).toBe(
      `1730000000.5|1730000000.123|q|Local/${m('87011234567')}@from-queue|ADDMEMBER|`,
    );
    // The leading field is the epoch the parser reads (1–12 digits, a fraction of 1–6): a time, kept
    // however impossible (QA: 99999999999 was marked as a caller); with a `+` it is no epoch.
    expect(redact('99999999999|1.1|q|NONE|ENTERQUEUE||1|1', 'asterisk-queue-log')).toBe(
      `99999999999|1.1|q|NONE|ENTERQUEUE||${m('1')}|1`,
    );
    expect(redact('77011234567|1.1|q|NONE|ENTERQUEUE||x|1', 'asterisk-queue-log')).toBe(
      `77011234567|1.1|q|NONE|ENTERQUEUE||${m('x')}|1`,
    );
    expect(redact('+77011234567|1.1|q|NONE|ENTERQUEUE||x|1', 'asterisk-queue-log')).toBe(
      `${m('+77011234567')}|1.1|q|NONE|ENTERQUEUE||${m('x')}|1`,
    );
    // A line that does not split has no epoch field.
    expect(redact('77011234567', 'asterisk-queue-log')).toBe(m('77011234567'));
    // Epochs in seconds or milliseconds, channel sequences and caller hashes are no phone numbers.
    const kept = '1730000000|1.1|q|PJSIP/trunk-00000001|X|1730000000123|1234567890abcdef1234567890abcdef|123456';
    expect(redact(kept, 'asterisk-queue-log')).toBe(kept);
    // A number glued to letters is still a number.
    expect(redact('1730000000|1.1|q|id77011234567x|X', 'asterisk-queue-log')).toBe(
      `1730000000|1.1|q|id${m('77011234567')}x|X`,
    );
  });

  it('find the caller of a realtime CSV row, in its own column or in a |-joined data column', () => {
    expect(
      redact('2024-10-27 10:00:00.5,1730000000.5,support,NONE,ENTERQUEUE,,+77011234567,1', 'asterisk-queue-log'),
    ).toBe(`2024-10-27 10:00:00.5,1730000000.5,support,NONE,ENTERQUEUE,,${m('+77011234567')},1`);
    expect(
      redact('12345678,2024-10-27 10:00:00,1.5,support,NONE,ENTERQUEUE,"|87011234567|1"', 'asterisk-queue-log'),
    ).toBe(`12345678,2024-10-27 10:00:00,1.5,support,NONE,ENTERQUEUE,"|${m('87011234567')}|1"`);
  });
});

describe('CDR rejects', () => {
  const q = (v: string | number) => `"${String(v).replaceAll('"', '""')}"`;
  const fields = [
    '',
    '+77011234567',
    '87017654321',
    'from-pstn',
    '"Ivan Petrov" <+77011234567>',
    'SIP/trunk-0001',
    'SIP/1001-0002',
    'Dial',
    'SIP/trunk/87017654321,60',
    '2024-10-27 10:00:00',
    '2024-10-27 10:00:05',
    'never',
    60,
    55,
    'ANSWERED',
    'DOCUMENTATION',
    '1730000000.123',
  ];

  it('replace src, dst and clid (its name too) by position in a Master.csv row; times and ids stay', () => {
    const out = redact(fields.map(q).join(','), 'asterisk-cdr-csv');
    const want = [...fields];
    want[1] = m('+77011234567');
    want[2] = m('87017654321');
    want[4] = m('+77011234567');
    want[8] = `SIP/trunk/${m('87017654321')},60`;
    expect(out).toBe(want.map(q).join(','));
    expect(out).not.toMatch(/Ivan|1234567|7654321/);
  });

  it('use the header columns of an export, where src may hold a number with spaces', () => {
    const header = [
      'calldate',
      'clid',
      'src',
      'dst',
      'channel',
      'dstchannel',
      'lastapp',
      'lastdata',
      'billsec',
      'disposition',
      'duration',
    ];
    const layout = headerLayout(header);
    if (typeof layout === 'string') throw new Error(layout);
    const row = '1730000000,"""John"" <777>",+7 701 123 45 67,100,SIP/a,SIP/b,Queue,support,x,ANSWERED,10';
    expect(redact(row, 'asterisk-cdr-csv', cdrLayoutColumns(layout))).toBe(
      `1730000000,"${m('777')}",${m('+7 701 123 45 67')},${m('100')},SIP/a,SIP/b,Queue,support,x,ANSWERED,10`,
    );
    // Unbalanced quotes: the fallback.
    expect(redact('"+77011234567,"x', 'asterisk-cdr-csv')).toBe(`"${m('+77011234567')},"x`);
  });
});

describe('kezek rejects', () => {
  it('replace the NDJSON caller by the hash the parser stores; times, durations and ids stay', () => {
    const opts = { hashCaller: hash, queues: {} };
    const good = {
      call_id: '1730000000',
      queue: 'q',
      caller: '+7 701 123 45 67',
      entered_at: 1730000000,
      ended_at: '2024-10-27T10:00:00+05:00',
      talk_s: 123,
    };
    const parsed = parseNdjsonLine('calls', JSON.stringify(good), opts);
    if (!parsed.ok || parsed.records[0].kind !== 'calls') throw new Error('expected a call');
    const stored = parsed.records[0].row.callerHash;
    const bad = JSON.stringify({ ...good, topic: 'call back on 87011234567', entered_at: 'soon' });
    expect(JSON.parse(redact(bad, 'kezek-ndjson'))).toEqual({
      ...good,
      caller: `[caller:${stored}]`,
      topic: `call back on ${m('87011234567')}`,
      entered_at: 'soon',
    });
  });

  it('redact broken JSON, callers given as numbers, and keep unknown callers and caller_hash', () => {
    expect(redact('{"call_id": "c2", "caller" : 77011234567, "x": 1', 'kezek-ndjson')).toBe(
      `{"call_id": "c2", "caller" : "${m('77011234567')}", "x": 1`,
    );
    expect(redact('{"call_id":"c3","caller":"+7701123', 'kezek-ndjson')).toBe(
      `{"call_id":"c3","caller":"${m('+7701123')}`,
    );
    expect(redact('{"caller":"anonymous","caller_hash":"1234567890abcdef1234567890abcdef"}', 'kezek-ndjson')).toBe(
      '{"caller":"anonymous","caller_hash":"1234567890abcdef1234567890abcdef"}',
    );
    expect(redact('[1, 2, 87011234567, tel87011234567]', 'kezek-ndjson')).toBe(
      `[1, 2, ${m('87011234567')}, tel${m('87011234567')}]`,
    );
  });

  it('replace the caller column of a kezek CSV row by its header, a spaced number included', () => {
    const columns = ['call_id', 'queue', 'caller', 'entered_at', 'ended_at'];
    // Columns shifted (a cell too many): the caller column goes whatever it holds, and the general
    // rule finds the number that moved.
    expect(redact('k1,q,extra,+77011234567,1730000000,bad', 'kezek-csv', columns)).toBe(
      `k1,q,${m('extra')},${m('+77011234567')},1730000000,bad`,
    );
    expect(redact('1730000000,q,"+7 701 123 45 67",1730000000,bad', 'kezek-csv', columns)).toBe(
      `1730000000,q,"${m('+7 701 123 45 67')}",1730000000,bad`,
    );
    // No header read yet: the fallback.
    expect(redact('c1,q,+77011234567,2024-10-27T10:00:00Z', 'kezek-csv')).toBe(
      `c1,q,${m('+77011234567')},2024-10-27T10:00:00Z`,
    );
  });

  it('replace the caller column of a row with too many or too few fields (QA rows Q1, Q3)', () => {
    const columns = ['call_id', 'queue', 'caller', 'entered_at', 'ended_at'];
    expect(redact('Q1,q,+7 701 444 55 71,2026-11-27T10:00:00Z,2026-11-27T10:05:00Z,extra', 'kezek-csv', columns)).toBe(
      `Q1,q,${m('+7 701 444 55 71')},2026-11-27T10:00:00Z,2026-11-27T10:05:00Z,extra`,
    );
    expect(redact('Q3,q,"+7 701 444 55 73",2026-11-27T10:00:00Z', 'kezek-csv', columns)).toBe(
      `Q3,q,"${m('+7 701 444 55 73')}",2026-11-27T10:00:00Z`,
    );
    // A row too short to reach the caller column, and an empty or unknown caller: kept.
    expect(redact('Q4,q', 'kezek-csv', columns)).toBe('Q4,q');
    expect(redact('Q5,q,,x', 'kezek-csv', columns)).toBe('Q5,q,,x');
    expect(redact('Q6,q,anonymous,x', 'kezek-csv', columns)).toBe('Q6,q,anonymous,x');
  });

  it('replace whatever JSON value the caller key holds (QA lines P1, P2), valid JSON staying valid', () => {
    const line = (caller: string) => `{"call_id":"P1","queue":"q","caller":${caller},"entered_at":1730000000}`;
    const want = (marker: string) => ({ call_id: 'P1', queue: 'q', caller: marker, entered_at: 1730000000 });
    for (const caller of [
      '["+7 701 444 55 61"]',
      '{"n": "+7 701 444 55 62"}',
      '{"n":["+7 701 444 55 62", {"m": 1}]}',
    ]) {
      expect(JSON.parse(redact(line(caller), 'kezek-ndjson'))).toEqual(want(m(caller)));
    }
    // JSON null is no caller (the parser stores none), and a boolean holds no number: kept.
    expect(redact(line('null'), 'kezek-ndjson')).toBe(line('null'));
    expect(redact(line('true'), 'kezek-ndjson')).toBe(line('true'));
  });

  it('replace the value after "caller": in broken JSON, however the quotes fell (QA line P3)', () => {
    // The unclosed "P3, puts every later string out of step: the key is found in the text.
    expect(redact('{"call_id":"P3,"queue":"q","caller":"+7 701 444 55 63","entered_at":1}', 'kezek-ndjson')).toBe(
      `{"call_id":"P3,"queue":"q","caller":"${m('+7 701 444 55 63')}","entered_at":1}`,
    );
    expect(redact('{"caller": ["+7 701 444 55 64", "x"', 'kezek-ndjson')).toBe(
      `{"caller": "${m('["+7 701 444 55 64", "x"')}"`,
    );
    expect(redact('{"caller": +7 701 444 55 65, "x": 1}', 'kezek-ndjson')).toBe(
      `{"caller": "${m('+7 701 444 55 65')}", "x": 1}`,
    );
  });

  it('read no more of a long line than a reject keeps, a number at the limit still whole', () => {
    const pad = 'x'.repeat(4090);
    const out = redact(`${pad} +77011234567 ${'1234567a'.repeat(200_000)}`, 'other');
    expect(out.startsWith(`${pad} ${m('+77011234567')} `)).toBe(true);
    expect(out.length).toBeLessThan(10_000); // of 1.6 M characters
  });

  it('mark callers without a hash when no hasher is known', () => {
    expect(redactReject({ raw: '{"caller":"+77011234567"}', reason: '', format: 'kezek-ndjson' }, null).raw).toBe(
      '{"caller":"[caller]"}',
    );
    expect(redactReject({ raw: 'x 87011234567', reason: '', format: 'other' }, null).raw).toBe('x [caller]');
  });
});

describe('numbers written with separators', () => {
  it('are replaced anywhere in a line when they look like phone numbers', () => {
    for (const phone of [
      '+7 701 444-55-61',
      '8 (701) 444 55 61',
      '+7 (701) 444-55-61',
      '+7(701)444-55-61',
      '(701) 444-55-61',
      '8-701-444-55-61',
      '701 444 55 61',
      '+7 7172 55 66 77',
    ]) {
      expect(redact(`note: call back on ${phone}, please`, 'other')).toBe(`note: call back on ${m(phone)}, please`);
      expect(redact(`{"topic":"call ${phone}"}`, 'kezek-ndjson')).toBe(`{"topic":"call ${m(phone)}"}`);
    }
    expect(redact('1730000000|1.1|q|Local/8 701 444 55 61@from-queue|ADDMEMBER|', 'asterisk-queue-log')).toBe(
      `1730000000|1.1|q|Local/${m('8 701 444 55 61')}@from-queue|ADDMEMBER|`,
    );
  });

  it('leave times, dates, epochs, call ids, durations and short lists alone', () => {
    for (const kept of [
      '2026-11-27 10:00:00,2026-11-27T10:00:05+05:00,2026-11-27',
      '"2024-10-27 10:00:00","2024-10-27 10:00:05","never",60,55,"ANSWERED","DOCUMENTATION","1730000000.123"',
      '1730000000.123 1730000000 1730000000123 60 55 120',
      'talk 120 s, hold 30 - 45 s, queue 1414-kk, wait 0 20 40',
      '10.0.0.1 123-45 2026 11 27',
      '1 2 3 4 5 6 7 8 9 10 11 12',
    ]) {
      expect(redact(kept, 'other')).toBe(kept);
    }
  });
});

describe('the reason of a reject', () => {
  const both = (raw: string, reason: string, format: string) => redactReject({ raw, reason, format }, hash);

  it('loses the numbers replaced in the raw text, and numbers in the values it quotes', () => {
    expect(both('+77011234567|1.1|q', 'epoch field is not a number: "+77011234567"', 'asterisk-queue-log').reason).toBe(
      `epoch field is not a number: "${m('+77011234567')}"`,
    );
    expect(both('x', 'start field is not a date-time: "+7701123456"', 'asterisk-cdr-csv').reason).toBe(
      `start field is not a date-time: "${m('+7701123456')}"`,
    );
  });

  it('keeps everything else: times, counts, column numbers', () => {
    for (const [raw, reason] of [
      [
        '4102444800|9.9|support|NONE|ENTERQUEUE||+77011234567|1',
        'impossible time 4102444800: more than a day in the future',
      ],
      // QA: the 11-digit time was marked as a caller in the reason too.
      ['99999999999|1.1|q|NONE|ENTERQUEUE||1|1', 'impossible time 99999999999: more than a day in the future'],
      ['a,b', 'unrecognised CDR layout: 2 columns; expected 16–21 Master.csv columns'],
      ['{"talk_s": -5}', 'field talk_s: expected seconds ≥ 0, got -5'],
    ]) {
      expect(both(raw, reason, 'asterisk-queue-log').reason).toBe(reason);
    }
  });
});
