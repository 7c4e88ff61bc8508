import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { QueueLogAssembler } from './assembler.ts';
import { KNOWN_VERBS } from './event.ts';
import { parseQueueLogLine } from './parse-line.ts';

const NOW = Date.UTC(2024, 2, 2);
const VERBS = [...KNOWN_VERBS, 'CUSTOM', ''];

// Lines close to the format (so parsing gets deep) mixed with arbitrary strings.
const nearLine = fc
  .tuple(
    fc.oneof(fc.integer({ min: 0, max: 2_000_000_000 }).map(String), fc.string()),
    fc.constantFrom('1.1', '1.2', 'NONE', ''),
    fc.constantFrom('support', 'NONE', ''),
    fc.constantFrom('SIP/1001', 'NONE', 'Local/1@a/n'),
    fc.constantFrom(...VERBS),
    fc.array(
      fc.oneof(fc.integer({ min: -5, max: 500 }).map(String), fc.string(), fc.constantFrom('LINK', 'PAUSED', '')),
      { maxLength: 7 },
    ),
  )
  .map(([t, c, q, a, v, d]) => [t, c, q, a, v, ...d].join('|'));
const anyLine = fc.oneof(
  nearLine,
  fc.string(),
  fc.string({ unit: 'binary' }),
  nearLine.map((l) => l.replaceAll('|', ',')),
);

describe('queue_log fuzz', () => {
  it('never throws: every line is accepted, skipped, or rejected with a one-line reason', () => {
    fc.assert(
      fc.property(fc.array(anyLine, { maxLength: 30 }), (lines) => {
        const assembler = new QueueLogAssembler({ hashCaller: (c) => c, queues: {} });
        lines.forEach((text) => {
          const r = parseQueueLogLine(text, { nowMs: NOW, timeZone: 'Asia/Almaty' });
          if (!r.ok) {
            expect(r.reason.length).toBeGreaterThan(0);
            expect(r.reason).not.toMatch(/[\n\r]/);
          } else if (r.event) {
            for (const rec of assembler.add(r.event)) expect(rec.kind).toMatch(/calls|agent-events/);
          }
        });
        assembler.pending();
        assembler.restore(assembler.snapshot());
      }),
      { numRuns: 2000 },
    );
  });
});
