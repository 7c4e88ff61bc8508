import type { RequestHandler } from './$types';
import { serverContext } from '$server/context.ts';
import { supervisorCallsCsv } from '$server/supervisor-calls.ts';
import { viewParams } from '../../params.ts';

/** The visits of a drill-down as CSV (same parameters as /supervisor/calls). */
export const GET: RequestHandler = async ({ url }) => {
  const ctx = await serverContext();
  const params = viewParams(ctx, url, -1);
  const body = await supervisorCallsCsv(ctx, params);
  return new Response(body, {
    headers: {
      'content-type': 'text/csv; charset=utf-8',
      'content-disposition': `attachment; filename="kezek-calls-${params.from}-${params.to}.csv"`,
    },
  });
};
