import type { PageServerLoad } from './$types';
import { serverContext } from '$server/context.ts';
import { morningView } from '$server/morning.ts';

export const load: PageServerLoad = async () => morningView(await serverContext());
