/**
 * A realistic Asterisk queue_log written by the tests (and the benchmark): agents log in, pause
 * and log out; callers enter queues (after a DID line), are rung, answered, transferred or hang
 * up; a few lines are duplicated, as Asterisk does after a reload. Layouts follow app_queue.c
 * (Asterisk 13+: CONNECT holdtime|bridged uniqueid|ringtime, COMPLETE* holdtime|calltime|origpos,
 * ABANDON pos|origpos|waittime, EXITWITHKEY key|pos|origpos|waittime, TRANSFER
 * exten|context|holdtime|calltime|origpos). Deterministic for a seed.
 */
import { Random } from '../../src/domain/demo/prng.ts';

export interface QueueLogSample {
  /** Lines in time order, duplicates included. */
  lines: string[];
  /** Distinct lines (what queue_log_event holds). */
  distinctLines: number;
  /** Local dates (Asia/Almaty) the calls fall on: for `kpi --from --to`. */
  from: string;
  to: string;
}

/** A seeded stream of uniform numbers in [0, 1) (mulberry32, src/domain/demo/prng.ts). */
function random(seed: number): () => number {
  const random = new Random(seed);
  return () => random.next();
}

const QUEUES = ['1414-ru', '1414-kk', 'support'];
const AGENTS = Array.from({ length: 12 }, (_, i) => `PJSIP/${1001 + i}`);

export function queueLogSample(options: {
  calls: number;
  seed?: number;
  startIso?: string;
  days?: number;
}): QueueLogSample {
  const rnd = random(options.seed ?? 7);
  const pick = <T>(list: readonly T[]) => list[Math.floor(rnd() * list.length)];
  const int = (lo: number, hi: number) => lo + Math.floor(rnd() * (hi - lo + 1));
  const startS = Date.parse(options.startIso ?? '2026-10-05T03:00:00Z') / 1000; // 09:00 in Almaty
  const days = options.days ?? 3;
  const entries: { t: number; seq: number; text: string }[] = [];
  let seq = 0;
  const log = (t: number, callId: string, queue: string, agent: string, verb: string, ...data: (string | number)[]) =>
    entries.push({ t, seq: seq++, text: [t, callId, queue, agent, verb, ...data].join('|') });

  for (let d = 0; d < days; d++) {
    const dayS = startS + d * 86_400;
    for (const agent of AGENTS) {
      for (const q of QUEUES) log(dayS - 600, 'MANAGER', q, agent, 'ADDMEMBER', '');
      const pauseS = dayS + int(3600, 20_000);
      log(pauseS, 'NONE', 'NONE', agent, 'PAUSEALL', pick(['lunch', 'training', 'break']));
      log(pauseS + int(300, 1800), 'NONE', 'NONE', agent, 'UNPAUSEALL', '');
      for (const q of QUEUES) log(dayS + 11 * 3600, 'MANAGER', q, agent, 'REMOVEMEMBER', '');
    }
  }
  const perDay = Math.ceil(options.calls / days);
  for (let i = 0; i < options.calls; i++) {
    const d = Math.floor(i / perDay);
    const enterS = startS + d * 86_400 + Math.floor(((i % perDay) / perDay) * 10 * 3600) + int(0, 5);
    const callId = `${enterS}.${i}`;
    const queue = pick(QUEUES);
    const agent = pick(AGENTS);
    const caller = rnd() < 0.05 ? 'anonymous' : `+7701${String(int(0, 9_999_999)).padStart(7, '0')}`;
    log(enterS, callId, queue, 'NONE', 'DID', '1414');
    log(enterS, callId, queue, 'NONE', 'ENTERQUEUE', '', caller, 1);
    const outcome = rnd();
    const wait = int(0, 90);
    if (outcome < 0.72) {
      if (rnd() < 0.3) log(enterS + Math.min(wait, 15), callId, queue, pick(AGENTS), 'RINGNOANSWER', 15000);
      log(enterS + wait, callId, queue, agent, 'CONNECT', wait, `${enterS + wait}.${i + 500000}`, int(1, 9));
      const talk = int(20, 600);
      if (outcome < 0.05)
        log(enterS + wait + talk, callId, queue, agent, 'TRANSFER', '2000', 'from-internal', wait, talk, 1);
      else log(enterS + wait + talk, callId, queue, agent, pick(['COMPLETECALLER', 'COMPLETEAGENT']), wait, talk, 1);
    } else if (outcome < 0.9) {
      log(enterS + wait, callId, queue, 'NONE', 'ABANDON', 1, 1, wait);
    } else if (outcome < 0.95) {
      log(enterS + 120, callId, queue, 'NONE', 'EXITWITHTIMEOUT', 1, 1, 120);
    } else {
      log(enterS + wait, callId, queue, 'NONE', 'EXITWITHKEY', 5, 1, 1, wait);
    }
    if (rnd() < 0.01) log(enterS + 1, callId, queue, 'NONE', 'INFO', 'custom-tool-note');
  }
  entries.sort((a, b) => a.t - b.t || a.seq - b.seq);
  const lines: string[] = [];
  for (const e of entries) {
    lines.push(e.text);
    if (rnd() < 0.005) lines.push(e.text); // a duplicated line
  }
  const distinctLines = new Set(lines).size;
  const localDate = (s: number) => new Date((s + 5 * 3600) * 1000).toISOString().slice(0, 10);
  return { lines, distinctLines, from: localDate(startS - 86_400), to: localDate(startS + days * 86_400) };
}
