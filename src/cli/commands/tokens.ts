import { parseCommandArgs, UsageError } from '../args.ts';
import type { Command } from '../command.ts';
import { openContext } from '../context.ts';
import { printJson } from '../io.ts';
import { fetchIngestTokens } from '../../server/auth/token-store.ts';
import { adminCreateToken, adminRevokeToken } from '../../server/auth/user-admin.ts';

const USAGE = `usage: kezek tokens create --kinds calls,ratings,agent-events,agents,queue-log [--name N] [--json]
       kezek tokens list [--json]
       kezek tokens revoke ID
Bearer tokens for POST /api/ingest/KIND, each scoped to the kinds it names. create prints the
token once: only its SHA-256 is stored, so a lost token is revoked and replaced, never shown again.`;

export const command: Command = {
  name: 'tokens',
  summary: 'create, list and revoke ingest tokens',
  usage: USAGE,
  async run(argv, io) {
    const { values, positionals } = parseCommandArgs(
      argv,
      { kinds: { type: 'string' }, name: { type: 'string' } },
      true,
    );
    const [action, id, ...rest] = positionals;
    if (!['create', 'list', 'revoke'].includes(action ?? ''))
      throw new UsageError('expected one of: create, list, revoke');
    if (rest.length > 0 || (action !== 'revoke' && id !== undefined))
      throw new UsageError(`too many arguments for tokens ${action}`);
    if (action === 'create' && !values.kinds)
      throw new UsageError('tokens create needs --kinds (e.g. --kinds calls,ratings)');
    if (action === 'revoke' && !id) throw new UsageError('tokens revoke needs the token id (see tokens list)');
    const { client } = await openContext(values);
    const actor = { name: 'cli' };
    if (action === 'create') {
      const created = await adminCreateToken(client, actor, { kinds: values.kinds, name: values.name });
      if (values.json) return printJson(io, created);
      io.stdout(`${created.token}\n`);
      io.stderr(`token ${created.token_id} for ${created.kinds.join(', ')} — shown only this once; keep it secret\n`);
      return;
    }
    if (action === 'revoke') {
      const token = await adminRevokeToken(client, actor, id);
      if (values.json) return printJson(io, { token });
      io.stdout(`${token.token_id} revoked\n`);
      return;
    }
    const tokens = await fetchIngestTokens(client);
    if (values.json) return printJson(io, { tokens });
    if (tokens.length === 0) return io.stdout('no tokens\n');
    for (const t of tokens) {
      io.stdout(
        `${t.token_id}\t${t.kinds.join(',')}\t${t.name || '-'}\t${new Date(t.created_ms).toISOString()}\t${t.revoked ? 'revoked' : 'active'}\n`,
      );
    }
  },
};
