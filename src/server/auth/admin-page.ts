/**
 * The /admin page's data and form actions (thin wrappers over user-admin.ts): the acting admin
 * and their address go into the audit.
 */
import { serverContext } from '../context.ts';
import { InputError } from '../input-error.ts';
import { AUDIT_ACTIONS, fetchAudit, type AuditAction } from './audit-store.ts';
import { clientAddress } from './audit.ts';
import { ROLES, type Principal } from './policy.ts';
import { fetchIngestTokens, TOKEN_KINDS } from './token-store.ts';
import {
  adminAddUser,
  adminCreateToken,
  adminResetPassword,
  adminRevokeToken,
  adminSetDisabled,
  adminSetRole,
  adminSetSites,
  type Actor,
} from './user-admin.ts';
import { fetchUsers, summaryOf } from './user-store.ts';

export interface AdminEvent {
  request: Request;
  getClientAddress(): string;
  locals: { user: Principal | null };
}

export async function adminOverview() {
  const { client } = await serverContext();
  const [users, tokens] = await Promise.all([fetchUsers(client), fetchIngestTokens(client)]);
  return { users: users.map(summaryOf), tokens, roles: ROLES, kinds: TOKEN_KINDS };
}

export const AUDIT_PAGE_SIZE = 100;

/** /admin/audit?action=&page=: validated, 400 on anything else. */
export async function auditPage(url: URL) {
  const action = url.searchParams.get('action') || null;
  if (action !== null && !(AUDIT_ACTIONS as readonly string[]).includes(action))
    throw new InputError(`action: expected one of ${AUDIT_ACTIONS.join(', ')}`);
  const rawPage = url.searchParams.get('page') ?? '1';
  if (!/^\d{1,5}$/.test(rawPage) || Number(rawPage) < 1)
    throw new InputError('page: expected a whole number from 1 to 99999');
  const page = Number(rawPage);
  const { client } = await serverContext();
  const events = await fetchAudit(client, {
    limit: AUDIT_PAGE_SIZE + 1,
    offset: (page - 1) * AUDIT_PAGE_SIZE,
    action: action as AuditAction | null,
  });
  return {
    events: events.slice(0, AUDIT_PAGE_SIZE),
    more: events.length > AUDIT_PAGE_SIZE,
    page,
    action,
    actions: AUDIT_ACTIONS,
  };
}

type AdminAction = 'add' | 'role' | 'sites' | 'password' | 'disable' | 'enable' | 'token' | 'revoke';

/** Runs one form action; returns what the page shows (a message, or the new token once). */
export async function adminAction(
  event: AdminEvent,
  action: AdminAction,
): Promise<{ done: AdminAction; token?: string; tokenId?: string }> {
  const form = await event.request.formData();
  const get = (name: string) => {
    const v = form.get(name);
    return typeof v === 'string' ? v : undefined;
  };
  const { client } = await serverContext();
  const actor: Actor = { name: event.locals.user?.username ?? '', address: clientAddress(event) };
  switch (action) {
    case 'add':
      await adminAddUser(client, actor, {
        username: get('username'),
        role: get('role'),
        sites: get('sites') ?? '',
        password: get('password'),
      });
      break;
    case 'role':
      await adminSetRole(client, actor, get('username'), get('role'));
      break;
    case 'sites':
      await adminSetSites(client, actor, get('username'), get('sites') ?? '');
      break;
    case 'password':
      await adminResetPassword(client, actor, get('username'), get('password'));
      break;
    case 'disable':
    case 'enable':
      await adminSetDisabled(client, actor, get('username'), action === 'disable');
      break;
    case 'token': {
      const created = await adminCreateToken(client, actor, {
        kinds: form
          .getAll('kinds')
          .filter((k) => typeof k === 'string')
          .join(','),
        name: get('name'),
      });
      return { done: action, token: created.token, tokenId: created.token_id };
    }
    case 'revoke':
      await adminRevokeToken(client, actor, get('token_id'));
      break;
  }
  return { done: action };
}
