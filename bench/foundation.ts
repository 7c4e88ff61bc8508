/**
 * Issue 2's benchmarks: kezek-ndjson ingest rate into the embedded database (goal ≥ 200,000
 * rows/s), `kezek demo --days 365` (goal < 3 min), `kezek kpi --by day` over that year (goal
 * < 500 ms, median of 5 after a warm-up).
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { createDemo } from '../src/domain/demo/demo.ts';
import { isPublicHoliday } from '../src/domain/calendar/kz-calendar.ts';
import { localDateOf, nextDate } from '../src/domain/time/local-dates.ts';
import { kezek, median, report, tempDir } from './_util.ts';

const DAYS_FOR_INGEST = Number(process.env.BENCH_INGEST_DAYS ?? 10);
const DEMO_DAYS = Number(process.env.BENCH_DEMO_DAYS ?? 365);

function ingestRate(): void {
  const dir = tempDir('ingest');
  const demo = createDemo({ seed: 7, timezone: 'Asia/Almaty', isHoliday: isPublicHoliday, hashCaller: (c) => c });
  const lines: string[] = [];
  for (let i = 0; i < DAYS_FOR_INGEST; i++) {
    for (const c of demo.generateDay(nextDate('2026-10-01', i)).calls) {
      lines.push(
        JSON.stringify({
          call_id: c.callId,
          queue: c.queue,
          channel: c.channel,
          language: c.language,
          site: c.site,
          caller: c.callerHash,
          entered_at: c.enteredAtMs / 1000,
          answered_at: c.answeredAtMs === null ? null : c.answeredAtMs / 1000,
          ended_at: c.endedAtMs / 1000,
          agent_id: c.agentId,
          talk_s: c.talkSeconds,
          hold_s: c.holdSeconds,
          wrap_s: c.wrapSeconds,
          transferred: c.transferred,
          callback: c.callback,
          self_service: c.selfService,
          topic: c.topic,
        }),
      );
    }
  }
  const file = join(dir, 'calls.ndjson');
  writeFileSync(file, `${lines.join('\n')}\n`);
  kezek(['migrate', '--db', join(dir, 'data')]);
  const { stdout, seconds } = kezek([
    'ingest',
    file,
    '--format',
    'kezek-ndjson',
    '--kind',
    'calls',
    '--db',
    join(dir, 'data'),
    '--json',
  ]);
  const summary = JSON.parse(stdout) as { accepted: number };
  console.log(
    `ingested ${summary.accepted.toLocaleString('en')} calls from a ${(lines.join('\n').length / 1e6).toFixed(0)} MB file in ${seconds.toFixed(2)} s (process start included)`,
  );
  report('kezek-ndjson ingest rate', summary.accepted / seconds, 'rows/s', 200_000, true);
}

function demoAndKpi(): void {
  const dir = tempDir('demo');
  const db = join(dir, 'data');
  const end = nextDate(localDateOf(Date.now(), 'Asia/Almaty'), -1);
  const { stdout, seconds } = kezek(['demo', '--days', String(DEMO_DAYS), '--end', end, '--db', db, '--json']);
  const demo = JSON.parse(stdout) as { accepted: number };
  console.log(`demo --days ${DEMO_DAYS}: ${demo.accepted.toLocaleString('en')} events`);
  report(`kezek demo --days ${DEMO_DAYS}`, seconds, 's', 180, false);
  const from = nextDate(end, -(DEMO_DAYS - 1));
  const args = ['kpi', '--from', from, '--to', end, '--by', 'day', '--db', db, '--json'];
  kezek(args);
  // The process start is measured apart so that the figure is the query's.
  const start = median([1, 2, 3].map(() => kezek(['migrate', '--db', db]).seconds));
  const total = median([1, 2, 3, 4, 5].map(() => kezek(args).seconds));
  console.log(
    `kpi --by day over ${DEMO_DAYS} days: ${total.toFixed(3)} s per process, of which ~${start.toFixed(3)} s is process start`,
  );
  report('kezek kpi --by day, one year (query)', (total - start) * 1000, 'ms', 500, false);
}

ingestRate();
demoAndKpi();
