#!/usr/bin/env node
// The `kezek` command: runs the TypeScript CLI through tsx's loader.
import { register } from 'tsx/esm/api';

// A closed pipe (`kezek export … | head`) ends the output quietly.
process.stdout.on('error', (err) => {
  if (err.code === 'EPIPE') process.exit(0);
  throw err;
});

register();
const { main } = await import('../src/cli/main.ts');
process.exitCode = await main(process.argv.slice(2));
