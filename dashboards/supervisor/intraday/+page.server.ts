import type { PageServerLoad } from './$types';
import { serverContext } from '$server/context.ts';
import { supervisorIntraday } from '$server/supervisor-intraday.ts';
import { localToday } from '$server/supervisor-params.ts';
import { viewParams } from '../params.ts';

/** Seconds between refreshes: `?refresh=` (5–30), 30 by default. */
function refreshSeconds(url: URL): number {
  const n = Number(url.searchParams.get('refresh'));
  return Number.isInteger(n) && n >= 5 && n <= 30 ? n : 30;
}

export const load: PageServerLoad = async ({ url, depends }) => {
  depends('kezek:intraday');
  const ctx = await serverContext();
  const params = viewParams(ctx, url, 0);
  return {
    params,
    isToday: params.from === localToday(ctx.config, 0),
    refreshSeconds: refreshSeconds(url),
    timezone: ctx.config.timezone,
    ...(await supervisorIntraday(ctx, params)),
  };
};
