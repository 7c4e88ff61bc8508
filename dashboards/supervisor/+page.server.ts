import type { PageServerLoad } from './$types';
import { serverContext } from '$server/context.ts';
import { supervisorDay } from '$server/supervisor.ts';
import { viewParams } from './params.ts';

export const load: PageServerLoad = async ({ url }) => {
  const ctx = await serverContext();
  const params = viewParams(ctx, url, -1);
  return { params, ...(await supervisorDay(ctx, params)) };
};
