import { json, type RequestHandler } from '@sveltejs/kit';
import { apiError } from '$server/api-error.ts';
import { serverContext } from '$server/context.ts';
import { InputError } from '$server/input-error.ts';
import { kpiRequest, SiteNotAllowedError } from '$server/kpi-request.ts';
import { fetchKpis } from '$server/queries/kpi.ts';

/** GET /api/kpi?from=&to=&by=&queue=&language=&site=&channel= — the JSON of `kezek kpi --json`. */
export const GET: RequestHandler = async ({ url, locals }) => {
  const { client, config } = await serverContext();
  const p = url.searchParams;
  try {
    const request = kpiRequest(
      {
        from: p.get('from'),
        to: p.get('to'),
        by: p.get('by'),
        queue: p.getAll('queue'),
        language: p.getAll('language'),
        site: p.getAll('site'),
        channel: p.getAll('channel'),
        agent: p.getAll('agent'),
        allowedSites: locals.allowedSites,
      },
      config,
    );
    return json(await fetchKpis(client, request));
  } catch (err) {
    if (err instanceof InputError) return apiError(400, err.message);
    if (err instanceof SiteNotAllowedError) return apiError(403, err.message);
    throw err;
  }
};
