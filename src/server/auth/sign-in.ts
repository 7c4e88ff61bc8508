/**
 * Signing in: the rate limit (per account and per address), the password check, the session,
 * the audit. The password never reaches a log or the audit; a user name that does not exist is
 * not recorded either (people type passwords into the name field).
 */
import type { ClickHouseClient } from '@clickhouse/client';
import type { UserSettings } from '../config.ts';
import { recentFailures, recordAudit, recordLoginAttempt } from './audit-store.ts';
import type { Principal } from './policy.ts';
import { verifyPassword } from './secrets.ts';
import { createSession } from './session-store.ts';
import { fetchUser } from './user-store.ts';

export type SignInResult =
  | { ok: true; principal: Principal; sessionId: string; expiresMs: number }
  | { ok: false; status: 400 | 401 | 429; message: string };

export interface SignInRequest {
  username: unknown;
  password: unknown;
  address: string;
}

const REFUSED = 'the user name or the password is wrong';

export async function signIn(
  client: ClickHouseClient,
  settings: UserSettings,
  req: SignInRequest,
  nowMs = Date.now(),
): Promise<SignInResult> {
  if (
    typeof req.username !== 'string' ||
    typeof req.password !== 'string' ||
    req.username.length > 200 ||
    req.password.length > 1000
  ) {
    return { ok: false, status: 400, message: 'expected JSON {"username": "…", "password": "…"}' };
  }
  const username = req.username.trim().toLowerCase();
  const windowMs = settings.failure_window_minutes * 60_000;
  const failures = await recentFailures(client, { username, address: req.address }, windowMs, nowMs);
  if (failures.account >= settings.max_failed_logins || failures.address >= settings.max_failed_logins) {
    const user = await fetchUser(client, username);
    await recordAudit(client, {
      actor: user ? username : '',
      action: 'login_locked',
      target: user ? username : '(unknown user)',
      detail: `${failures.account} failures for the account, ${failures.address} from the address`,
      address: req.address,
    });
    return {
      ok: false,
      status: 429,
      message: `too many failed sign-ins: try again in ${settings.failure_window_minutes} minutes`,
    };
  }
  const user = await fetchUser(client, username);
  const usable = user && !user.disabled ? user : null;
  const ok = await verifyPassword(usable?.password_hash ?? null, req.password);
  await recordLoginAttempt(client, { username, address: req.address, ok }, nowMs);
  if (!ok || !usable) {
    await recordAudit(client, {
      actor: '',
      action: 'login_failed',
      target: user ? username : '(unknown user)',
      detail: user?.disabled ? 'the user is disabled' : '',
      address: req.address,
      at_ms: nowMs,
    });
    return { ok: false, status: 401, message: REFUSED };
  }
  const session = await createSession(client, usable.username, settings.session_hours * 3_600_000, nowMs);
  await recordAudit(client, {
    actor: usable.username,
    action: 'login',
    target: usable.username,
    detail: '',
    address: req.address,
    at_ms: nowMs,
  });
  return {
    ok: true,
    principal: { username: usable.username, role: usable.role, sites: usable.sites },
    sessionId: session.id,
    expiresMs: session.expiresMs,
  };
}
