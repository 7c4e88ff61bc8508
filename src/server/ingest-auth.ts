/**
 * Who may POST to /api/ingest/*: a bearer token created by an admin (`kezek tokens create
 * --kinds …`, or the /admin page), stored only as its SHA-256 and scoped to event kinds
 * (issue 8). No token or an unknown or revoked one: 401; a token not scoped to the kind: 403.
 */
import { findIngestToken } from './auth/token-store.ts';
import { serverContext } from './context.ts';

export type IngestAuthorization = { ok: true; tokenId: string } | { ok: false; status: 401 | 403; message: string };

/** Whether `request` may ingest events of `kind`. */
export async function authorizeIngest(request: Request, kind: string): Promise<IngestAuthorization> {
  const header = request.headers.get('authorization') ?? '';
  const match = /^Bearer\s+(\S+)\s*$/i.exec(header);
  if (!match)
    return { ok: false, status: 401, message: `POST /api/ingest/${kind} needs an Authorization: Bearer token` };
  const token = await findIngestToken((await serverContext()).client, match[1]);
  if (!token) return { ok: false, status: 401, message: 'the ingest token is not valid (unknown or revoked)' };
  if (!token.kinds.includes(kind)) {
    return { ok: false, status: 403, message: `this token may ingest ${token.kinds.join(', ')}, not ${kind}` };
  }
  return { ok: true, tokenId: token.token_id };
}
