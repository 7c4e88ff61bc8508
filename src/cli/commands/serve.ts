import { createServer } from 'node:http';
import { existsSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { integerOption, parseCommandArgs, UsageError } from '../args.ts';
import type { Command } from '../command.ts';
import { openContext } from '../context.ts';
import { SERVE_MARKER } from '../../server/clickhouse/client.ts';
import { publishServeEnvironment, serverSettings } from '../../server/config.ts';
import { projectPath } from '../../server/project-files.ts';
import { countCalls } from '../../server/queries/counts.ts';
import { auditPayRules } from '../../server/auth/pay-rules-audit.ts';
import { createFirstAdmin } from '../../server/auth/user-admin.ts';
import { runDemo } from './demo.ts';

const USAGE = `usage: kezek serve [--port P] [--host H] [--demo-if-empty] [--days N]
Serves the dashboards and the HTTP API (default http://127.0.0.1:3000). The server binds
127.0.0.1 unless --host says otherwise. --demo-if-empty first creates N days (default 90) of demo
history when the database holds no calls. Needs a build of the dashboards (npm run build).
Every page and API needs a signed-in user (kezek users add); when the database has no users yet,
serve creates the admin "admin" with a random password and prints it once on standard error.`;

export const command: Command = {
  name: 'serve',
  summary: 'serve the dashboards and the HTTP API',
  usage: USAGE,
  async run(argv, io) {
    const { values } = parseCommandArgs(argv, {
      port: { type: 'string' },
      host: { type: 'string' },
      'demo-if-empty': { type: 'boolean', default: false },
      days: { type: 'string' },
    });
    const defaults = serverSettings();
    const port = integerOption('port', values.port, 0) ?? defaults.port;
    const host = values.host ?? defaults.host;
    const days = integerOption('days', values.days, 1) ?? 90;
    const handlerFile = projectPath('build', 'handler.js');
    if (!existsSync(handlerFile)) throw new UsageError('the dashboards are not built: run npm run build first');

    const ctx = await openContext(values);
    if (values['demo-if-empty'] && (await countCalls(ctx.client)) === 0) {
      io.stderr(`the database is empty: creating ${days} days of demo history…\n`);
      await runDemo(ctx, { days, seed: 1414, end: undefined }, io, false);
    }
    // A new installation has no users: one admin with a random password, shown once below.
    const firstAdmin = await createFirstAdmin(ctx.client);
    await auditPayRules(ctx.client, ctx.config.pay);
    publishServeEnvironment(ctx.target, values.config);
    const { handler } = (await import(pathToFileURL(handlerFile).href)) as {
      handler: (req: unknown, res: unknown, next: () => void) => void;
    };
    const server = createServer((req, res) => {
      // This server speaks plain HTTP: a request that no HTTPS proxy marked came over http.
      req.headers['x-forwarded-proto'] ??= 'http';
      handler(req, res, () => {
        res.statusCode = 404;
        res.end('Not found');
      });
    });
    await new Promise<void>((resolve, reject) => {
      server.once('error', reject);
      server.listen(port, host, () => resolve());
    });
    const address = server.address();
    const actualPort = typeof address === 'object' && address ? address.port : port;
    const url = `http://${host.includes(':') ? `[${host}]` : host}:${actualPort}`;
    const marker = ctx.target.kind === 'embedded' ? join(ctx.target.path, SERVE_MARKER) : null;
    if (marker) writeFileSync(marker, JSON.stringify({ url, pid: process.pid }));
    io.stdout(`kezek serves ${url}\n`);
    if (firstAdmin) {
      io.stderr(
        `\nfirst run: there were no users, so kezek created the admin "${firstAdmin.username}" with the password\n\n` +
          `    ${firstAdmin.password}\n\n` +
          `It is shown only this once. Sign in at ${url}/login, then add users on /admin (or kezek users add)\n` +
          `and set your own password (kezek users reset-password ${firstAdmin.username}).\n\n`,
      );
    }

    await new Promise<void>((resolve) => {
      const stop = () => {
        server.close(() => resolve());
        server.closeAllConnections();
      };
      process.once('SIGINT', stop);
      process.once('SIGTERM', stop);
    });
    if (marker) rmSync(marker, { force: true });
  },
};
