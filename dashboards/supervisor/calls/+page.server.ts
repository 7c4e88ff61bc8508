import type { PageServerLoad } from './$types';
import { serverContext } from '$server/context.ts';
import { supervisorCalls } from '$server/supervisor-calls.ts';
import { viewParams } from '../params.ts';

export const load: PageServerLoad = async ({ url }) => {
  const ctx = await serverContext();
  const params = viewParams(ctx, url, -1);
  const page = Math.max(1, Math.min(100_000, Number.parseInt(url.searchParams.get('page') ?? '1', 10) || 1));
  return { params, timezone: ctx.config.timezone, ...(await supervisorCalls(ctx, params, page)) };
};
