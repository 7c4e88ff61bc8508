import type { RequestHandler } from '@sveltejs/kit';
import { apiError } from '$server/api-error.ts';
import { serverContext } from '$server/context.ts';
import { InputError } from '$server/input-error.ts';
import { parseMonth, parsePayLang, payrollView } from '$server/payroll.ts';
import { EXPORT_CONTENT_TYPES, parseExportFormat, payrollExport } from '$server/payroll-export.ts';

/** GET /api/payroll/export?month=YYYY-MM&format=csv|xlsx[&lang=] — the month's payroll file (hr and admin only). */
export const GET: RequestHandler = async ({ url, locals }) => {
  const p = url.searchParams;
  try {
    const month = parseMonth(p.get('month'));
    const format = parseExportFormat(p.get('format'));
    const lang = parsePayLang(p.get('lang'), locals.lang);
    const bytes = await payrollExport(await payrollView(await serverContext(), month, lang), format);
    const body = bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer;
    return new Response(body, {
      headers: {
        'content-type': EXPORT_CONTENT_TYPES[format],
        'content-disposition': `attachment; filename="payroll-${month}.${format}"`,
        'cache-control': 'no-store',
      },
    });
  } catch (err) {
    if (err instanceof InputError) return apiError(400, err.message);
    throw err;
  }
};
