import { sveltekit } from '@sveltejs/kit/vite';
import { defineConfig } from 'vitest/config';

export default defineConfig({
  plugins: [sveltekit()],
  test: {
    // chdb crashes inside worker threads: every test file runs in its own forked process.
    pool: 'forks',
    include: ['src/**/*.test.ts', 'ingest/**/*.test.ts', 'tests/**/*.test.ts', 'dashboards/**/*.test.ts'],
    testTimeout: 60_000,
    hookTimeout: 120_000,
    env: { TZ: 'UTC' },
    // One temporary directory for the run, removed at its end; the dashboards built when missing.
    globalSetup: ['tests/global-setup.ts'],
  },
});
