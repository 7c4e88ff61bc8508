/**
 * `kezek erlang`: the staffing calculator of DESIGN §7 on top of src/domain/erlang.
 * Decimal options reach the domain as the strings typed, so every head-count ceiling is exact.
 */
import { ConfigError, loadConfig } from '../../server/config.ts';
import { scheduledAgents } from '../../domain/erlang/exact.ts';
import type { QueueMetrics } from '../../domain/erlang/metrics.ts';
import {
  requiredAgents,
  staffingMetrics,
  type Constraint,
  type IntervalLoad,
  type StaffingTargets,
} from '../../domain/erlang/staffing.ts';
import { decimalOption, integerOption, parseCommandArgs, requireOption, UsageError } from '../args.ts';
import type { Command } from '../command.ts';
import { printJson, type CliIO } from '../io.ts';

const OPTIONS = {
  calls: { type: 'string' },
  aht: { type: 'string' },
  interval: { type: 'string' },
  sl: { type: 'string' },
  'answer-within': { type: 'string' },
  asa: { type: 'string' },
  'max-occupancy': { type: 'string' },
  shrinkage: { type: 'string' },
  patience: { type: 'string' },
  'max-abandon': { type: 'string' },
  agents: { type: 'string' },
} as const;

const USAGE = `Usage: kezek erlang --calls N --aht S [--interval S] [--sl F --answer-within S] [--asa S]
                    [--max-occupancy F] [--shrinkage F] [--patience S [--max-abandon F]] [--agents N] [--json]

Required agents for one interval (Erlang C; Erlang A when --patience is given), or with
--agents N the figures a given team achieves.
  --calls N            arrivals in the interval (decimal ≥ 0)
  --aht S              mean handle time, seconds
  --interval S         interval length, seconds (default 1800)
  --sl F               service-level target in [0, 1), e.g. 0.8
  --answer-within S    its threshold t, seconds (default kpi.sl_answer_within_s of the config)
  --asa S              maximum average speed of answer, seconds (mean wait of answered calls)
  --max-occupancy F    inclusive cap on A / N, in (0, 1]
  --shrinkage F        share of paid time off the phone, in [0, 1): scheduled = ceil(N / (1 − F))
  --patience S         mean caller patience, seconds (Erlang A)
  --max-abandon F      maximum share of callers who hang up, in (0, 1] (needs --patience)
  --agents N           evaluate N agents instead of solving for them
Service level counts all arriving calls; abandoners are failures.`;

/** A decimal option kept as the typed string (exact for the domain), validated to lie in range. */
function decimalText(
  name: string,
  raw: string | undefined,
  ok: (v: number) => boolean,
  range: string,
): string | undefined {
  const value = decimalOption(name, raw);
  if (value === undefined) return undefined;
  if (!ok(value)) throw new UsageError(`--${name}: must be in ${range}, got "${raw}"`);
  return raw!.trim();
}

interface Parsed {
  load: IntervalLoad;
  targets: StaffingTargets;
  shrinkage: string;
  agents?: number;
}

function parse(argv: string[]): { parsed: Parsed; json: boolean; help: boolean } {
  const { values } = parseCommandArgs(argv, OPTIONS);
  if (values.help) return { parsed: undefined as never, json: false, help: true };
  const calls = decimalText('calls', requireOption('calls', values.calls), () => true, '[0, ∞)')!;
  const aht = decimalText('aht', requireOption('aht', values.aht), () => true, '[0, ∞)')!;
  const interval = decimalText('interval', values.interval, (v) => v > 0, '(0, ∞)') ?? '1800';
  const sl = decimalText('sl', values.sl, (v) => v < 1, '[0, 1)');
  const asa = decimalText('asa', values.asa, (v) => v > 0, '(0, ∞)');
  const maxOccupancy = decimalText('max-occupancy', values['max-occupancy'], (v) => v > 0 && v <= 1, '(0, 1]');
  const shrinkage = decimalText('shrinkage', values.shrinkage, (v) => v < 1, '[0, 1)') ?? '0';
  const patience = decimalOption('patience', values.patience);
  const maxAbandon = decimalText('max-abandon', values['max-abandon'], (v) => v > 0 && v <= 1, '(0, 1]');
  if (maxAbandon !== undefined && patience === undefined) throw new UsageError('--max-abandon needs --patience');
  const agents = integerOption('agents', values.agents);
  let answerWithin = decimalOption('answer-within', values['answer-within']);
  if (answerWithin === undefined) {
    try {
      answerWithin = loadConfig(values.config).kpi.sl_answer_within_s;
    } catch (err) {
      if (err instanceof ConfigError) throw new UsageError(err.message);
      throw err;
    }
  }
  const parsed: Parsed = {
    load: {
      calls,
      ahtSeconds: aht,
      intervalSeconds: interval,
      answerWithinSeconds: answerWithin,
      patienceSeconds: patience,
    },
    targets: {
      serviceLevel: sl === undefined ? undefined : Number(sl),
      asaSeconds: asa === undefined ? undefined : Number(asa),
      maxOccupancy,
      maxAbandon: maxAbandon === undefined ? undefined : Number(maxAbandon),
    },
    shrinkage,
    agents,
  };
  return { parsed, json: values.json, help: false };
}

interface Result {
  metrics: QueueMetrics;
  scheduled: number;
  binding: Constraint[] | null;
  below: QueueMetrics | null;
}

function solve({ load, targets, shrinkage, agents }: Parsed): Result {
  try {
    if (agents !== undefined) {
      return {
        metrics: staffingMetrics(load, agents),
        scheduled: scheduledAgents(agents, shrinkage),
        binding: null,
        below: null,
      };
    }
    const r = requiredAgents(load, targets);
    if (!r.feasible) throw new Error(`no team of up to ${r.maxAgents} agents meets the targets`);
    return {
      metrics: r.metrics,
      scheduled: scheduledAgents(r.agents, shrinkage),
      binding: r.binding,
      below: r.belowMetrics,
    };
  } catch (err) {
    if (err instanceof RangeError) throw new UsageError(err.message);
    throw err;
  }
}

const pct = (v: number | null) => (v === null ? '–' : `${(100 * v).toFixed(1)} %`);
const secs = (v: number | null) =>
  v === null ? '–' : Number.isFinite(v) ? `${v.toFixed(1)} s` : '∞ (queue grows without bound)';

const CONSTRAINT_TEXT: Record<Constraint, (p: Parsed) => string> = {
  stability: () => 'more agents than traffic (N > A)',
  service_level: (p) => `service level ≥ ${pct(p.targets.serviceLevel!)} within ${p.load.answerWithinSeconds} s`,
  asa: (p) => `ASA ≤ ${p.targets.asaSeconds} s`,
  max_occupancy: (p) => `occupancy ≤ ${pct(Number(p.targets.maxOccupancy))}`,
  max_abandon: (p) => `abandonment ≤ ${pct(p.targets.maxAbandon!)}`,
};

function printHuman(io: CliIO, p: Parsed, r: Result): void {
  const m = r.metrics;
  const model = m.model === 'erlang-a' ? `Erlang A (mean patience ${p.load.patienceSeconds} s)` : 'Erlang C';
  const lines = [
    `${model}: ${p.load.calls} calls per ${p.load.intervalSeconds} s at AHT ${p.load.ahtSeconds} s = ${m.trafficErlangs} Erlangs`,
    `Agents: ${m.agents}${r.binding === null ? ' (given)' : ''}; scheduled ${r.scheduled} at ${pct(Number(p.shrinkage))} shrinkage`,
    `Service level: ${pct(m.serviceLevel)} of calls answered within ${p.load.answerWithinSeconds} s` +
      (r.below ? ` (with ${r.below.agents} agents: ${pct(r.below.serviceLevel)})` : ''),
    `P(wait): ${pct(m.pWait)}   ASA: ${secs(m.asaSeconds)}   Occupancy: ${pct(m.occupancy)}` +
      (m.pAbandon === null ? '' : `   P(abandon): ${pct(m.pAbandon)}`),
  ];
  if (r.binding !== null) {
    const set = r.binding.map((c) => CONSTRAINT_TEXT[c](p)).join('; ');
    lines.push(`Binding: ${set || 'none (no calls)'}`);
  }
  if (m.model === 'erlang-a')
    lines.push('ASA is the mean wait of answered calls; callers who hang up count against the service level.');
  if (Number(p.load.ahtSeconds) >= Number(p.load.intervalSeconds)) {
    lines.push('Note: AHT ≥ interval: the steady-state assumption of Erlang is doubtful here.');
  }
  io.stdout(`${lines.join('\n')}\n`);
}

export const command: Command = {
  name: 'erlang',
  summary: 'required agents for one interval with Erlang C or Erlang A',
  usage: USAGE,
  async run(argv, io) {
    const { parsed, json, help } = parse(argv);
    if (help) {
      io.stdout(`${USAGE}\n`);
      return;
    }
    const result = solve(parsed);
    const m = result.metrics;
    if (!json) return printHuman(io, parsed, result);
    printJson(io, {
      model: m.model,
      traffic_erlangs: m.trafficErlangs,
      agents: m.agents,
      scheduled_agents: result.scheduled,
      service_level: m.serviceLevel,
      p_wait: m.pWait,
      asa_s: m.asaSeconds,
      occupancy: m.occupancy,
      p_abandon: m.pAbandon,
    });
  },
};
