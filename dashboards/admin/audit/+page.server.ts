import { error } from '@sveltejs/kit';
import type { PageServerLoad } from './$types';
import { auditPage } from '$server/auth/admin-page.ts';
import { InputError } from '$server/input-error.ts';

/** /admin/audit?action=&page=: the audit log, newest first. */
export const load: PageServerLoad = async ({ url }) => {
  try {
    return await auditPage(url);
  } catch (err) {
    if (err instanceof InputError) error(400, err.message);
    throw err;
  }
};
