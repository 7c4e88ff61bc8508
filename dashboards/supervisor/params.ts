import { error } from '@sveltejs/kit';
import { getRequestEvent } from '$app/server';
import type { ServerContext } from '$server/context.ts';
import { InputError } from '$server/input-error.ts';
import { localToday, supervisorParams, type SupervisorParams } from '$server/supervisor-params.ts';

/**
 * The view's URL parameters; bad input is a 400 with its one-line message. `defaultDays`: days from today.
 * A site-limited supervisor's sites (hooks.server.ts) go with them: every KPI request built from
 * the params is limited to those sites (kpi-request.ts), another site asked for is a 403.
 */
export function viewParams(ctx: ServerContext, url: URL, defaultDays: number): SupervisorParams {
  const allowedSites = getRequestEvent().locals.allowedSites ?? null;
  let params: SupervisorParams;
  try {
    params = { ...supervisorParams(url, localToday(ctx.config, defaultDays)), allowedSites };
  } catch (err) {
    if (err instanceof InputError) error(400, err.message);
    throw err;
  }
  if (allowedSites && params.filters.site && !allowedSites.includes(params.filters.site))
    error(403, 'this site is not among yours');
  return params;
}
