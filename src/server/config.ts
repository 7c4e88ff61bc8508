/**
 * Configuration: the JSON config file (DESIGN §8) and the environment. This module is the only
 * reader of `process.env` in kezek.
 */
import { existsSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { Ajv, type ErrorObject } from 'ajv';
import schema from '../../schemas/config.schema.json' with { type: 'json' };

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

export interface PayRuleConfig {
  from: string;
  daily_norm_calls: number;
  guaranteed_tiyn: number;
  per_call_tiyn: number;
  min_pay_tiyn: number;
  min_hours_ratio: number;
  min_avg_rating: number;
  min_ratings_for_gate: number;
  max_aht_s: number;
  paid_pause_reasons: string[];
}

export interface PayConfig {
  full_time_hours_week: number;
  rules: PayRuleConfig[];
}

export interface KezekConfig {
  timezone: string;
  kpi: KpiSettings;
  queues: Record<string, { language?: string; site?: string }>;
  pay: PayConfig;
  roster: Record<string, unknown>;
  training: Record<string, unknown>;
  users: Record<string, unknown>;
}

export const DEFAULT_PAY_RULE: PayRuleConfig = {
  from: '2026-01-01',
  daily_norm_calls: 60,
  guaranteed_tiyn: 25_000_000,
  per_call_tiyn: 15_000,
  min_pay_tiyn: 8_500_000,
  min_hours_ratio: 1.0,
  min_avg_rating: 4.75,
  min_ratings_for_gate: 10,
  max_aht_s: 300,
  paid_pause_reasons: ['training', 'coaching'],
};

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
  pay: { full_time_hours_week: 40, rules: [DEFAULT_PAY_RULE] },
  roster: {},
  training: {},
  users: {},
};

/** The config file is invalid: the CLI reports it as bad input (exit 2). */
export class ConfigError extends Error {
  override name = 'ConfigError';
}

const validate = new Ajv({ allErrors: false, strict: false }).compile(schema);

function describeError(file: string, err: ErrorObject): string {
  const at = err.instancePath || '(top level)';
  if (err.keyword === 'additionalProperties') {
    const key = (err.params as { additionalProperty: string }).additionalProperty;
    return `${file}: unknown key "${key}" at ${at}`;
  }
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
export function withDefaults(raw: Partial<KezekConfig> & { kpi?: Partial<KpiSettings> }): KezekConfig {
  const d = DEFAULT_CONFIG;
  const pay = raw.pay as Partial<PayConfig> | undefined;
  return {
    timezone: raw.timezone ?? d.timezone,
    kpi: { ...d.kpi, ...raw.kpi, targets: { ...d.kpi.targets, ...raw.kpi?.targets } },
    queues: raw.queues ?? d.queues,
    pay: {
      full_time_hours_week: pay?.full_time_hours_week ?? d.pay.full_time_hours_week,
      rules: pay?.rules?.map((r) => ({ ...DEFAULT_PAY_RULE, ...r })) ?? d.pay.rules,
    },
    roster: raw.roster ?? {},
    training: raw.training ?? {},
    users: raw.users ?? {},
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

/** `KEZEK_DEBUG=1` prints stack traces of failures. */
export function debugEnabled(): boolean {
  return Boolean(process.env.KEZEK_DEBUG);
}
