/**
 * Measures the demo generator: speed (calls per second) and the KPIs of generated days.
 * Not a test; run by hand: `npx tsx src/domain/demo/measure.ts` (edit FIRST_DATE and DAYS).
 */

import { checkFcr, checkKpis } from '../src/domain/demo/check-kpis.ts';
import { createDemo } from '../src/domain/demo/demo.ts';

const FIRST_DATE = '2025-03-10';
const DAYS = 28;
const holidays = new Set([
  '2025-03-08',
  '2025-03-21',
  '2025-03-24',
  '2025-03-25',
  '2025-05-01',
  '2025-05-07',
  '2025-05-09',
]);
const demo = createDemo({
  seed: 1414,
  timezone: 'Asia/Almaty',
  isHoliday: (d) => holidays.has(d),
  hashCaller: (raw) => `h${raw}`,
});

const DAY_MS = 86_400_000;
const startMs = Date.parse(`${FIRST_DATE}T00:00:00Z`);
const generated = [];
let callCount = 0;
const t0 = performance.now();
for (let d = 0; d < DAYS; d++) {
  const date = new Date(startMs + d * DAY_MS).toISOString().slice(0, 10);
  const day = demo.generateDay(date);
  callCount += day.calls.length;
  generated.push({ date, ...day });
}
const seconds = (performance.now() - t0) / 1000;
console.log(`${callCount} visits in ${seconds.toFixed(2)} s: ${Math.round(callCount / seconds)} visits/s`);

const allCalls = generated.flatMap((d) => d.calls);
const pct = (x: number) => `${(100 * x).toFixed(1)}%`;
for (const day of generated) {
  const from = Date.parse(`${day.date}T00:00:00+05:00`);
  const k = checkKpis(day.calls, day.ratings, from, from + DAY_MS);
  const fcr = checkFcr(allCalls, from, from + DAY_MS);
  console.log(
    `${day.date} visits ${day.calls.length} offered ${k.offered} self ${k.selfService} cb ${k.callbacks} ` +
      `SL ${pct(k.serviceLevel)} lost ${pct(k.lostRate)} ASA ${k.asaSeconds.toFixed(1)} AHT ${k.ahtSeconds.toFixed(0)} ` +
      `FCR ${pct(fcr.fcr)} rating ${k.avgRating.toFixed(2)} CSI ${pct(k.csi)} CDI ${pct(k.cdi)} rated ${pct(k.ratedShare)} ` +
      `events ${day.agentEvents.length}`,
  );
}
