/**
 * One simulated day of the centre. Contacts arrive on the intraday curve; between 21:00 and 09:00
 * (and for part of the Telegram bot's traffic) the robot handles them. In operator hours each
 * contact joins its language queue and is served first-come first-served by the operator of a
 * matching skill who can start soonest — a Russian-only or Kazakh-only operator before a
 * bilingual one when both are idle. Callers whose patience (exponential) runs out first hang up.
 * Processing contacts in arrival order with each skill group's operators in a heap keyed by the
 * time they are next free is an exact FIFO simulation for one skill group and a close greedy one
 * across groups; abandoned callers never take an operator's time.
 */

import type { AgentEvent, CallVisit, Channel, Rating } from '../events.ts';
import { AgentPool } from './agent-pool.ts';
import type { CallerBook } from './callers.ts';
import { BOT_QUEUE, CHANNEL_WEIGHTS, LANGUAGES, QUEUES, RUSSIAN_SHARE, TOPICS } from './catalog.ts';
import type { Roster } from './operators.ts';
import { PendingVisits, type PendingVisit } from './pending.ts';
import { Random, cumulativeWeights, hash32 } from './prng.ts';
import { rateContact } from './ratings.ts';
import { visit } from './visit.ts';
import { OPERATOR_HOURS_END_MINUTE, daySchedule } from './schedule.ts';
import { arrivalMinutes, daySurge, isoDateOf, localHourStarts, localMinuteToMs, weekdayIndex } from './volume.ts';

/** Tunable behaviour of callers and operators (seconds unless named otherwise). */
export const BEHAVIOUR = {
  talkMeanSeconds: 184,
  talkSigma: 0.55,
  holdShare: 0.25,
  holdMeanSeconds: 40,
  wrapMeanSeconds: 18,
  voicePatienceMeanSeconds: 540,
  textPatienceMeanSeconds: 900,
  /** E-mail and web forms wait as long as it takes. */
  formPatienceSeconds: 4 * 3600,
  telegramBotShare: 0.45,
  transferShare: 0.03,
  /** Share of lost voice callers (known number) who get a call-back the same day. */
  callbackShare: 0.3,
  callbackAnswerShare: 0.85,
};

const OPERATOR_HOURS_START_MINUTE = 9 * 60;
const CHANNELS = cumulativeWeights(CHANNEL_WEIGHTS.map((c) => c.weight));
const TOPIC_TABLE = cumulativeWeights(TOPICS.map((t) => t.weight));
const NO_AGENT_ABANDON_S = 600;

export interface DayContext {
  seed: number;
  timezone: string;
  roster: Roster;
  callers: CallerBook;
  hashCaller: (raw: string) => string;
  slotCount: (dayNumber: number) => number;
}

export interface DemoDay {
  calls: CallVisit[];
  ratings: Rating[];
  agentEvents: AgentEvent[];
}

export function simulateDay(context: DayContext, dayNumber: number): DemoDay {
  return new DaySimulation(context, dayNumber).run();
}

class DaySimulation {
  private readonly random: Random;
  private readonly hourStarts: Float64Array;
  private readonly pool: AgentPool;
  private readonly slotAgent: Int32Array;
  private readonly pending = new PendingVisits();
  private readonly calls: CallVisit[] = [];
  private readonly ratings: Rating[] = [];
  private readonly idPrefix: string;
  private readonly lastCallbackMs: number;
  private callbackCount = 0;

  constructor(
    private readonly context: DayContext,
    private readonly dayNumber: number,
  ) {
    const { seed, roster } = context;
    this.random = new Random(hash32(seed, dayNumber, 0xda7));
    this.hourStarts = localHourStarts(dayNumber, context.timezone);
    const contacts = context.slotCount(dayNumber);
    const schedule = daySchedule(roster, seed, dayNumber, weekdayIndex(dayNumber), this.hourStarts, contacts);
    const groups = new Uint8Array(schedule.slots);
    for (let s = 0; s < schedule.slots; s++) groups[s] = roster.skill[schedule.agentIndex[s]];
    this.slotAgent = schedule.agentIndex;
    this.pool = new AgentPool(schedule, groups);
    this.idPrefix = isoDateOf(dayNumber).replaceAll('-', '');
    this.lastCallbackMs = localMinuteToMs(this.hourStarts, OPERATOR_HOURS_END_MINUTE - 20);
  }

  run(): DemoDay {
    const count = this.context.slotCount(this.dayNumber);
    const minutes = arrivalMinutes(this.random, count, daySurge(this.context.seed, this.dayNumber));
    for (let k = 0; k < count; k++) {
      const atMs = localMinuteToMs(this.hourStarts, minutes[k]);
      while (this.pending.peekMs() <= atMs) this.offerPending(this.pending.pop());
      this.arrive(k, minutes[k], atMs);
    }
    while (this.pending.size > 0) this.offerPending(this.pending.pop());
    const agents = this.context.roster.agents;
    const agentEvents = this.pool.agentEvents((s) => agents[this.slotAgent[s]].agentId);
    return { calls: this.calls, ratings: this.ratings, agentEvents };
  }

  private arrive(k: number, minute: number, atMs: number): void {
    const random = this.random;
    const raw = this.context.callers.callerOf(this.dayNumber, k);
    const callerHash = raw === 'anonymous' ? '' : this.context.hashCaller(raw);
    const channel = CHANNEL_WEIGHTS[random.pick(CHANNELS)].name;
    const topic = TOPICS[random.pick(TOPIC_TABLE)].name;
    const language = random.next() < RUSSIAN_SHARE ? 0 : 1;
    const callId = `${this.idPrefix}-${String(k).padStart(6, '0')}`;
    const night = minute < OPERATOR_HOURS_START_MINUTE || minute >= OPERATOR_HOURS_END_MINUTE;
    if (night || (channel === 'telegram' && random.next() < BEHAVIOUR.telegramBotShare)) {
      this.selfService(callId, language, channel, callerHash, topic, atMs);
    } else {
      this.offer({ enteredAtMs: atMs, callId, language, channel, callerHash, topic, callback: false }, false);
    }
  }

  /** The robot or bot answers at once; the visit never reaches an agent queue. */
  private selfService(
    callId: string,
    language: number,
    channel: Channel,
    callerHash: string,
    topic: string,
    atMs: number,
  ): void {
    const seconds = Math.round(this.random.lognormal(95, 0.7)) + 5;
    const endedAtMs = atMs + seconds * 1000;
    this.calls.push(
      visit(
        callId,
        BOT_QUEUE,
        channel,
        LANGUAGES[language],
        '',
        callerHash,
        atMs,
        null,
        endedAtMs,
        '',
        0,
        0,
        0,
        false,
        false,
        true,
        topic,
      ),
    );
  }

  private offerPending(pending: PendingVisit): void {
    this.offer(pending, !pending.callback);
  }

  /** Queue a visit, find its operator (or let the caller hang up), and follow up. */
  private offer(v: PendingVisit, isTransferLeg: boolean): void {
    const random = this.random;
    const pool = this.pool;
    const g = v.language;
    const mono = pool.top(g, v.enteredAtMs);
    const monoStart = pool.startMs;
    const both = pool.top(2, v.enteredAtMs);
    const bothStart = pool.startMs;
    const useMono = mono >= 0 && (both < 0 || monoStart <= bothStart);
    const slot = useMono ? mono : both;
    const startMs = useMono ? monoStart : bothStart;
    const patienceSeconds = v.callback ? Infinity : this.patienceSeconds(v.channel);
    const queue = QUEUES[g];
    const language = LANGUAGES[g];
    if (slot < 0 || startMs - v.enteredAtMs > patienceSeconds * 1000) {
      if (v.callback) return; // nobody left to call back today
      const waitedMs = Math.round((slot < 0 ? Math.min(patienceSeconds, NO_AGENT_ABANDON_S) : patienceSeconds) * 1000);
      const endedAtMs = v.enteredAtMs + waitedMs;
      this.calls.push(
        visit(
          v.callId,
          queue,
          v.channel,
          language,
          '',
          v.callerHash,
          v.enteredAtMs,
          null,
          endedAtMs,
          '',
          0,
          0,
          0,
          false,
          false,
          false,
          v.topic,
        ),
      );
      if (
        waitedMs >= 30_000 &&
        v.channel === 'voice' &&
        v.callerHash !== '' &&
        endedAtMs < this.lastCallbackMs &&
        random.next() < BEHAVIOUR.callbackShare
      ) {
        const callbackAtMs = Math.min(this.lastCallbackMs, endedAtMs + Math.round(random.between(10, 60) * 60_000));
        const callId = `${this.idPrefix}-c${String(this.callbackCount++).padStart(5, '0')}`;
        this.pending.push({ ...v, enteredAtMs: callbackAtMs, callId, callback: true });
      }
      return;
    }
    const agent = this.context.roster.agents[this.slotAgent[slot]];
    let talk = Math.max(5, Math.round(random.lognormal(BEHAVIOUR.talkMeanSeconds, BEHAVIOUR.talkSigma)));
    const hold = random.next() < BEHAVIOUR.holdShare ? Math.round(random.lognormal(BEHAVIOUR.holdMeanSeconds, 0.6)) : 0;
    const wrap = Math.max(3, Math.round(random.lognormal(BEHAVIOUR.wrapMeanSeconds, 0.5)));
    let answeredAtMs: number | null = startMs;
    if (v.callback) {
      if (random.next() >= BEHAVIOUR.callbackAnswerShare) {
        answeredAtMs = null; // the caller did not pick up: 30 s of ringing
        const endedAtMs = startMs + 30_000;
        pool.occupyTop(useMono ? g : 2, endedAtMs + 10_000);
        this.calls.push(
          visit(
            v.callId,
            queue,
            v.channel,
            language,
            agent.site,
            v.callerHash,
            v.enteredAtMs,
            null,
            endedAtMs,
            agent.agentId,
            0,
            0,
            10,
            false,
            true,
            false,
            v.topic,
          ),
        );
        return;
      }
      answeredAtMs = startMs + Math.round(random.between(5, 20)) * 1000;
    }
    const transferred = !isTransferLeg && !v.callback && random.next() < BEHAVIOUR.transferShare;
    if (transferred) talk = Math.max(5, Math.round(talk * 0.35));
    const endedAtMs = answeredAtMs + (talk + hold) * 1000;
    pool.occupyTop(useMono ? g : 2, endedAtMs + wrap * 1000);
    this.calls.push(
      visit(
        v.callId,
        queue,
        v.channel,
        language,
        agent.site,
        v.callerHash,
        v.enteredAtMs,
        answeredAtMs,
        endedAtMs,
        agent.agentId,
        talk,
        hold,
        wrap,
        transferred,
        v.callback,
        false,
        v.topic,
      ),
    );
    if (transferred) {
      // Wrong language chosen in the menu: the operator transfers to the other language queue.
      this.pending.push({ ...v, enteredAtMs: endedAtMs, language: 1 - g, callback: false });
    } else {
      rateContact(random, this.ratings, v.callId, agent.agentId, endedAtMs, (answeredAtMs - v.enteredAtMs) / 1000);
    }
  }

  private patienceSeconds(channel: Channel): number {
    if (channel === 'voice') return this.random.exponential(BEHAVIOUR.voicePatienceMeanSeconds);
    if (channel === 'email' || channel === 'web') return BEHAVIOUR.formPatienceSeconds;
    return this.random.exponential(BEHAVIOUR.textPatienceMeanSeconds);
  }
}
