/**
 * A realistic Asterisk Master.csv written by the tests: 21 columns, times local (Asia/Almaty,
 * UTC+5), rows in the order cdr_csv writes them — by the end of their leg, the legs of one call
 * (one linkedid) ending within seconds of each other. Calls: answered in a queue (sometimes after
 * another member was rung without answer), abandoned in a queue, or direct (no queue leg).
 * Deterministic for a seed.
 */
import { Random } from '../../src/domain/demo/prng.ts';

export interface CdrSample {
  rows: string[];
  /** Calls with a queue leg (one visit each) and without (direct calls). */
  queueCalls: number;
  directCalls: number;
}

const QUEUES = ['1414-ru', '1414-kk', 'support'];
const q = (v: string | number) => `"${String(v).replaceAll('"', '""')}"`;
/** Local wall-clock time in Almaty (UTC+5) of epoch seconds. */
const local = (s: number) => new Date((s + 5 * 3600) * 1000).toISOString().slice(0, 19).replace('T', ' ');

export function cdrSample(options: { calls: number; seed?: number; startIso?: string }): CdrSample {
  const random = new Random(options.seed ?? 7);
  const rnd = () => random.next();
  const int = (lo: number, hi: number) => lo + Math.floor(rnd() * (hi - lo + 1));
  const startS = Date.parse(options.startIso ?? '2026-10-05T03:00:00Z') / 1000;
  const legs: { end: number; seq: number; text: string }[] = [];
  let seq = 0;
  let queueCalls = 0;
  let directCalls = 0;
  for (let i = 0; i < options.calls; i++) {
    const start = startS + i * 20 + int(0, 9);
    const linkedid = `${start}.${i}`;
    const caller = `+7701${String(int(0, 9_999_999)).padStart(7, '0')}`;
    const leg = (
      dst: string,
      app: string,
      data: string,
      from: number,
      answer: number | null,
      end: number,
      disp: string,
    ) =>
      legs.push({
        end,
        seq: seq++,
        text: [
          '',
          caller,
          '1414',
          'from-trunk',
          `<${caller}>`,
          `PJSIP/trunk-${String(i).padStart(8, '0')}`,
          dst,
          app,
          data,
          local(from),
          answer === null ? '' : local(answer),
          local(end),
          end - from,
          answer === null ? 0 : end - answer,
          disp,
          'DOCUMENTATION',
          `${start}.${seq}`,
          '',
          '',
          linkedid,
          seq,
        ]
          .map(q)
          .join(','),
      });
    const queue = QUEUES[i % QUEUES.length];
    const outcome = rnd();
    const wait = int(3, 80);
    if (outcome < 0.85) queueCalls++;
    else directCalls++;
    if (outcome < 0.65) {
      const end = start + wait + int(20, 400);
      if (rnd() < 0.3)
        leg(`PJSIP/${int(1001, 1040)}-r${i}`, 'Queue', `${queue},t`, start, null, start + 2, 'NO ANSWER');
      leg(`PJSIP/${int(1001, 1040)}-a${i}`, 'Queue', `${queue},t`, start, start + wait, end, 'ANSWERED');
    } else if (outcome < 0.85) {
      leg('', 'Queue', `${queue},t`, start, null, start + wait, 'NO ANSWER');
    } else {
      leg(
        `PJSIP/${int(1001, 1040)}-d${i}`,
        'Dial',
        'PJSIP/1001,30',
        start,
        start + 5,
        start + int(10, 200),
        'ANSWERED',
      );
    }
  }
  legs.sort((a, b) => a.end - b.end || a.seq - b.seq);
  return { rows: legs.map((l) => l.text), queueCalls, directCalls };
}
