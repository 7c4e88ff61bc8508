import { parseCommandArgs, UsageError } from '../args.ts';
import type { Command } from '../command.ts';
import { openContext } from '../context.ts';
import { printJson, type CliIO } from '../io.ts';
import {
  adminAddUser,
  adminResetPassword,
  adminSetDisabled,
  adminSetRole,
  adminSetSites,
  type Actor,
} from '../../server/auth/user-admin.ts';
import { fetchUsers, summaryOf } from '../../server/auth/user-store.ts';

const USAGE = `usage: kezek users add NAME --role admin|supervisor|planner|hr [--sites A,B]
       kezek users list [--json]
       kezek users set-role NAME ROLE
       kezek users set-sites NAME A,B      ("" = every site; supervisors only)
       kezek users reset-password NAME
       kezek users disable NAME | enable NAME
Users who sign in to the dashboards. add and reset-password read the password from the first
line of standard input (at least 10 characters), e.g. printf '%s\\n' "$PW" | kezek users add ann
--role hr. A new password or disable signs the user out everywhere. Every change is audited.`;

const CLI_ACTOR: Actor = { name: 'cli' };

/** The first line of standard input, without its line break. */
export async function readFirstLine(io: CliIO): Promise<string> {
  const stdin = io.stdin;
  if (!stdin) throw new UsageError('the password is read from standard input, and there is none');
  let text = '';
  for await (const chunk of stdin as AsyncIterable<Buffer | string>) {
    text += typeof chunk === 'string' ? chunk : chunk.toString('utf8');
    if (text.includes('\n')) break;
  }
  const line = text.split('\n')[0].replace(/\r$/, '');
  if (!line) throw new UsageError('no password on standard input (its first line is the password)');
  return line;
}

function arg(positionals: string[], index: number, what: string): string {
  const value = positionals[index];
  if (value === undefined) throw new UsageError(`missing ${what}\n${USAGE.split('\n')[0]}`);
  return value;
}

export const command: Command = {
  name: 'users',
  summary: 'add, list and change the users of the dashboards',
  usage: USAGE,
  async run(argv, io) {
    const { values, positionals } = parseCommandArgs(
      argv,
      { role: { type: 'string' }, sites: { type: 'string' } },
      true,
    );
    const [action] = positionals;
    const known = ['add', 'list', 'set-role', 'set-sites', 'reset-password', 'disable', 'enable'];
    if (!action || !known.includes(action)) throw new UsageError(`expected one of: ${known.join(', ')}`);
    if (positionals.length > (action === 'list' ? 1 : action.startsWith('set-') ? 3 : 2))
      throw new UsageError(`too many arguments for users ${action}`);
    if ((values.role !== undefined || values.sites !== undefined) && action !== 'add')
      throw new UsageError('--role and --sites go with users add (use set-role, set-sites)');
    // Read the password before opening the database, so that a bad invocation fails fast.
    const password = action === 'add' || action === 'reset-password' ? await readFirstLine(io) : undefined;
    if (action === 'add' && !values.role) throw new UsageError('users add needs --role admin|supervisor|planner|hr');
    const { client } = await openContext(values);
    const name = action === 'list' ? '' : arg(positionals, 1, 'the user name');
    let user;
    switch (action) {
      case 'list': {
        const users = (await fetchUsers(client)).map(summaryOf);
        if (values.json) return printJson(io, { users });
        if (users.length === 0) return io.stdout('no users\n');
        for (const u of users) {
          const sites = u.sites.length ? u.sites.join(',') : 'all sites';
          io.stdout(`${u.username}\t${u.role}\t${sites}\t${u.disabled ? 'disabled' : 'active'}\n`);
        }
        return;
      }
      case 'add':
        user = await adminAddUser(client, CLI_ACTOR, {
          username: name,
          role: values.role,
          sites: values.sites,
          password,
        });
        break;
      case 'set-role':
        user = await adminSetRole(client, CLI_ACTOR, name, arg(positionals, 2, 'the role'));
        break;
      case 'set-sites':
        user = await adminSetSites(client, CLI_ACTOR, name, arg(positionals, 2, 'the sites (A,B or "")'));
        break;
      case 'reset-password':
        user = await adminResetPassword(client, CLI_ACTOR, name, password);
        break;
      default:
        user = await adminSetDisabled(client, CLI_ACTOR, name, action === 'disable');
    }
    if (values.json) return printJson(io, { user });
    io.stdout(
      `${user.username}: ${user.role}, ${user.sites.length ? `sites ${user.sites.join(',')}` : 'all sites'}, ${user.disabled ? 'disabled' : 'active'}\n`,
    );
  },
};
