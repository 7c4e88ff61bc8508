import type { PageServerLoad } from './$types';
import { serverContext } from '$server/context.ts';
import { fetchRejectCounts } from '$server/queries/rejects.ts';

const DAY_MS = 86_400_000;

/** /supervisor/rejects?days=N: rejected input rows per source and local day, the last N days (30). */
export const load: PageServerLoad = async ({ url }) => {
  const { client, config } = await serverContext();
  const days = Math.min(Math.max(Number.parseInt(url.searchParams.get('days') ?? '', 10) || 30, 1), 366);
  const rows = await fetchRejectCounts(client, Date.now() - days * DAY_MS, config.timezone);
  return { days, rows };
};
