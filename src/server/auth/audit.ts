/**
 * Audit entries written while serving a request: the actor is the signed-in user, the address
 * the client's. Failures to write the audit are logged, never shown to the user.
 */
import { serverContext } from '../context.ts';
import { recordAudit, type AuditAction } from './audit-store.ts';
import type { Principal } from './policy.ts';

export interface AuditedEvent {
  url: URL;
  getClientAddress(): string;
  locals: { user?: Principal | null };
}

export function clientAddress(event: { getClientAddress(): string }): string {
  try {
    return event.getClientAddress();
  } catch {
    return '';
  }
}

export async function auditRequest(
  event: AuditedEvent,
  action: AuditAction,
  target: string,
  detail = '',
): Promise<void> {
  try {
    const { client } = await serverContext();
    await recordAudit(client, {
      actor: event.locals.user?.username ?? '',
      action,
      target,
      detail,
      address: clientAddress(event),
    });
  } catch (err) {
    console.error(`[audit] cannot record ${action}:`, (err as Error).message);
  }
}

/** An export answer (a file download) is audited with its path and query (no caller numbers are query parameters). */
export function isExport(response: Response): boolean {
  return response.status === 200 && /^\s*attachment/i.test(response.headers.get('content-disposition') ?? '');
}
