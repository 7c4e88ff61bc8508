/**
 * A plain, direct reading of DESIGN §5's KPI rules over in-memory records, used only to check
 * that the demo lands near 1414's published figures (tests and the measuring script). It is not
 * kezek's KPI engine, which runs in ClickHouse SQL.
 */

import type { CallVisit, Rating } from '../events.ts';

export interface DemoKpis {
  offered: number;
  answered: number;
  selfService: number;
  callbacks: number;
  serviceLevel: number;
  lostRate: number;
  asaSeconds: number;
  ahtSeconds: number;
  avgRating: number;
  csi: number;
  cdi: number;
  ratings: number;
  /** Share of answered visits that were rated. */
  ratedShare: number;
}

/** KPIs of the visits entered in [fromMs, toMs) and ratings rated in it (DESIGN §5 defaults). */
export function checkKpis(calls: CallVisit[], ratings: Rating[], fromMs: number, toMs: number): DemoKpis {
  let offered = 0,
    answered = 0,
    selfService = 0,
    callbacks = 0,
    shortAbandoned = 0,
    lost = 0;
  let withinSl = 0,
    waitSum = 0,
    handleSum = 0;
  for (const c of calls) {
    if (c.enteredAtMs < fromMs || c.enteredAtMs >= toMs) continue;
    if (c.selfService) selfService++;
    else if (c.callback) callbacks++;
    else {
      offered++;
      if (c.answeredAtMs !== null) {
        answered++;
        waitSum += c.waitSeconds;
        handleSum += c.talkSeconds + c.holdSeconds + c.wrapSeconds;
        if (c.waitSeconds <= 20) withinSl++;
      } else if (c.waitSeconds < 5) shortAbandoned++;
      else if (c.waitSeconds >= 30) lost++;
    }
  }
  // The latest rated_at of a call wins.
  const latest = new Map<string, Rating>();
  for (const r of ratings) {
    const before = latest.get(r.callId);
    if (!before || r.ratedAtMs > before.ratedAtMs) latest.set(r.callId, r);
  }
  let rated = 0,
    scoreSum = 0,
    satisfied = 0,
    dissatisfied = 0;
  for (const r of latest.values()) {
    if (r.ratedAtMs < fromMs || r.ratedAtMs >= toMs) continue;
    rated++;
    scoreSum += r.score;
    if (r.score >= 4) satisfied++;
    if (r.score <= 2) dissatisfied++;
  }
  return {
    offered,
    answered,
    selfService,
    callbacks,
    serviceLevel: withinSl / (offered - shortAbandoned),
    lostRate: lost / offered,
    asaSeconds: waitSum / answered,
    ahtSeconds: handleSum / answered,
    avgRating: scoreSum / rated,
    csi: satisfied / rated,
    cdi: dissatisfied / rated,
    ratings: rated,
    ratedShare: rated / answered,
  };
}

const UNKNOWN = new Set(['', 'anonymous', 'unknown', 'restricted', 'private', 'none']);

/**
 * FCR of the contacts whose first visit entered in [fromMs, toMs), looking for repeats in all
 * the given visits (pass the following days too): eligible = answered and known caller; resolved
 * = never transferred, not a call-back, and no other non-self-service contact of the caller
 * entered after its first entry and within windowHours of its last end.
 */
export function checkFcr(
  calls: CallVisit[],
  fromMs: number,
  toMs: number,
  windowHours = 72,
): { eligible: number; fcr: number } {
  interface Contact {
    caller: string;
    first: number;
    last: number;
    answered: boolean;
    unresolved: boolean;
    selfService: boolean;
  }
  const contacts = new Map<string, Contact>();
  for (const c of calls) {
    let contact = contacts.get(c.callId);
    if (!contact) {
      contact = {
        caller: c.callerHash,
        first: c.enteredAtMs,
        last: c.endedAtMs,
        answered: false,
        unresolved: false,
        selfService: true,
      };
      contacts.set(c.callId, contact);
    }
    contact.first = Math.min(contact.first, c.enteredAtMs);
    contact.last = Math.max(contact.last, c.endedAtMs);
    contact.answered ||= c.answeredAtMs !== null && !c.selfService;
    contact.unresolved ||= c.transferred || c.callback;
    contact.selfService &&= c.selfService;
  }
  const byCaller = new Map<string, number[]>();
  for (const contact of contacts.values()) {
    if (contact.selfService || UNKNOWN.has(contact.caller.trim().toLowerCase())) continue;
    const list = byCaller.get(contact.caller) ?? [];
    list.push(contact.first);
    byCaller.set(contact.caller, list);
  }
  let eligible = 0,
    resolved = 0;
  for (const contact of contacts.values()) {
    if (contact.first < fromMs || contact.first >= toMs) continue;
    if (!contact.answered || UNKNOWN.has(contact.caller.trim().toLowerCase())) continue;
    eligible++;
    const limit = contact.last + windowHours * 3_600_000;
    const repeated = (byCaller.get(contact.caller) ?? []).some((t) => t > contact.first && t <= limit);
    if (!contact.unresolved && !repeated) resolved++;
  }
  return { eligible, fcr: resolved / eligible };
}
