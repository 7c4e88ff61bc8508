import { error, type RequestHandler } from '@sveltejs/kit';
import { serverContext } from '$server/context.ts';
import { InputError } from '$server/input-error.ts';
import { staffingExport } from '$server/planning-views.ts';

/** GET ?from=&to=&interval=&shrinkage=&format=csv|xlsx — the staffing plan as a file. */
export const GET: RequestHandler = async ({ url }) => {
  try {
    const file = await staffingExport(await serverContext(), url.searchParams);
    return new Response(file.body, {
      headers: { 'content-type': file.contentType, 'content-disposition': `attachment; filename="${file.filename}"` },
    });
  } catch (err) {
    if (err instanceof InputError) error(400, err.message);
    throw err;
  }
};
