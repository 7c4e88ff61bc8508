import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { UsageError } from '../args.ts';
import type { CliIO } from '../io.ts';
import { command } from './erlang.ts';

async function run(...argv: string[]) {
  let stdout = '';
  let stderr = '';
  const io: CliIO = { stdout: (t) => void (stdout += t), stderr: (t) => void (stderr += t), isTTY: false };
  await command.run(argv, io);
  return { stdout, stderr, json: () => JSON.parse(stdout) };
}

const cch = ['--calls', '100', '--aht', '180'];

describe('kezek erlang --json (DESIGN §7)', () => {
  it('solves the CCH example: 80/20 → 14 agents, 20 scheduled at 30 % shrinkage (pyworkforce docs)', async () => {
    const out = (await run(...cch, '--sl', '0.8', '--answer-within', '20', '--shrinkage', '0.3', '--json')).json();
    expect(Object.keys(out)).toEqual([
      'model',
      'traffic_erlangs',
      'agents',
      'scheduled_agents',
      'service_level',
      'p_wait',
      'asa_s',
      'occupancy',
      'p_abandon',
    ]);
    expect(out).toMatchObject({
      model: 'erlang-c',
      traffic_erlangs: 10,
      agents: 14,
      scheduled_agents: 20,
      p_abandon: null,
    });
    expect(out.service_level).toBeCloseTo(0.8883500191794669, 14);
    expect(out.p_wait).toBeCloseTo(0.1741319335950498, 14);
    expect(out.asa_s).toBeCloseTo(7.836, 3);
    expect(out.occupancy).toBeCloseTo(0.7142857142857143, 15);
  });
  it('defaults --interval to 1800 and --answer-within to the config (20 s)', async () => {
    const a = (await run(...cch, '--sl', '0.8', '--json')).json();
    const b = (await run(...cch, '--sl', '0.8', '--interval', '1800', '--answer-within', '20', '--json')).json();
    expect(a).toEqual(b);
    const dir = mkdtempSync(join(tmpdir(), 'kezek-erlang-'));
    const config = join(dir, 'kezek.config.json');
    writeFileSync(config, JSON.stringify({ kpi: { sl_answer_within_s: 60 } }));
    const c = (await run(...cch, '--sl', '0.8', '--config', config, '--json')).json();
    expect(c.service_level).toBeGreaterThan(a.service_level); // 80/60 is looser than 80/20
  });
  it('applies the exact occupancy cap and ceilings: cap 0.7 → 15 raw, 22 scheduled (pyworkforce test)', async () => {
    const out = (await run(...cch, '--sl', '0.8', '--max-occupancy', '0.7', '--shrinkage', '0.3', '--json')).json();
    expect(out).toMatchObject({ agents: 15, scheduled_agents: 22 });
    const exact = (await run('--calls', '105', '--aht', '180', '--max-occupancy', '0.7', '--json')).json();
    expect(exact.agents).toBe(15); // A = 10.5, 10.5 / 0.7 = 15 exactly
  });
  it('evaluates a given team with --agents: 21 agents at 30 % → 30 scheduled', async () => {
    const out = (await run(...cch, '--agents', '21', '--shrinkage', '0.3', '--json')).json();
    expect(out).toMatchObject({ agents: 21, scheduled_agents: 30, model: 'erlang-c' });
    const unstable = (await run(...cch, '--agents', '9', '--json')).json();
    expect(unstable).toMatchObject({ agents: 9, service_level: 0, p_wait: 1, asa_s: null });
  });
  it('uses Erlang A with --patience (pyworkforce ErlangA test: N = 14, patience 5 min)', async () => {
    const out = (await run(...cch, '--patience', '300', '--agents', '14', '--json')).json();
    expect(out.model).toBe('erlang-a');
    expect(out.p_wait).toBeCloseTo(0.14526, 5);
    expect(out.p_abandon).toBeCloseTo(0.013984, 6);
    expect(out.service_level).toBeCloseTo(0.916792, 6);
    const capped = (await run(...cch, '--patience', '30', '--max-abandon', '0.3', '--json')).json();
    expect(capped.agents).toBe(8); // below the 10 Erlangs of traffic
  });
  it('needs 0 agents for 0 calls and accepts decimal calls', async () => {
    expect(
      (await run('--calls', '0', '--aht', '180', '--sl', '0.8', '--shrinkage', '0.3', '--json')).json(),
    ).toMatchObject({
      agents: 0,
      scheduled_agents: 0,
      service_level: null,
    });
    expect((await run('--calls', '0.1', '--aht', '180', '--json')).json().agents).toBe(1);
    expect((await run('--calls', '100', '--aht', '180', '--answer-within', '15', '--json')).json().agents).toBe(11);
  });
});

describe('kezek erlang: human output and bad usage', () => {
  it('prints a summary naming the binding constraint', async () => {
    const { stdout } = await run(...cch, '--sl', '0.8', '--max-occupancy', '0.7', '--shrinkage', '0.3');
    expect(stdout).toContain('Erlang C');
    expect(stdout).toMatch(/Agents: 15; scheduled 22/);
    expect(stdout).toMatch(/Binding: occupancy ≤ 70\.0 %/);
  });
  it.each([
    [['--aht', '180'], /--calls/],
    [['--calls', '100'], /--aht/],
    [[...cch, '--sl', '1'], /--sl/],
    [[...cch, '--sl', '-0.1'], /--sl/],
    [[...cch, '--sl', 'abc'], /--sl/],
    [['--calls', '-5', '--aht', '180'], /--calls/],
    [[...cch, '--interval', '0'], /--interval/],
    [[...cch, '--max-occupancy', '1.2'], /--max-occupancy/],
    [[...cch, '--shrinkage', '1'], /--shrinkage/],
    [[...cch, '--patience', '-1'], /--patience/],
    [[...cch, '--max-abandon', '0.05'], /--max-abandon/],
    [[...cch, '--patience', '60', '--max-abandon', '0'], /--max-abandon/],
    [[...cch, '--agents', '2.5'], /--agents/],
    [[...cch, '--asa', '0'], /--asa/],
    [[...cch, '--answer-within', '-1'], /--answer-within/],
    [[...cch, '--bogus', '1'], /bogus/],
  ])('rejects %j with a UsageError naming the option', async (argv, pattern) => {
    const err = await run(...argv).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(UsageError);
    expect((err as Error).message).toMatch(pattern);
    expect((err as Error).message).not.toContain('\n');
  });
});
