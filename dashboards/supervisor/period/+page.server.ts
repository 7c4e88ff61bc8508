import type { PageServerLoad } from './$types';
import { serverContext } from '$server/context.ts';
import { localToday } from '$server/supervisor-params.ts';
import { supervisorPeriod } from '$server/supervisor.ts';
import { viewParams } from '../params.ts';

/** `?from=&to=`; without dates, the last 7 days up to yesterday. */
export const load: PageServerLoad = async ({ url }) => {
  const ctx = await serverContext();
  const params = viewParams(ctx, url, -1);
  if (!url.searchParams.get('from') && !url.searchParams.get('to')) params.from = localToday(ctx.config, -7);
  return { params, ...(await supervisorPeriod(ctx, params)) };
};
