/**
 * Cross-site request forgery (pure). A state-changing request (anything but GET, HEAD, OPTIONS)
 * carrying a browser's Origin must come from this site's origin; one without Origin is refused
 * when the browser's Fetch Metadata says it is cross-site. Clients that are not browsers send
 * neither header and hold no victim's cookie. POST /api/ingest/* is authenticated by a bearer
 * token, never a cookie, so it is exempt. This is the only CSRF check: SvelteKit's, which
 * covered form content types only and refused form-typed ingest posts, is off (svelte.config.js).
 */
const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

/** Why the request is refused as cross-site, or null. */
export function csrfRefusal(method: string, url: URL, headers: Headers): string | null {
  if (SAFE_METHODS.has(method.toUpperCase())) return null;
  if (url.pathname.startsWith('/api/ingest/')) return null;
  const origin = headers.get('origin');
  if (origin !== null) {
    return origin === url.origin ? null : `a ${method} from another origin (${origin.slice(0, 100)}) is refused`;
  }
  const site = headers.get('sec-fetch-site');
  if (site !== null && site !== 'same-origin' && site !== 'none') return `a ${site} ${method} is refused`;
  return null;
}
