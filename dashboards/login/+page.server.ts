import type { PageServerLoad } from './$types';
import { safeNext } from '$server/auth/guard.ts';

/** /login?next=/path: where to go after signing in (a path on this site only). */
export const load: PageServerLoad = ({ url, locals }) => ({
  next: safeNext(url.searchParams.get('next')),
  signedInAs: locals.user?.username ?? null,
});
