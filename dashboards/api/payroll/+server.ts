import { json, type RequestHandler } from '@sveltejs/kit';
import { apiError } from '$server/api-error.ts';
import { serverContext } from '$server/context.ts';
import { InputError } from '$server/input-error.ts';
import { parseMonth, parsePayLang, payrollResult } from '$server/payroll.ts';

/** GET /api/payroll?month=YYYY-MM[&lang=ru|kk|en] — the JSON of `kezek payroll --json` (hr and admin only). */
export const GET: RequestHandler = async ({ url }) => {
  const p = url.searchParams;
  try {
    const month = parseMonth(p.get('month'));
    const lang = parsePayLang(p.get('lang'));
    return json(await payrollResult(await serverContext(), month, lang));
  } catch (err) {
    if (err instanceof InputError) return apiError(400, err.message);
    throw err;
  }
};
