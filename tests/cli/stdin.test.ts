/**
 * Standard input is the caller's, never the data of an insert. QA: the embedded engine took what
 * waited on a piped stdin for the data of every insert and refused them all ("both inlined and
 * external data"), so `echo x | kezek ingest FILE` and a `while read f; do kezek ingest "$f"; done
 * < list` stored nothing (exit 1); and once the engine no longer read it, `kezek ingest /dev/stdin`
 * read nothing. Here each command runs as a child whose stdin holds data.
 */
import { spawn } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { KEZEK_BIN, REPO_ROOT, Workspace } from '../kpi/harness.ts';

const ws = new Workspace('cli-stdin');

/** `kezek ARGS…` (or `command`, given ARGS after its own) with `input` written to its standard input. */
function withInput(
  args: string[],
  input: string,
  [program, ...before]: string[] = [process.execPath, KEZEK_BIN],
): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(program, [...before, ...args], { cwd: REPO_ROOT });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d) => (stdout += d));
    child.stderr.on('data', (d) => (stderr += d));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, stdout, stderr }));
    child.stdin.end(input);
  });
}

describe('a command whose standard input is a pipe holding data', () => {
  it('ingests its file, and the lines on stdin are left alone', async () => {
    // One abandoned visit: ENTERQUEUE, then ABANDON after 10 s (2 lines).
    const file = ws.file(
      '1795755600|1795755600.1|1414-ru|NONE|ENTERQUEUE||77011234567|1\n' +
        '1795755610|1795755600.1|1414-ru|NONE|ABANDON|1|1|10\n',
      'queue_log',
    );
    const r = await withInput(
      ['ingest', file, '--format', 'asterisk-queue-log', '--db', ws.db, '--json'],
      'queue_log.1\nqueue_log.2\n',
    );
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    expect(JSON.parse(r.stdout)).toMatchObject({ read: 2, accepted: 2, rejected: 0 });
  });

  it('ingests standard input itself when it is the file named: cat F | kezek ingest /dev/stdin', async () => {
    // Two more lines of the same call's queue: a second visit, entered 60 s after the first ended.
    const more = ws.file(
      '1795755670|1795755600.1|1414-ru|NONE|ENTERQUEUE||77011234567|1\n' +
        '1795755700|1795755600.1|1414-ru|NONE|ABANDON|1|1|30\n',
      'queue_log.more',
    );
    // Through a shell: a pipe (Node gives a child's stdin as a socket, which cannot be reopened).
    const ingest = [process.execPath, KEZEK_BIN, 'ingest', '/dev/stdin', '--format', 'asterisk-queue-log'];
    const r = await withInput(['--db', ws.db, '--json'], '', ['sh', '-c', `cat "$0" | "$@"`, more, ...ingest]);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    expect(JSON.parse(r.stdout)).toMatchObject({ read: 2, accepted: 2, rejected: 0 });
  });

  it('users add takes the first line as the password and ignores the rest', async () => {
    const r = await withInput(
      ['users', 'add', 'ann', '--role', 'hr', '--db', ws.db],
      'a-password-of-1414\nsecond line\n',
    );
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('ann: hr');
  });
});
