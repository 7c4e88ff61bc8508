import adapter from '@sveltejs/adapter-node';
import { vitePreprocess } from '@sveltejs/vite-plugin-svelte';

/** @type {import('@sveltejs/kit').Config} */
const config = {
  preprocess: vitePreprocess(),
  kit: {
    adapter: adapter({ out: 'build' }),
    files: { routes: 'dashboards', lib: 'src/ui', appTemplate: 'src/app.html' },
    alias: { $server: 'src/server', $domain: 'src/domain', $ui: 'src/ui', $ingest: 'ingest' },
  },
};
export default config;
