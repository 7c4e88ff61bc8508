/**
 * One Asterisk queue_log line as typed data (kpi-anchors §3): `epoch|callid|queue|agent|EVENT|
 * data1|…`, or the same columns from the realtime database exported as CSV.
 */

export interface QueueLogEvent {
  /** Epoch ms (the file's epoch seconds × 1000; realtime DATETIME converted to UTC). */
  timeMs: number;
  /** Caller channel uniqueid; NONE, REALTIME, MANAGER, CLI … for member events. */
  callId: string;
  /** Queue name; NONE for PAUSEALL, AGENTLOGIN and other queue-less events. */
  queue: string;
  /** Member name (or interface); NONE for caller-only events. */
  agent: string;
  /** Event verb, upper-cased (ENTERQUEUE, CONNECT, … or any custom verb). */
  verb: string;
  /** data1…dataN, split on `|`, trailing empty fields removed. */
  data: string[];
  /**
   * The line exactly as read: identical lines count once (DESIGN §5), and a pending event can
   * be persisted as this text and parsed again after a restart.
   */
  raw: string;
}

/**
 * The personal data fields of ENTERQUEUE (0-based data indexes): data2 the caller id, data4 the
 * caller's name (written with `log-caller-id-name`, Asterisk 20.14/21.9/22.4 on). Stored lines
 * and rejects hold them only as hashes (DESIGN §10).
 */
export const CALLER_DATA: readonly number[] = [1, 3];

/** Verbs that end a queue visit (DESIGN §5). */
export const END_VERBS: ReadonlySet<string> = new Set([
  'COMPLETECALLER',
  'COMPLETEAGENT',
  'TRANSFER',
  'BLINDTRANSFER',
  'ATTENDEDTRANSFER',
  'ABANDON',
  'EXITWITHTIMEOUT',
  'EXITWITHKEY',
  'EXITEMPTY',
  'WITHDRAW',
]);

/** End verbs of an answered visit; of these the TRANSFER family marks it transferred. */
export const ANSWERED_END_VERBS: ReadonlySet<string> = new Set([
  'COMPLETECALLER',
  'COMPLETEAGENT',
  'TRANSFER',
  'BLINDTRANSFER',
  'ATTENDEDTRANSFER',
]);

/**
 * Verbs the visit assembler keeps. Others (RINGNOANSWER, DID, INFO, custom verbs, member verbs)
 * are accepted lines but change nothing in a CallVisit, so they are not held in memory.
 * CALLERONHOLD/CALLEROFFHOLD (QueueMetrics tools) give the on-hold time of a talk.
 */
export const VISIT_VERBS: ReadonlySet<string> = new Set([
  ...END_VERBS,
  'ENTERQUEUE',
  'CONNECT',
  'CALLERONHOLD',
  'CALLEROFFHOLD',
]);

/** Verbs that change an agent's state (ADDMEMBER … UNPAUSEALL). */
export const MEMBER_VERBS: ReadonlySet<string> = new Set([
  'ADDMEMBER',
  'REMOVEMEMBER',
  'AGENTLOGIN',
  'AGENTLOGOFF',
  'AGENTCALLBACKLOGIN',
  'AGENTCALLBACKLOGOFF',
  'PAUSE',
  'PAUSEALL',
  'UNPAUSE',
  'UNPAUSEALL',
]);

/** Every verb Asterisk 1.8–22 writes, plus those dialplans and tools add; others are "custom". */
export const KNOWN_VERBS: ReadonlySet<string> = new Set([
  ...VISIT_VERBS,
  ...MEMBER_VERBS,
  'RINGNOANSWER',
  'RINGCANCELED',
  'CONFIGRELOAD',
  'QUEUESTART',
  'SYSCOMPAT',
  'AGENTDUMP',
  'PENALTY',
  'RINGINUSE',
  'OUTCALL',
  'DID',
  'INFO',
  'FULL',
  'JOINEMPTY',
]);
