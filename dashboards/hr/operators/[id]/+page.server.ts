import { error } from '@sveltejs/kit';
import type { PageServerLoad } from './$types';
import { serverContext } from '$server/context.ts';
import { hrMonth, inputMessage } from '$server/payroll-hr.ts';
import { operatorMonthView } from '$server/payroll-operator.ts';

export const load: PageServerLoad = async ({ params, url, locals }) => {
  const ctx = await serverContext();
  let view;
  try {
    view = await operatorMonthView(ctx, hrMonth(ctx, url.searchParams.get('month')), params.id, locals.lang);
  } catch (err) {
    error(400, inputMessage(err));
  }
  if (!view) error(404, `no pay data for operator ${params.id.slice(0, 60)} in this month`);
  return { view };
};
