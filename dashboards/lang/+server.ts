import { redirect, type RequestHandler } from '@sveltejs/kit';
import { isLang, LANG_COOKIE } from '$ui/i18n/messages.ts';
import { safeNext } from '$server/auth/guard.ts';

/** POST lang=ru|kk|en: remembers the UI language in a cookie and goes back to the page. */
export const POST: RequestHandler = async ({ request, cookies }) => {
  const form = await request.formData();
  const lang = form.get('lang');
  if (isLang(lang)) {
    cookies.set(LANG_COOKIE, lang, { path: '/', httpOnly: true, sameSite: 'lax', maxAge: 365 * 86400 });
  }
  // Only a path on this site (not //host or /\host): never an open redirect.
  redirect(303, safeNext(String(form.get('to') ?? '/')));
};
