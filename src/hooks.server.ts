import type { Handle, HandleServerError } from '@sveltejs/kit';
import { DEFAULT_LANG, isLang, LANG_COOKIE } from '$ui/i18n/messages.ts';

export const handle: Handle = async ({ event, resolve }) => {
  const cookie = event.cookies.get(LANG_COOKIE);
  event.locals.lang = isLang(cookie) ? cookie : DEFAULT_LANG;
  return resolve(event, {
    transformPageChunk: ({ html }) => html.replace('%lang%', event.locals.lang),
  });
};

/** The real error goes to the server log with the route; the user sees a plain message. */
export const handleError: HandleServerError = ({ error, event }) => {
  console.error(`[${event.route.id ?? event.url.pathname}]`, error instanceof Error ? error.message : error);
  return { message: 'The server could not complete this request.' };
};
