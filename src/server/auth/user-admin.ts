/**
 * What an administrator does to users and tokens — shared by `kezek users`, `kezek tokens` and
 * the /admin page: validate, store, audit. Bad input throws InputError (exit 2 / HTTP 400).
 */
import type { ClickHouseClient } from '@clickhouse/client';
import { InputError } from '../input-error.ts';
import { recordAudit } from './audit-store.ts';
import { newInitialPassword, hashPassword, passwordProblem } from './secrets.ts';
import {
  createIngestToken,
  parseTokenKinds,
  parseTokenName,
  revokeIngestToken,
  type TokenSummary,
} from './token-store.ts';
import {
  addUser,
  countUsers,
  parseRole,
  parseSites,
  parseUsername,
  summaryOf,
  updateUser,
  type UserSummary,
} from './user-store.ts';

/** Who acts and from where (`cli` for the command line). */
export interface Actor {
  name: string;
  address?: string;
}

function checkPassword(password: unknown): string {
  if (typeof password !== 'string') throw new InputError('a password is required');
  const problem = passwordProblem(password);
  if (problem) throw new InputError(problem);
  return password;
}

/** Sites apply to supervisors only: other roles always see the whole centre. */
function sitesFor(role: string, sites: string[]): string[] {
  if (sites.length > 0 && role !== 'supervisor')
    throw new InputError('sites: only a supervisor can be limited to sites');
  return sites;
}

export async function adminAddUser(
  client: ClickHouseClient,
  actor: Actor,
  input: { username: unknown; role: unknown; sites?: unknown; password: unknown },
): Promise<UserSummary> {
  const username = parseUsername(input.username);
  const role = parseRole(input.role);
  const sites = sitesFor(role, parseSites(input.sites));
  const password_hash = await hashPassword(checkPassword(input.password));
  const user = await addUser(client, { username, role, sites, password_hash });
  await recordAudit(client, {
    actor: actor.name,
    action: 'user_add',
    target: username,
    detail: `role ${role}${sites.length ? `, sites ${sites.join(',')}` : ''}`,
    address: actor.address,
  });
  return summaryOf(user);
}

export async function adminSetRole(
  client: ClickHouseClient,
  actor: Actor,
  rawName: unknown,
  rawRole: unknown,
): Promise<UserSummary> {
  const username = parseUsername(rawName);
  const role = parseRole(rawRole);
  // An admin giving up the role could leave no admin to manage users and tokens from the web.
  if (username === actor.name && role !== 'admin') throw new InputError('you cannot take away your own admin role');
  const user = await updateUser(client, username, (u) => ({ role, sites: role === 'supervisor' ? u.sites : [] }));
  await recordAudit(client, {
    actor: actor.name,
    action: 'user_role',
    target: username,
    detail: `role ${role}`,
    address: actor.address,
  });
  return summaryOf(user);
}

export async function adminSetSites(
  client: ClickHouseClient,
  actor: Actor,
  rawName: unknown,
  rawSites: unknown,
): Promise<UserSummary> {
  const username = parseUsername(rawName);
  const sites = parseSites(rawSites);
  const user = await updateUser(client, username, (u) => ({ sites: sitesFor(u.role, sites) }));
  await recordAudit(client, {
    actor: actor.name,
    action: 'user_sites',
    target: username,
    detail: sites.length ? `sites ${sites.join(',')}` : 'all sites',
    address: actor.address,
  });
  return summaryOf(user);
}

/** A new password signs the user out everywhere. */
export async function adminResetPassword(
  client: ClickHouseClient,
  actor: Actor,
  rawName: unknown,
  password: unknown,
): Promise<UserSummary> {
  const username = parseUsername(rawName);
  const password_hash = await hashPassword(checkPassword(password));
  const user = await updateUser(client, username, () => ({ password_hash }), { signOut: true });
  await recordAudit(client, {
    actor: actor.name,
    action: 'user_password',
    target: username,
    detail: '',
    address: actor.address,
  });
  return summaryOf(user);
}

/** Disabling signs the user out everywhere at once; enabling lets them sign in again. */
export async function adminSetDisabled(
  client: ClickHouseClient,
  actor: Actor,
  rawName: unknown,
  disabled: boolean,
): Promise<UserSummary> {
  const username = parseUsername(rawName);
  if (disabled && username === actor.name) throw new InputError('you cannot disable yourself');
  const user = await updateUser(client, username, () => ({ disabled }), { signOut: disabled });
  await recordAudit(client, {
    actor: actor.name,
    action: disabled ? 'user_disable' : 'user_enable',
    target: username,
    detail: '',
    address: actor.address,
  });
  return summaryOf(user);
}

export async function adminCreateToken(
  client: ClickHouseClient,
  actor: Actor,
  input: { kinds: unknown; name?: unknown },
): Promise<TokenSummary & { token: string }> {
  const kinds = parseTokenKinds(input.kinds);
  const name = parseTokenName(input.name);
  const created = await createIngestToken(client, { kinds, name, createdBy: actor.name });
  await recordAudit(client, {
    actor: actor.name,
    action: 'token_create',
    target: created.token_id,
    detail: `kinds ${kinds.join(',')}${name ? `, name ${name}` : ''}`,
    address: actor.address,
  });
  return created;
}

export async function adminRevokeToken(client: ClickHouseClient, actor: Actor, rawId: unknown): Promise<TokenSummary> {
  const id = typeof rawId === 'string' ? rawId.trim() : '';
  if (!/^tok_[0-9a-f]{12}$/.test(id)) throw new InputError('expected a token id like tok_0123456789ab');
  const token = await revokeIngestToken(client, id);
  await recordAudit(client, {
    actor: actor.name,
    action: 'token_revoke',
    target: id,
    detail: '',
    address: actor.address,
  });
  return token;
}

/**
 * A new installation (no users yet) gets one admin with a random password, which the caller
 * shows once. Returns null when users exist.
 */
export async function createFirstAdmin(
  client: ClickHouseClient,
): Promise<{ username: string; password: string } | null> {
  if ((await countUsers(client)) > 0) return null;
  const password = newInitialPassword();
  await addUser(client, { username: 'admin', role: 'admin', sites: [], password_hash: await hashPassword(password) });
  await recordAudit(client, {
    actor: 'serve',
    action: 'first_admin',
    target: 'admin',
    detail: 'no users existed: created admin with a random password',
  });
  return { username: 'admin', password };
}
