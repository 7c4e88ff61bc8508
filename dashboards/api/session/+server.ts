import { json, type RequestHandler } from '@sveltejs/kit';
import { serverContext } from '$server/context.ts';
import { auditRequest, clientAddress } from '$server/auth/audit.ts';
import { SESSION_COOKIE, sessionCookieOptions } from '$server/auth/guard.ts';
import { revokeSession } from '$server/auth/session-store.ts';
import { signIn } from '$server/auth/sign-in.ts';

/** POST /api/session {username, password}: 200 and the session cookie; 401 wrong; 429 locked out. */
export const POST: RequestHandler = async (event) => {
  let body: { username?: unknown; password?: unknown } = {};
  try {
    body = (await event.request.json()) as typeof body;
  } catch {
    return json({ error: 'expected a JSON body {"username": "…", "password": "…"}' }, { status: 400 });
  }
  const { client, config } = await serverContext();
  const result = await signIn(client, config.users, {
    username: body?.username,
    password: body?.password,
    address: clientAddress(event),
  });
  if (!result.ok) return json({ error: result.message }, { status: result.status });
  event.cookies.set(SESSION_COOKIE, result.sessionId, sessionCookieOptions(event, result.expiresMs));
  const { username, role, sites } = result.principal;
  return json({ username, role, sites, expires_at: new Date(result.expiresMs).toISOString() });
};

/** DELETE /api/session: signs out (the session is revoked, the cookie cleared). */
export const DELETE: RequestHandler = async (event) => {
  const id = event.cookies.get(SESSION_COOKIE);
  if (id) {
    await revokeSession((await serverContext()).client, id);
    if (event.locals.user) await auditRequest(event, 'logout', event.locals.user.username);
  }
  event.cookies.delete(SESSION_COOKIE, sessionCookieOptions(event));
  return new Response(null, { status: 204 });
};

/** GET /api/session: who is signed in (401 when nobody). */
export const GET: RequestHandler = async ({ locals }) => {
  if (!locals.user) return json({ error: 'not signed in' }, { status: 401 });
  const { username, role, sites } = locals.user;
  return json({ username, role, sites });
};
