/**
 * Configuration: the JSON config file (DESIGN §8) and the environment. This module is the only
 * reader of `process.env` in kezek.
 */
import { existsSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { Ajv, type ErrorObject } from 'ajv';
import schema from '../../schemas/config.schema.json' with { type: 'json' };
import { DEFAULT_PAY_CONFIG, DEFAULT_PAY_RULE, type PayConfig } from '../domain/pay/pay-rules.ts';
import {
  rosterSettings,
  trainingSettings,
  type RosterSettings,
  type TrainingSettings,
} from '../domain/roster/settings.ts';

export interface KpiTargets {
  service_level: number;
  lost_rate: number;
  asa_s: number;
  avg_rating: number;
  csi: number;
  cdi: number;
  fcr: number;
  dial_through: number;
}

export interface KpiSettings {
  short_abandon_s: number;
  lost_after_s: number;
  sl_answer_within_s: number;
  fcr_window_h: number;
  targets: KpiTargets;
}

/** The `pay` section: its types and defaults are the pay domain's (one source of truth). */
export type { PayConfig, PayRule as PayRuleConfig } from '../domain/pay/pay-rules.ts';

/** How Asterisk input is read (issue 3). */
export interface IngestSettings {
  /** Zone of Asterisk times written without an offset (CDR CSV, realtime queue_log): the centre's, or UTC. */
  asterisk_times: 'local' | 'utc';
  /** Agent ids from member names: 'extension' (SIP/1001 → 1001) or 'raw' (see agent-id.ts). */
  agent_ids: 'extension' | 'raw';
  /** Member name or extension → agent id. */
  agent_map: Record<string, string>;
}

/** Defaults of the staffing plan (issue 5); targets themselves are `kpi.targets`. */
export interface StaffingSettings {
  /** Share of paid time off the phone; when unset, measured from agent events. */
  shrinkage: number | null;
  /** Inclusive cap on occupancy A / N; null = no cap. */
  max_occupancy: number | null;
  /** Cap on P(abandon) (Erlang A only); null = none. */
  max_abandon: number | null;
  /** Plan with Erlang A where a patience can be estimated from history. */
  erlang_a: boolean;
  interval_minutes: 15 | 30 | 60;
  /** Weeks of history the forecast learns from, and weeks of it held out for the back-test. */
  history_weeks: number;
  backtest_weeks: number;
  /** Replications of the simulation check. */
  replications: number;
}

/** Sign-in settings (issue 8). */
export interface UserSettings {
  /** Hours a session lasts from sign-in. */
  session_hours: number;
  /** Failed sign-ins (per account and per address) within the window before 429; at most 10. */
  max_failed_logins: number;
  failure_window_minutes: number;
}

export interface KezekConfig {
  timezone: string;
  kpi: KpiSettings;
  queues: Record<string, { language?: string; site?: string }>;
  pay: PayConfig;
  roster: RosterSettings;
  training: TrainingSettings;
  users: UserSettings;
  staffing: StaffingSettings;
  ingest: IngestSettings;
}

export const DEFAULT_CONFIG: KezekConfig = {
  timezone: 'Asia/Almaty',
  kpi: {
    short_abandon_s: 5,
    lost_after_s: 30,
    sl_answer_within_s: 20,
    fcr_window_h: 72,
    targets: {
      service_level: 0.8,
      lost_rate: 0.05,
      asa_s: 30,
      avg_rating: 4.75,
      csi: 0.85,
      cdi: 0.1,
      fcr: 0.85,
      dial_through: 0.95,
    },
  },
  queues: {
    '1414-ru': { language: 'ru' },
    '1414-kk': { language: 'kk' },
  },
  pay: DEFAULT_PAY_CONFIG,
  roster: rosterSettings(),
  training: trainingSettings(),
  users: { session_hours: 12, max_failed_logins: 10, failure_window_minutes: 15 },
  staffing: {
    shrinkage: null,
    max_occupancy: null,
    max_abandon: null,
    erlang_a: true,
    interval_minutes: 15,
    history_weeks: 26,
    backtest_weeks: 2,
    replications: 20,
  },
  ingest: { asterisk_times: 'local', agent_ids: 'extension', agent_map: {} },
};

/** The config file is invalid: the CLI reports it as bad input (exit 2). */
export class ConfigError extends Error {
  override name = 'ConfigError';
}

/** A calendar date YYYY-MM-DD that exists (2026-02-30 does not). */
function isCalendarDate(text: string): boolean {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text);
  if (!m) return false;
  const d = new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])));
  return d.toISOString().slice(0, 10) === text;
}

const validate = new Ajv({ allErrors: false, strict: false, formats: { date: isCalendarDate } }).compile(schema);

function describeError(file: string, err: ErrorObject): string {
  const at = err.instancePath || '(top level)';
  if (err.keyword === 'additionalProperties') {
    const key = (err.params as { additionalProperty: string }).additionalProperty;
    return `${file}: unknown key "${key}" at ${at}`;
  }
  if (err.keyword === 'format') return `${file}: ${at} expected a calendar date YYYY-MM-DD`;
  return `${file}: ${at} ${err.message ?? 'is invalid'}`;
}

function isValidTimeZone(tz: string): boolean {
  try {
    new Intl.DateTimeFormat('en', { timeZone: tz });
    return true;
  } catch {
    return false;
  }
}

/** Applies defaults to a validated partial config. */
export function withDefaults(
  raw: Omit<Partial<KezekConfig>, 'roster' | 'training'> & {
    kpi?: Partial<KpiSettings>;
    roster?: Partial<RosterSettings>;
    training?: Partial<TrainingSettings>;
  },
): KezekConfig {
  const d = DEFAULT_CONFIG;
  const pay = raw.pay as Partial<PayConfig> | undefined;
  return {
    timezone: raw.timezone ?? d.timezone,
    kpi: { ...d.kpi, ...raw.kpi, targets: { ...d.kpi.targets, ...raw.kpi?.targets } },
    queues: raw.queues ?? d.queues,
    pay: {
      full_time_hours_week: pay?.full_time_hours_week ?? d.pay.full_time_hours_week,
      rules: (pay?.rules ?? d.pay.rules).map((r) => ({ ...DEFAULT_PAY_RULE, ...r })),
    },
    roster: rosterSettings(raw.roster),
    training: trainingSettings(raw.training),
    users: { ...d.users, ...raw.users },
    staffing: { ...d.staffing, ...raw.staffing },
    ingest: { ...d.ingest, ...raw.ingest },
  };
}

/** Validates a parsed config object; `file` names it in error messages. */
export function parseConfig(value: unknown, file = 'config'): KezekConfig {
  if (!validate(value)) throw new ConfigError(describeError(file, validate.errors![0]));
  const raw = value as Partial<KezekConfig>;
  if (raw.timezone !== undefined && !isValidTimeZone(raw.timezone)) {
    throw new ConfigError(`${file}: /timezone "${raw.timezone}" is not a known IANA time zone`);
  }
  return withDefaults(raw);
}

export const DEFAULT_CONFIG_FILE = 'kezek.config.json';

/**
 * Loads the config: `path` when given (it must exist), else `KEZEK_CONFIG`, else
 * `./kezek.config.json` when present, else the defaults.
 */
export function loadConfig(path?: string): KezekConfig {
  const explicit = path ?? process.env.KEZEK_CONFIG;
  const file = explicit ?? (existsSync(DEFAULT_CONFIG_FILE) ? DEFAULT_CONFIG_FILE : undefined);
  if (!file) return withDefaults({});
  let text: string;
  try {
    text = readFileSync(resolve(file), 'utf8');
  } catch {
    throw new ConfigError(`${file}: cannot read the config file`);
  }
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (err) {
    throw new ConfigError(`${file}: not valid JSON (${(err as Error).message})`);
  }
  return parseConfig(value, file);
}

/** Where the data lives: the embedded database directory or a ClickHouse server. */
export type DatabaseTarget =
  | { kind: 'embedded'; path: string }
  | { kind: 'server'; url: string; username?: string; password?: string; database: string };

/**
 * Resolves the database from command options, then the environment (`KEZEK_CLICKHOUSE_URL`,
 * `_USER`, `_PASSWORD`, `_DATABASE`; `KEZEK_DB`), then the default `./data`.
 */
export function databaseTarget(options: { db?: string; clickhouse?: string } = {}): DatabaseTarget {
  const env = process.env;
  const url = options.clickhouse ?? (options.db ? undefined : env.KEZEK_CLICKHOUSE_URL);
  if (url) {
    return {
      kind: 'server',
      url,
      username: env.KEZEK_CLICKHOUSE_USER,
      password: env.KEZEK_CLICKHOUSE_PASSWORD,
      database: env.KEZEK_CLICKHOUSE_DATABASE ?? 'default',
    };
  }
  return { kind: 'embedded', path: resolve(options.db ?? env.KEZEK_DB ?? 'data') };
}

/**
 * Hands the CLI's choices to the dashboards in the same process (`kezek serve`): they read the
 * database and config through `databaseTarget()` and `serverSettings()` like a plain `node build`.
 */
export function publishServeEnvironment(target: DatabaseTarget, configFile: string | undefined): void {
  if (target.kind === 'embedded') {
    process.env.KEZEK_DB = target.path;
    delete process.env.KEZEK_CLICKHOUSE_URL;
  } else {
    process.env.KEZEK_CLICKHOUSE_URL = target.url;
  }
  if (configFile) process.env.KEZEK_CONFIG = resolve(configFile);
  // POST /api/ingest/* streams bodies of any size (adapter-node's default limit is 512 KiB).
  process.env.BODY_SIZE_LIMIT ??= 'Infinity';
  // adapter-node takes every request for HTTPS unless a header names the protocol; serve sets
  // X-Forwarded-Proto to http on requests no proxy marked (see serve.ts), so the origin is
  // right for the CSRF checks and the session cookie is Secure exactly behind HTTPS.
  process.env.PROTOCOL_HEADER ??= 'x-forwarded-proto';
}

/** Settings of `kezek serve` and the dashboards process. */
export function serverSettings() {
  const env = process.env;
  return {
    host: env.HOST ?? '127.0.0.1',
    port: Number(env.PORT ?? 3000),
    configFile: env.KEZEK_CONFIG,
  };
}

/** The token `kezek ingest --server` sends when --token is not given (`KEZEK_INGEST_TOKEN`). */
export function ingestTokenFromEnv(): string | undefined {
  return process.env.KEZEK_INGEST_TOKEN || undefined;
}

/** `KEZEK_DEBUG=1` prints stack traces of failures. */
export function debugEnabled(): boolean {
  return Boolean(process.env.KEZEK_DEBUG);
}
