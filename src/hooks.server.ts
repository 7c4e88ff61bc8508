import type { Handle, HandleServerError } from '@sveltejs/kit';
import { DEFAULT_LANG, isLang, LANG_COOKIE } from '$ui/i18n/messages.ts';
import { auditRequest, isExport } from '$server/auth/audit.ts';
import { gate, withSecurityHeaders } from '$server/auth/guard.ts';

/**
 * Every request: the UI language, then the security gate (CSRF, sign-in, the access policy of
 * src/server/auth/policy.ts, a supervisor's sites), then the route, then security headers.
 */
export const handle: Handle = async ({ event, resolve }) => {
  const cookie = event.cookies.get(LANG_COOKIE);
  event.locals.lang = isLang(cookie) ? cookie : DEFAULT_LANG;
  event.locals.user = null;
  event.locals.allowedSites = null;
  const verdict = await gate(event);
  if (!verdict.pass) return withSecurityHeaders(verdict.response, false);
  event.locals.user = verdict.user;
  event.locals.allowedSites = verdict.allowedSites;
  const response = await resolve(event, {
    transformPageChunk: ({ html }) => html.replace('%lang%', event.locals.lang),
  });
  if (isExport(response)) await auditRequest(event, 'export', event.url.pathname, event.url.search.slice(0, 1000));
  return withSecurityHeaders(response, verdict.user !== null);
};

/** The real error goes to the server log with the route; the user sees a plain message. */
export const handleError: HandleServerError = ({ error, event }) => {
  console.error(`[${event.route.id ?? event.url.pathname}]`, error instanceof Error ? error.message : error);
  return { message: 'The server could not complete this request.' };
};
