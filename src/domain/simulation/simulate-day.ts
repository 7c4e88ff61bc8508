/**
 * Discrete-event simulation of one day of one queue: what a staffing plan really gives, without
 * Erlang's steady-state assumption (issue 5, part 5). Pure: no I/O; deterministic for a seed.
 *
 * Model, per interval i of `intervalSeconds`:
 * - arrivals: a Poisson process with rate calls_i / intervalSeconds (piecewise constant; at each
 *   interval start the next arrival is redrawn, which is exact by memorylessness);
 * - handle times: exponential with the AHT of the call's arrival interval, or `handleTimeSeconds`;
 * - patience: exponential with mean `patienceSeconds` (infinite when absent); FCFS queue;
 * - staffing: agents_i from the interval start; when it drops, busy agents finish their call
 *   first. After the last interval no call arrives and its agents stay until the queue is empty
 *   (callers still waiting with no agent at all count as abandoned at the close).
 * Measures, in the conventions of DESIGN §6 (as Erlang A): service level = answered within t ÷
 * all arrivals (abandoners fail); ASA = mean wait of answered calls; abandon rate = abandoned ÷
 * arrivals. Per-interval figures belong to the arrival interval, so plan edges show up there.
 */
import { EventQueue } from './event-queue.ts';
import { exponential, seededRandom, type Random } from './random.ts';
import { estimate, type Estimate } from './estimate.ts';

export interface SimulatedInterval {
  /** Expected arrivals in the interval (the Poisson mean). */
  calls: number;
  ahtSeconds: number;
  agents: number;
}

export interface DaySimulationInput {
  intervalSeconds: number;
  intervals: SimulatedInterval[];
  answerWithinSeconds: number;
  /** Mean patience; undefined or Infinity = callers never hang up. */
  patienceSeconds?: number;
  /** Handle-time sampler; default exponential with the interval's AHT. */
  handleTimeSeconds?: (random: Random, ahtSeconds: number) => number;
  replications: number;
  seed: number;
}

export interface Tally {
  offered: number;
  answered: number;
  answeredWithin: number;
  abandoned: number;
  answeredWaitSeconds: number;
}

export interface ReplicationResult {
  total: Tally;
  intervals: Tally[];
}

export interface Rates {
  serviceLevel: Estimate;
  asaSeconds: Estimate;
  abandonRate: Estimate;
  /** Mean arrivals per replication. */
  offered: number;
}

export interface DaySimulationResult extends Rates {
  replications: number;
  intervals: Rates[];
}

const emptyTally = (): Tally => ({ offered: 0, answered: 0, answeredWithin: 0, abandoned: 0, answeredWaitSeconds: 0 });

function checkInput(input: DaySimulationInput): void {
  const { intervalSeconds, intervals, answerWithinSeconds, patienceSeconds, replications } = input;
  if (!(intervalSeconds > 0 && Number.isFinite(intervalSeconds)))
    throw new RangeError(`interval seconds must be > 0, got ${intervalSeconds}`);
  if (!(answerWithinSeconds >= 0))
    throw new RangeError(`answer-within seconds must be ≥ 0, got ${answerWithinSeconds}`);
  if (patienceSeconds !== undefined && !(patienceSeconds > 0))
    throw new RangeError(`patience seconds must be > 0, got ${patienceSeconds}`);
  if (!Number.isSafeInteger(replications) || replications < 1)
    throw new RangeError(`replications must be a whole number ≥ 1, got ${replications}`);
  for (const [i, iv] of intervals.entries()) {
    if (!(iv.calls >= 0 && Number.isFinite(iv.calls))) throw new RangeError(`interval ${i}: calls must be ≥ 0`);
    if (!(iv.ahtSeconds > 0 && Number.isFinite(iv.ahtSeconds))) throw new RangeError(`interval ${i}: AHT must be > 0`);
    if (!Number.isSafeInteger(iv.agents) || iv.agents < 0)
      throw new RangeError(`interval ${i}: agents must be a whole number ≥ 0`);
  }
}

/** One replication of the day. */
export function simulateReplication(input: DaySimulationInput, random: Random): ReplicationResult {
  checkInput(input);
  const { intervalSeconds: len, intervals, answerWithinSeconds: t } = input;
  const patience = input.patienceSeconds ?? Infinity;
  const handle = input.handleTimeSeconds ?? ((r: Random, aht: number) => exponential(r, aht));
  const tallies = intervals.map(emptyTally);
  const departures = new EventQueue(); // payload unused: agents are interchangeable
  // FCFS queue of waiting callers as parallel arrays with a moving head.
  const qArrival: number[] = [];
  const qDeadline: number[] = [];
  const qInterval: number[] = [];
  let head = 0;
  let busy = 0;
  let staffed = intervals.length > 0 ? intervals[0].agents : 0;
  let index = 0; // current interval
  let nextBoundary = intervals.length > 0 ? len : Infinity;
  let nextArrival = Infinity;

  const drawArrival = (from: number) => {
    const rate = index < intervals.length ? intervals[index].calls / len : 0;
    const at = rate > 0 ? from + exponential(random, 1 / rate) : Infinity;
    nextArrival = at < (index + 1) * len ? at : Infinity; // past the interval end: redrawn there
  };
  const serve = (now: number, arrival: number, interval: number) => {
    const wait = now - arrival;
    const tally = tallies[interval];
    tally.answered++;
    tally.answeredWaitSeconds += wait;
    if (wait <= t) tally.answeredWithin++;
    busy++;
    departures.push(now + handle(random, intervals[interval].ahtSeconds), 0);
  };
  const dispatch = (now: number) => {
    while (busy < staffed && head < qArrival.length) {
      const arrival = qArrival[head];
      const deadline = qDeadline[head];
      const interval = qInterval[head++];
      if (deadline <= now)
        tallies[interval].abandoned++; // hung up while waiting
      else serve(now, arrival, interval);
    }
    if (head === qArrival.length) qArrival.length = qDeadline.length = qInterval.length = head = 0;
  };

  drawArrival(0);
  for (;;) {
    const nextDeparture = departures.peekTime();
    const now = Math.min(nextDeparture, nextArrival, nextBoundary);
    if (now === Infinity) break;
    if (now === nextDeparture) {
      departures.pop();
      busy--;
      dispatch(now);
    } else if (now === nextArrival) {
      tallies[index].offered++;
      if (busy < staffed && head === qArrival.length) serve(now, now, index);
      else {
        qArrival.push(now);
        qDeadline.push(patience === Infinity ? Infinity : now + exponential(random, patience));
        qInterval.push(index);
      }
      drawArrival(now);
    } else {
      index++;
      if (index < intervals.length) {
        staffed = intervals[index].agents;
        nextBoundary += len;
        drawArrival(now);
      } else {
        nextBoundary = Infinity; // the day is over: last agents stay until the queue is empty
      }
      dispatch(now);
    }
  }
  // No agent left to answer: the remaining callers are lost.
  for (; head < qArrival.length; head++) tallies[qInterval[head]].abandoned++;
  const total = emptyTally();
  for (const tally of tallies) for (const k of Object.keys(total) as (keyof Tally)[]) total[k] += tally[k];
  return { total, intervals: tallies };
}

function rates(tallies: Tally[]): Rates {
  const withCalls = tallies.filter((x) => x.offered > 0);
  const withAnswers = tallies.filter((x) => x.answered > 0);
  return {
    serviceLevel: estimate(withCalls.map((x) => x.answeredWithin / x.offered)),
    asaSeconds: estimate(withAnswers.map((x) => x.answeredWaitSeconds / x.answered)),
    abandonRate: estimate(withCalls.map((x) => x.abandoned / x.offered)),
    offered: tallies.reduce((s, x) => s + x.offered, 0) / Math.max(1, tallies.length),
  };
}

/**
 * Simulates the day `replications` times (replication r seeded with seed + r) and reports each
 * measure as a mean with a 95 % confidence interval over replications, for the day and per interval.
 * @throws RangeError for invalid input.
 */
export function simulateDay(input: DaySimulationInput): DaySimulationResult {
  checkInput(input);
  const runs: ReplicationResult[] = [];
  for (let r = 0; r < input.replications; r++) runs.push(simulateReplication(input, seededRandom(input.seed + r)));
  return {
    replications: input.replications,
    ...rates(runs.map((run) => run.total)),
    intervals: input.intervals.map((_, i) => rates(runs.map((run) => run.intervals[i]))),
  };
}
