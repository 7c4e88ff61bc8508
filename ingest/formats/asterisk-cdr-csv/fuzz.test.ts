import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { CdrAssembler } from './assembler.ts';
import { CdrParser } from './parse-record.ts';

const NOW = Date.UTC(2024, 2, 2);
const field = fc.oneof(
  fc.string(),
  fc.constantFrom(
    '2024-03-01 10:00:00',
    '2024-03-01 10:01:00',
    '',
    'Queue',
    'ANSWERED',
    'NO ANSWER',
    'SIP/1001-0000abcd',
    '95',
    '1709287200.1',
  ),
);
const quoted = ([s, quote]: [string, boolean]) => (quote ? `"${s.replaceAll('"', '""')}"` : s);
const nearRow = fc
  .array(fc.tuple(field, fc.boolean()), { minLength: 14, maxLength: 23 })
  .map((fs) => fs.map(quoted).join(','));
const header = fc.constant(
  'calldate,src,dst,channel,dstchannel,lastapp,lastdata,duration,billsec,disposition,uniqueid,linkedid',
);
const anyRecord = fc.oneof(nearRow, fc.string(), fc.string({ unit: 'binary' }), header);

describe('CDR fuzz', () => {
  it('never throws: every record is accepted, skipped, or rejected with a reason', () => {
    fc.assert(
      fc.property(fc.array(anyRecord, { maxLength: 20 }), (records) => {
        const parser = new CdrParser({ nowMs: NOW, timeZone: 'Asia/Almaty' });
        const assembler = new CdrAssembler({ hashCaller: (c) => c, queues: {} });
        records.forEach((text, i) => {
          const r = parser.parse({ source: 'fuzz', line: i + 1, text });
          if (!r.ok) expect(r.reason.length).toBeGreaterThan(0);
          else if (r.row) assembler.add(r.row);
        });
        assembler.restore(assembler.snapshot());
        assembler.flush();
      }),
      { numRuns: 2000 },
    );
  });
});
