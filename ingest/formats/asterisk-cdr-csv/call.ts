/**
 * Turns the CDR rows of one call (one linkedid) into records (DESIGN §5, Asterisk CDR CSV).
 *
 * A call with `Queue` legs (lastapp = Queue) becomes one CallVisit per queue named in lastdata
 * (`support,t,,,300` → `support`). Asterisk writes one row per member rung, so the rows of a
 * queue are merged: entered = earliest start, ended = latest end, and the answer is that of the
 * ANSWERED row with a dstchannel (the member who took it): answered = its answer, talk = its
 * billsec, agent from its dstchannel (`SIP/1001-0000abcd` → `1001`, see agent-id.ts). ANSWERED
 * without a dstchannel means the dialplan answered the caller, not an agent: unanswered. Any
 * other disposition (NO ANSWER, BUSY, FAILED, CONGESTION, CANCEL, …) is unanswered.
 * wait = answered − entered, or ended − entered. CDR carries no hold or wrap time (0), and the
 * only transfer it shows reliably is to another queue: a visit is transferred when a later
 * visit of the same call starts after its answer.
 *
 * A call with no Queue leg is a DirectCall, stored outside the queue KPIs.
 */
import { isUnknownCaller, type CallVisit } from '../../../src/domain/events.ts';
import type { CallerHasher, ParsedRecord, QueueMap } from '../types.ts';
import { agentIdOfChannel, type AgentIdOptions } from '../asterisk-queue-log/agent-id.ts';
import type { CdrRow } from './parse-record.ts';

/** A call that never entered a queue (internal, outbound, IVR-only …). Key: callId. */
export interface DirectCall {
  callId: string;
  startedAtMs: number;
  /** Earliest answer of an ANSWERED row, null when no leg was answered. */
  answeredAtMs: number | null;
  endedAtMs: number;
  /** Salted hashes: src of the first leg and dst of the first leg (an outbound dst is a person's number). */
  callerHash: string;
  destinationHash: string;
  /** dcontext of the first leg (e.g. from-internal, from-trunk): tells inbound from internal. */
  context: string;
  /** From the dstchannel of the first answered leg; '' when none. */
  agentId: string;
  billSeconds: number;
  durationSeconds: number;
  /** ANSWERED when any leg was, else the first leg's disposition. */
  disposition: string;
  legs: number;
}

/**
 * A record of a complete call. `amends`: the call was emitted before and took a late leg since;
 * its records (all of the call's) replace whatever is stored for its id.
 */
export type CdrRecord = (ParsedRecord | { kind: 'direct-calls'; row: DirectCall }) & { amends?: true };

export interface CdrCallOptions extends AgentIdOptions {
  hashCaller: CallerHasher;
  queues: QueueMap;
}

const CALLER_IN_CLID = /<([^>]*)>/;

function hashed(raw: string, opts: CdrCallOptions): string {
  return isUnknownCaller(raw) ? '' : opts.hashCaller(raw);
}

function callerOf(row: CdrRow): string {
  if (row.src !== '') return row.src;
  return CALLER_IN_CLID.exec(row.clid)?.[1] ?? '';
}

function queueOf(row: CdrRow): string {
  return row.lastdata.split(/[,|]/, 1)[0].trim();
}

const isAnswer = (row: CdrRow) => row.disposition === 'ANSWERED' && row.answerMs !== null;

/** The records of one complete call; rows in any order. */
export function buildCdrCall(rows: readonly CdrRow[], opts: CdrCallOptions): CdrRecord[] {
  const sorted = [...rows].sort((a, b) => a.startMs - b.startMs || a.endMs - b.endMs);
  const byQueue = new Map<string, CdrRow[]>();
  for (const row of sorted) {
    if (row.lastapp.toLowerCase() !== 'queue') continue;
    const queue = queueOf(row);
    if (queue === '') continue;
    const list = byQueue.get(queue);
    if (list) list.push(row);
    else byQueue.set(queue, [row]);
  }
  if (byQueue.size === 0) return [{ kind: 'direct-calls', row: directCall(sorted, opts) }];

  const visits: CallVisit[] = [];
  for (const [queue, legs] of byQueue) {
    const answer = legs.find((r) => isAnswer(r) && r.dstchannel !== '');
    const enteredAtMs = Math.min(...legs.map((r) => r.startMs));
    const endedAtMs = Math.max(...legs.map((r) => r.endMs));
    const answeredAtMs = answer ? answer.answerMs! : null;
    const place = opts.queues[queue];
    visits.push({
      callId: legs[0].callKey,
      queue,
      channel: 'voice',
      language: place?.language ?? '',
      site: place?.site ?? '',
      callerHash: hashed(callerOf(legs[0]), opts),
      enteredAtMs,
      answeredAtMs,
      endedAtMs,
      waitSeconds: ((answeredAtMs ?? endedAtMs) - enteredAtMs) / 1000,
      agentId: answer ? agentIdOfChannel(answer.dstchannel, opts) : '',
      talkSeconds: answer ? answer.billSeconds : 0,
      holdSeconds: 0,
      wrapSeconds: 0,
      transferred: false,
      callback: false,
      selfService: false,
      topic: '',
    });
  }
  for (const visit of visits) {
    if (visit.answeredAtMs === null) continue;
    const answeredAt = visit.answeredAtMs;
    visit.transferred = visits.some((other) => other !== visit && other.enteredAtMs >= answeredAt);
  }
  return visits.map((row) => ({ kind: 'calls', row }));
}

function directCall(sorted: readonly CdrRow[], opts: CdrCallOptions): DirectCall {
  const first = sorted[0];
  const answered = sorted.filter(isAnswer);
  const answer = answered.reduce<CdrRow | undefined>(
    (a, r) => (a === undefined || r.answerMs! < a.answerMs! ? r : a),
    undefined,
  );
  const startedAtMs = first.startMs;
  const endedAtMs = Math.max(...sorted.map((r) => r.endMs));
  return {
    callId: first.callKey,
    startedAtMs,
    answeredAtMs: answer ? answer.answerMs : null,
    endedAtMs,
    callerHash: hashed(callerOf(first), opts),
    destinationHash: hashed(first.dst, opts),
    context: first.dcontext,
    agentId: answer ? agentIdOfChannel(answer.dstchannel, opts) : '',
    billSeconds: answer ? answer.billSeconds : 0,
    durationSeconds: (endedAtMs - startedAtMs) / 1000,
    disposition: answer ? 'ANSWERED' : first.disposition,
    legs: sorted.length,
  };
}
