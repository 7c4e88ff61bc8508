import type { PageServerLoad } from './$types';
import { serverContext } from '$server/context.ts';
import { supervisorOperators } from '$server/supervisor-operators.ts';
import { viewParams } from '../params.ts';

export const load: PageServerLoad = async ({ url }) => {
  const ctx = await serverContext();
  const params = viewParams(ctx, url, -1);
  return { params, ...(await supervisorOperators(ctx, params)) };
};
