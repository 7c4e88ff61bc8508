import { error } from '@sveltejs/kit';
import type { PageServerLoad } from './$types';
import { serverContext } from '$server/context.ts';
import { supervisorCallTimeline } from '$server/supervisor-calls.ts';

export const load: PageServerLoad = async ({ params, locals }) => {
  const ctx = await serverContext();
  const timeline = await supervisorCallTimeline(ctx, params.call_id.slice(0, 200), locals.allowedSites);
  if (timeline.events.length === 0) error(404, 'no such call');
  return { timezone: ctx.config.timezone, ...timeline };
};
