import { error, fail, redirect } from '@sveltejs/kit';
import type { Actions, PageServerLoad } from './$types';
import { serverContext } from '$server/context.ts';
import { auditRequest } from '$server/auth/audit.ts';
import { hrCloseMonth, hrMonth, hrMonthPage, hrWhatIf, inputMessage } from '$server/payroll-hr.ts';

export const load: PageServerLoad = async ({ url, locals }) => {
  const ctx = await serverContext();
  try {
    return await hrMonthPage(ctx, hrMonth(ctx, url.searchParams.get('month')), locals.lang);
  } catch (err) {
    error(400, inputMessage(err));
  }
};

export const actions: Actions = {
  whatif: async ({ request, locals }) => {
    const form = await request.formData();
    try {
      const ctx = await serverContext();
      return {
        whatIf: await hrWhatIf(
          ctx,
          { month: form.get('month'), file: form.get('file'), text: form.get('text') },
          locals.lang,
        ),
        text: String(form.get('text') ?? ''), // the draft stays in its box
      };
    } catch (err) {
      return fail(400, { whatIfError: inputMessage(err), text: String(form.get('text') ?? '') });
    }
  },
  close: async (event) => {
    const form = await event.request.formData();
    let month: string;
    try {
      month = await hrCloseMonth(await serverContext(), form.get('month'));
    } catch (err) {
      return fail(400, { closeError: inputMessage(err) });
    }
    await auditRequest(event, 'payroll_close', month);
    redirect(303, `/hr?month=${month}`);
  },
};
