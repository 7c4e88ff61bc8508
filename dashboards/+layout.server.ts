import type { LayoutServerLoad } from './$types';

/** The UI language and who is signed in (name and role only: the layout shows the links the role may open). */
export const load: LayoutServerLoad = ({ locals }) => ({
  lang: locals.lang,
  user: locals.user ? { username: locals.user.username, role: locals.user.role } : null,
});
