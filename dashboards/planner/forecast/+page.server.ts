import type { PageServerLoad } from './$types';
import { serverContext } from '$server/context.ts';
import { forecastView } from '$server/planning-views.ts';

export const load: PageServerLoad = async ({ url }) => ({
  view: await forecastView(await serverContext(), url.searchParams),
});
