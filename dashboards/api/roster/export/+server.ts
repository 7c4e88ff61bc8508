import type { RequestHandler } from '@sveltejs/kit';
import { apiError } from '$server/api-error.ts';
import { InputError } from '$server/input-error.ts';
import { rosterExport } from '$server/roster-export.ts';

/** POST {format: 'csv'|'xlsx', assignments:[…]} — the (edited) roster as a file. */
export const POST: RequestHandler = async ({ request }) => {
  try {
    const file = await rosterExport(await request.json());
    return new Response(file.body, {
      headers: { 'content-type': file.contentType, 'content-disposition': `attachment; filename="${file.filename}"` },
    });
  } catch (err) {
    if (err instanceof InputError || err instanceof SyntaxError) return apiError(400, err.message);
    throw err;
  }
};
