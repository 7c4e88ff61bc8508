/**
 * A refusal of an /api route, in the one shape every /api route answers with: {error} and the
 * status (QA: /api/kpi answered {message}, the session and ingest routes {error}).
 */
import { json } from '@sveltejs/kit';

export const apiError = (status: 400 | 403 | 404, message: string): Response => json({ error: message }, { status });
