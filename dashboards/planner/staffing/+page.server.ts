import type { PageServerLoad } from './$types';
import { serverContext } from '$server/context.ts';
import { staffingView } from '$server/planning-views.ts';

export const load: PageServerLoad = async ({ url }) => ({
  view: await staffingView(await serverContext(), url.searchParams),
});
