/** Builds a `calls` record with its wait computed as DESIGN §5 defines it (positional for speed). */

import type { CallVisit, Channel } from '../events.ts';

export function visit(
  callId: string,
  queue: string,
  channel: Channel,
  language: string,
  site: string,
  callerHash: string,
  enteredAtMs: number,
  answeredAtMs: number | null,
  endedAtMs: number,
  agentId: string,
  talkSeconds: number,
  holdSeconds: number,
  wrapSeconds: number,
  transferred: boolean,
  callback: boolean,
  selfService: boolean,
  topic: string,
): CallVisit {
  const waitSeconds = ((answeredAtMs ?? endedAtMs) - enteredAtMs) / 1000;
  return {
    callId,
    queue,
    channel,
    language,
    site,
    callerHash,
    enteredAtMs,
    answeredAtMs,
    endedAtMs,
    waitSeconds,
    agentId,
    talkSeconds,
    holdSeconds,
    wrapSeconds,
    transferred,
    callback,
    selfService,
    topic,
  };
}
