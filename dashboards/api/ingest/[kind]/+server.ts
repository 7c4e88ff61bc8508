import type { RequestHandler } from '@sveltejs/kit';
import { handleIngestRequest } from '$server/ingest-request.ts';

/** POST /api/ingest/{calls,ratings,agent-events,agents,queue-log}: see src/server/ingest-request.ts. */
export const POST: RequestHandler = ({ request, params, url, platform }) =>
  handleIngestRequest(request, params.kind!, url, platform?.req);
