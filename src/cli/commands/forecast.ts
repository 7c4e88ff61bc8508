/**
 * `kezek forecast`: offered calls and AHT per interval and skill, learned from the history, with
 * its back-test (WAPE and bias per day and per interval) and the patience estimate.
 */
import { parseCommandArgs } from '../args.ts';
import type { Command } from '../command.ts';
import { openContext } from '../context.ts';
import { printJson } from '../io.ts';
import { loadConfig } from '../../server/config.ts';
import { forecastJson, forecastRange, FORECAST_METHOD, PATIENCE_METHOD } from '../../server/planning.ts';
import { planningRequest } from '../../server/planning-request.ts';
import type { ErrorPair } from '../../domain/forecast/accuracy.ts';

const USAGE = `usage: kezek forecast --from YYYY-MM-DD --to YYYY-MM-DD [--interval 15|30|60] [--json]
Forecasts offered calls and AHT per interval and skill (language) for local dates from..to,
learned from the staffing.history_weeks before --from, and back-tests the model on the last
staffing.backtest_weeks of that history. --json prints {…, backtest, accuracy, intervals:[{interval_start,
skill, calls, aht_s, actual_calls}]}; actual_calls is null where the date has not happened yet.`;

export const pct = (v: number | null) => (v === null ? '–' : `${(100 * v).toFixed(1)} %`);
export const errorText = (e: ErrorPair) =>
  `WAPE ${pct(e.wape)}, bias ${e.bias === null ? '–' : `${e.bias >= 0 ? '+' : ''}${(100 * e.bias).toFixed(1)} %`}`;

export const command: Command = {
  name: 'forecast',
  summary: 'call volume and AHT forecast per interval and skill, with its back-test',
  usage: USAGE,
  async run(argv, io) {
    const { values } = parseCommandArgs(argv, {
      from: { type: 'string' },
      to: { type: 'string' },
      interval: { type: 'string' },
    });
    if (values.help) return void io.stdout(`${USAGE}\n`);
    const request = planningRequest(values, loadConfig(values.config));
    const ctx = await openContext(values, { existing: true });
    const result = await forecastRange(ctx, request);
    if (values.json) return printJson(io, forecastJson(result));
    const lines = [
      `Forecast ${result.from} … ${result.to} (${result.timezone}), ${result.intervalMinutes}-minute intervals`,
      `Method: ${FORECAST_METHOD}`,
    ];
    lines.push(`History learned from: ${result.history.from} … ${result.history.to} (${result.history.days} days)`);
    lines.push(`Forecast for ${result.from} … ${result.to}:`);
    for (const s of result.skills) {
      const total = result.intervals.filter((x) => x.skill === s.skill).reduce((acc, x) => acc + x.calls, 0);
      const patience =
        s.patience.patienceSeconds === null
          ? 'unknown (too few abandonments)'
          : `${s.patience.patienceSeconds.toFixed(0)} s`;
      lines.push(
        `  ${s.skill}: ${Math.round(total).toLocaleString('en')} calls forecast, AHT ${s.model.overallAhtSeconds.toFixed(0)} s, patience ${patience}`,
      );
    }
    const bt = result.backtest;
    if (bt) {
      lines.push(
        `Back-test ${bt.from} … ${bt.to}: per day ${errorText(bt.total.day)}; per interval ${errorText(bt.total.interval)}`,
      );
      for (const s of bt.skills)
        lines.push(
          `  ${s.skill}: per day ${errorText(s.day)}; per interval ${errorText(s.interval)}; AHT ${errorText(s.aht)}`,
        );
    } else lines.push('Back-test: not enough history (needs a week before the held-out weeks)');
    if (result.accuracy)
      lines.push(
        `Against actual calls in the range: per day ${errorText(result.accuracy.total.day)}; per interval ${errorText(result.accuracy.total.interval)}`,
      );
    lines.push(`Patience: ${PATIENCE_METHOD}`);
    io.stdout(`${lines.join('\n')}\n`);
  },
};
