/**
 * A small deterministic history for the invariance tests (re-ingest, export → ingest): these
 * tests compare KPIs with themselves, so the data need not be worked out by hand, but it touches
 * every rule — abandons on both sides of every threshold, transfer legs sharing a call_id,
 * call-backs, self-service, anonymous and repeat callers, ratings re-rated and attributed to an
 * agent, times to the millisecond, visits and ratings around local midnight.
 */
import { abandoned, answered, plusS } from '../kpi/harness.ts';
import { Random } from '../../src/domain/demo/prng.ts';

type Row = Record<string, unknown>;

/** A seeded stream of uniform numbers in [0, 1) (mulberry32, src/domain/demo/prng.ts). */
function prng(seed: number): () => number {
  const random = new Random(seed);
  return () => random.next();
}

const QUEUES = ['1414-ru', '1414-kk', 'q-vip'];
const CHANNELS = ['voice', 'voice', 'voice', 'chat', 'telegram'];
// Local 2026-03-02 00:00 in Asia/Almaty (UTC+5).
const START_MS = Date.parse('2026-03-01T19:00:00Z');
const SPAN_MS = 3 * 86_400_000;

export const SAMPLE_FROM = '2026-03-02';
export const SAMPLE_TO = '2026-03-06';

export function sampleEvents(visitCount = 240, seed = 1414): { calls: Row[]; ratings: Row[] } {
  const rand = prng(seed);
  const pick = <T>(xs: T[]): T => xs[Math.floor(rand() * xs.length)];
  const callers = [
    ...Array.from({ length: 30 }, (_, i) => `+7701${String(1000000 + i)}`),
    'anonymous',
    ' Private ',
    '',
  ];
  const agents = Array.from({ length: 8 }, (_, i) => `ag-${String(i + 1).padStart(2, '0')}`);
  const calls: Row[] = [
    // Hand-made edges around every threshold and local midnight.
    abandoned('edge-ghost', '1414-ru', '2026-03-02T04:00:00Z', 4.999, { caller: callers[0] }),
    abandoned('edge-5s', '1414-ru', '2026-03-02T04:01:00Z', 5, { caller: callers[1] }),
    abandoned('edge-29', '1414-ru', '2026-03-02T04:02:00Z', 29.999, { caller: callers[2] }),
    abandoned('edge-30', '1414-ru', '2026-03-02T04:03:00Z', 30, { caller: callers[3] }),
    answered('edge-sl-in', '1414-kk', '2026-03-02T18:59:59Z', 20, {
      caller: callers[4],
      agent_id: agents[0],
      talk_s: 61.5,
    }),
    answered('edge-sl-out', '1414-kk', '2026-03-02T19:00:00Z', 20.001, {
      caller: callers[4],
      agent_id: agents[1],
      talk_s: 42,
    }),
  ];
  const ratings: Row[] = [];
  for (let i = 0; i < visitCount; i++) {
    const callId = `s${i}`;
    const queue = pick(QUEUES);
    const entered = new Date(START_MS + Math.floor(rand() * SPAN_MS)).toISOString();
    const common: Row = {
      caller: pick(callers),
      channel: pick(CHANNELS),
      topic: pick(['billing', 'tariffs, plans', '']),
    };
    const kind = rand();
    if (kind < 0.06) {
      calls.push(answered(callId, 'robot', entered, 0, { ...common, self_service: true }));
      continue;
    }
    if (kind < 0.24) {
      calls.push(abandoned(callId, queue, entered, Math.round(rand() * 90_000) / 1000, common));
      continue;
    }
    const wait = Math.round(rand() * 45_000) / 1000;
    const visit = answered(callId, queue, entered, wait, {
      ...common,
      agent_id: pick(agents),
      talk_s: Math.round(rand() * 600),
      ...(rand() < 0.3 ? { hold_s: Math.round(rand() * 60) } : {}),
      ...(rand() < 0.5 ? { wrap_s: Math.round(rand() * 30) } : {}),
      ...(kind < 0.32 ? { callback: true } : {}),
    });
    calls.push(visit);
    let lastEnd = visit.ended_at as string;
    if (kind > 0.9) {
      // A transfer: the first leg is flagged, the second leg keeps the call_id in another queue.
      visit.transferred = true;
      const leg = answered(
        callId,
        QUEUES.find((q) => q !== queue)!,
        plusS(lastEnd, 1),
        Math.round(rand() * 20_000) / 1000,
        {
          caller: common.caller,
          channel: common.channel,
          agent_id: pick(agents),
          talk_s: Math.round(rand() * 300),
        },
      );
      calls.push(leg);
      lastEnd = leg.ended_at as string;
    }
    if (rand() < 0.45) {
      const ratedAt = plusS(lastEnd, Math.round(rand() * 20 * 3600));
      const score = rand() < 0.7 ? 5 : 1 + Math.floor(rand() * 5);
      ratings.push({ call_id: callId, score, rated_at: ratedAt, ...(rand() < 0.2 ? { agent_id: pick(agents) } : {}) });
      if (rand() < 0.15)
        ratings.push({
          call_id: callId,
          score: 1 + Math.floor(rand() * 5),
          rated_at: plusS(ratedAt, 3600 + rand() * 86_400),
        });
    }
  }
  return { calls, ratings };
}

/** `--by` sets the invariance tests compare. */
export const GROUPINGS = ['', 'queue,day', 'channel,agent,interval'];
