/**
 * Browser-test harness (issue 2 and 4): once per test file, a temp database with a few days of
 * demo history ending yesterday in Asia/Almaty, `kezek kpi --json` answers computed BEFORE the
 * server opens the database (one process binds one data directory), an admin user signed in, a
 * `kezek serve` child on a free port, and Debian's chromium driven by playwright-core.
 */
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type Browser, type Page } from 'playwright-core';
import { REPO_ROOT, runKezek, startKezekServer } from '../support/kezek-process.ts';
import type { KpiRow } from '../../src/domain/kpi/kpi-row.ts';

export { REPO_ROOT };

export const SCREENSHOTS = join(REPO_ROOT, 'test-results/screenshots');
export const TIMEZONE = 'Asia/Almaty';
/**
 * The bearer token the test server accepts on POST /api/ingest/* (every kind): created with
 * `kezek tokens create` before the server starts (issue 8), so it is set once startDemoServer ran.
 */
export let INGEST_TOKEN = '';
/** The admin the browser signs in as (issue 8: every page needs a signed-in user). */
export const BROWSER_USER = { username: 'browser-admin', password: 'browser-admin-password' };

/** A local date in Asia/Almaty, `days` from today. */
export function almatyDate(days = 0, nowMs = Date.now()): string {
  const today = new Intl.DateTimeFormat('en-CA', {
    timeZone: TIMEZONE,
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
  }).format(nowMs);
  const [y, m, d] = today.split('-').map(Number);
  return new Date(Date.UTC(y, m - 1, d + days)).toISOString().slice(0, 10);
}

/** `node bin/kezek.js ARGS…`; rejects unless it exits 0. */
export function kezek(args: string[], timeoutMs = 240_000, input = ''): Promise<string> {
  return runKezek(args, { timeoutMs, input });
}

export interface KpiJson {
  from: string;
  to: string;
  timezone: string;
  rows: KpiRow[];
}

export interface DemoServer {
  url: string;
  db: string;
  /** The last demo day (yesterday in Almaty). */
  end: string;
  browser: Browser;
  /** `kezek kpi --json` answers computed before the server started, keyed by their arguments. */
  kpi: Map<string, KpiJson>;
  newPage(): Promise<Page>;
  /** GET /api/kpi on the running server (the same JSON as `kezek kpi --json`). */
  apiKpi(query: Record<string, string>): Promise<KpiJson>;
  close(): Promise<void>;
}

export interface DemoOptions {
  days: number;
  /** `kezek kpi` argument lists (without --db/--json) to answer before the server starts, given the last demo day. */
  kpiQueries?: (end: string) => string[][];
}

/** The date `days` after `isoDate`. */
export function shiftDate(isoDate: string, days: number): string {
  const [y, m, d] = isoDate.split('-').map(Number);
  return new Date(Date.UTC(y, m - 1, d + days)).toISOString().slice(0, 10);
}

export async function startDemoServer(options: DemoOptions): Promise<DemoServer> {
  const dir = mkdtempSync(join(tmpdir(), 'kezek-browser-'));
  const db = join(dir, 'data');
  const end = almatyDate(-1);
  await kezek(['demo', '--days', String(options.days), '--end', end, '--db', db]);
  const kpi = new Map<string, KpiJson>();
  for (const q of options.kpiQueries?.(end) ?? []) {
    kpi.set(q.join(' '), JSON.parse(await kezek(['kpi', ...q, '--db', db, '--json'])) as KpiJson);
  }
  // Sign-in (issue 8): an admin and an ingest token, made before the server opens the database.
  await kezek(
    ['users', 'add', BROWSER_USER.username, '--role', 'admin', '--db', db],
    60_000,
    `${BROWSER_USER.password}\n`,
  );
  INGEST_TOKEN = (
    JSON.parse(
      await kezek(['tokens', 'create', '--kinds', 'calls,ratings,agent-events,agents,queue-log', '--json', '--db', db]),
    ) as { token: string }
  ).token;
  const { child, url } = await startKezekServer(db);
  const signIn = await fetch(`${url}/api/session`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', origin: url },
    body: JSON.stringify(BROWSER_USER),
  });
  const session = /kezek_session=([^;]+)/.exec(signIn.headers.get('set-cookie') ?? '')?.[1];
  if (!session) throw new Error(`sign-in failed: ${signIn.status} ${await signIn.text()}`);
  const browser = await chromium.launch({
    executablePath: '/usr/bin/chromium',
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--no-first-run',
    ],
  });
  mkdirSync(SCREENSHOTS, { recursive: true });
  return {
    url,
    db,
    end,
    browser,
    kpi,
    async newPage() {
      const context = await browser.newContext({
        viewport: { width: 1366, height: 768 },
        timezoneId: 'UTC',
        locale: 'en-US',
      });
      // English UI: the language cookie of the layout's switch.
      await context.addCookies([
        { name: 'kezek_lang', value: 'en', url },
        { name: 'kezek_session', value: session, url },
      ]);
      return context.newPage();
    },
    async apiKpi(query) {
      const res = await fetch(`${url}/api/kpi?${new URLSearchParams(query)}`, {
        headers: { cookie: `kezek_session=${session}` },
      });
      if (!res.ok) throw new Error(`GET /api/kpi: ${res.status} ${await res.text()}`);
      return (await res.json()) as KpiJson;
    },
    async close() {
      await browser.close().catch(() => undefined);
      const exited = new Promise((r) => child.once('exit', r));
      child.kill('SIGTERM');
      await Promise.race([exited, new Promise((r) => setTimeout(r, 10_000))]);
      if (child.exitCode === null) child.kill('SIGKILL');
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

/** A screenshot at the page's 1366×768 viewport, kept under test-results/screenshots/. */
/** Opens a page and waits until it is hydrated (interactive): the root layout marks <html>. */
export async function open(page: Page, url: string): Promise<void> {
  await page.goto(url);
  await page.waitForSelector('html[data-hydrated]', { state: 'attached' });
}

export async function screenshot(page: Page, name: string): Promise<void> {
  await page.screenshot({ path: join(SCREENSHOTS, `${name}.png`), fullPage: false });
}
