import { fail } from '@sveltejs/kit';
import type { Actions, PageServerLoad } from './$types';
import { adminAction, adminOverview } from '$server/auth/admin-page.ts';
import { InputError } from '$server/input-error.ts';

export const load: PageServerLoad = () => adminOverview();

/** Each action answers 400 with the reason on bad input; the page shows a new token once. */
function run(action: Parameters<typeof adminAction>[1]) {
  return async (event: Parameters<typeof adminAction>[0]) => {
    try {
      return await adminAction(event, action);
    } catch (err) {
      if (err instanceof InputError) return fail(400, { error: err.message });
      throw err;
    }
  };
}

export const actions: Actions = {
  add: run('add'),
  role: run('role'),
  sites: run('sites'),
  password: run('password'),
  disable: run('disable'),
  enable: run('enable'),
  token: run('token'),
  revoke: run('revoke'),
};
