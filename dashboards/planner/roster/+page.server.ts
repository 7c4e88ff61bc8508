import type { PageServerLoad } from './$types';
import { serverContext } from '$server/context.ts';
import { rosterView } from '$server/roster-view.ts';

export const load: PageServerLoad = async ({ url }) => ({
  view: await rosterView(await serverContext(), url.searchParams),
});
