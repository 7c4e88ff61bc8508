/**
 * The one gate every request passes (called by hooks.server.ts): CSRF, who is signed in, the
 * access policy, the site limit of a supervisor, and the security headers of the answer.
 */
import type { Cookies } from '@sveltejs/kit';
import { serverContext } from '../context.ts';
import { csrfRefusal } from './csrf.ts';
import { accessRule, allowedSitesOf, decide, homeOf, isApiPath, refusedSite, type Principal } from './policy.ts';
import { sessionPrincipal } from './session-store.ts';
import { DEFAULT_LANG, isLang, LANG_COOKIE, translator, type Lang } from '../../ui/i18n/messages.ts';

export const SESSION_COOKIE = 'kezek_session';

/** The part of SvelteKit's RequestEvent the gate reads. */
export interface GateEvent {
  request: Request;
  url: URL;
  cookies: Cookies;
}

export type GateResult =
  { pass: true; user: Principal | null; allowedSites: string[] | null } | { pass: false; response: Response };

/** True when the request reached us over HTTPS (directly or, per the proxy, x-forwarded-proto). */
export function isHttps(event: GateEvent): boolean {
  return (
    event.url.protocol === 'https:' || event.request.headers.get('x-forwarded-proto')?.split(',')[0].trim() === 'https'
  );
}

/** The session cookie's options: HttpOnly, SameSite=Lax, Secure behind HTTPS. */
export function sessionCookieOptions(event: GateEvent, expiresMs?: number) {
  return {
    path: '/',
    httpOnly: true,
    sameSite: 'lax' as const,
    secure: isHttps(event),
    ...(expiresMs ? { expires: new Date(expiresMs) } : {}),
  };
}

/** The signed-in user of the request's session cookie, or null. */
export async function currentUser(event: GateEvent): Promise<Principal | null> {
  const id = event.cookies.get(SESSION_COOKIE);
  if (!id) return null;
  return sessionPrincipal((await serverContext()).client, id);
}

/**
 * The refusal: JSON {error} for the API; for a page, a short page in the UI's language (QA: it was
 * English whatever the language), with the message (`shown` instead of it where translated).
 */
function refuse(
  status: 401 | 403,
  message: string,
  api: boolean,
  lang: Lang = DEFAULT_LANG,
  shown: string = message,
): Response {
  if (api)
    return Response.json(
      { error: message },
      { status, headers: status === 401 ? { 'www-authenticate': 'Cookie realm="kezek"' } : {} },
    );
  const t = translator(lang);
  const title = t(status === 401 ? 'refused_401' : 'refused_403');
  const html = `<!doctype html><html lang="${lang}"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width"><title>kezek · ${title}</title></head><body><h1>${status} — ${title}</h1><p>${escapeHtml(shown)}</p><p><a href="/">kezek</a> · <a href="/login">${t('refused_other_user')}</a></p></body></html>`;
  return new Response(html, { status, headers: { 'content-type': 'text/html; charset=utf-8' } });
}

const langOf = (event: GateEvent): Lang => {
  const cookie = event.cookies.get(LANG_COOKIE);
  return isLang(cookie) ? cookie : DEFAULT_LANG;
};

function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

/** A path on this site to go back to after signing in; anything else becomes `/`. */
export function safeNext(raw: string | null): string {
  if (!raw || !raw.startsWith('/') || raw.startsWith('//') || raw.includes('\\') || /[\p{Cc}]/u.test(raw)) return '/';
  return raw.slice(0, 2000);
}

/**
 * A redirect to `location`: 303 for a page, and for a client-side navigation (it asks for
 * `__data.json`) the answer SvelteKit's client follows.
 */
function redirect(url: URL, location: string): Response {
  if (url.pathname.endsWith('/__data.json')) return Response.json({ type: 'redirect', location });
  return new Response(null, { status: 303, headers: { location } });
}

/** Decides whether the request goes on to its route. */
export async function gate(event: GateEvent): Promise<GateResult> {
  const { url, request } = event;
  const api = isApiPath(url.pathname);
  const csrf = csrfRefusal(request.method, url, request.headers);
  if (csrf) return { pass: false, response: refuse(403, csrf, api) };

  const rule = accessRule(url.pathname);
  // Ingest routes are authorized by their token (authorizeIngest); a cookie means nothing there.
  if (rule.access === 'ingest') return { pass: true, user: null, allowedSites: null };
  const user = await currentUser(event);
  const decision = decide(rule, user);
  if (decision === 'sign-in') {
    if (!api && (request.method === 'GET' || request.method === 'HEAD')) {
      const page = url.pathname.replace(/\/__data\.json$/, '') || '/';
      return { pass: false, response: redirect(url, `/login?next=${encodeURIComponent(page + url.search)}`) };
    }
    return {
      pass: false,
      response: refuse(401, 'sign in first', api, langOf(event), translator(langOf(event))('refused_sign_in')),
    };
  }
  // The home page of a role that may not open `/` (hr) or sees part of it (a site-limited
  // supervisor) is its own: signing in without a `next` lands there.
  if (user && (url.pathname === '/' || url.pathname === '/__data.json') && homeOf(user) !== '/') {
    return { pass: false, response: redirect(url, homeOf(user)) };
  }
  if (decision === 'forbidden') {
    const lang = langOf(event);
    const role = translator(lang)(`role_${user!.role}`);
    const shown = translator(lang)('refused_role').replace('{role}', role).replace('{path}', url.pathname);
    return {
      pass: false,
      response: refuse(403, `the ${user!.role} role cannot open ${url.pathname}`, api, lang, shown),
    };
  }

  let allowedSites: string[] | null = null;
  if (rule.access === 'roles' && rule.siteScoped) {
    allowedSites = allowedSitesOf(user);
    const refused = refusedSite(url.searchParams.getAll('site'), allowedSites);
    if (refused !== null)
      return { pass: false, response: refuse(403, `the site ${refused.slice(0, 100)} is not among yours`, api) };
  }
  return { pass: true, user, allowedSites };
}

/** Headers every answer carries; a Content-Security-Policy for answers SvelteKit gave none (non-HTML). */
export function withSecurityHeaders(response: Response, signedIn: boolean): Response {
  let r = response;
  const set = (name: string, value: string, onlyIfMissing = false) => {
    if (onlyIfMissing && r.headers.has(name)) return;
    try {
      r.headers.set(name, value);
    } catch {
      // Immutable headers (e.g. Response.redirect): copy the answer once, then set.
      r = new Response(r.body, { status: r.status, statusText: r.statusText, headers: new Headers(r.headers) });
      r.headers.set(name, value);
    }
  };
  set('x-content-type-options', 'nosniff');
  set('referrer-policy', 'same-origin');
  set('x-frame-options', 'DENY');
  set(
    'content-security-policy',
    "default-src 'none'; frame-ancestors 'none'; base-uri 'none'; form-action 'none'",
    true,
  );
  if (signedIn) set('cache-control', 'private, no-store', true);
  return r;
}
