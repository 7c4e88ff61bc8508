/**
 * Runs kezek as a separate process, as a user would: one command, or `kezek serve` on a port
 * chosen by the system (tests that need a server or a second database use these).
 */
import { execFile, spawn, type ChildProcess } from 'node:child_process';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

export const REPO_ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
export const KEZEK = join(REPO_ROOT, 'bin/kezek.js');

/** `node bin/kezek.js ARGS…` with standard input; rejects unless it exits 0. */
export function runKezek(args: string[], options: { input?: string; timeoutMs?: number } = {}): Promise<string> {
  return new Promise((done, fail) => {
    const child = execFile(
      process.execPath,
      [KEZEK, ...args],
      { cwd: REPO_ROOT, encoding: 'utf8', timeout: options.timeoutMs ?? 240_000, maxBuffer: 256 << 20 },
      (err, stdout, stderr) =>
        err ? fail(new Error(`kezek ${args.join(' ')}: ${stderr || err.message}`)) : done(stdout),
    );
    child.stdin?.end(options.input ?? '');
  });
}

/** Starts `kezek serve --port 0 --db DB …` and resolves with the URL it prints. */
export function startKezekServer(db: string, extraArgs: string[] = []): Promise<{ child: ChildProcess; url: string }> {
  const child = spawn(process.execPath, [KEZEK, 'serve', '--port', '0', '--db', db, ...extraArgs], {
    cwd: REPO_ROOT,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  return new Promise((done, fail) => {
    let out = '';
    let err = '';
    const timer = setTimeout(() => fail(new Error(`kezek serve printed no URL in 60 s: ${err}`)), 60_000);
    child.stdout?.on('data', (chunk: Buffer) => {
      out += chunk.toString();
      const m = /kezek serves (http:\/\/\S+)/.exec(out);
      if (m) {
        clearTimeout(timer);
        done({ child, url: m[1] });
      }
    });
    child.stderr?.on('data', (chunk: Buffer) => void (err += chunk.toString()));
    child.once('exit', (code) => {
      clearTimeout(timer);
      fail(new Error(`kezek serve exited ${code}: ${err}`));
    });
  });
}
