import adapter from '@sveltejs/adapter-node';
import { vitePreprocess } from '@sveltejs/vite-plugin-svelte';

/** @type {import('@sveltejs/kit').Config} */
const config = {
  preprocess: vitePreprocess(),
  kit: {
    adapter: adapter({ out: 'build' }),
    files: { routes: 'dashboards', lib: 'src/ui', appTemplate: 'src/app.html' },
    alias: { $server: 'src/server', $domain: 'src/domain', $ui: 'src/ui', $ingest: 'ingest' },
    // A strict Content-Security-Policy (issue 8): scripts only from this origin plus the nonce
    // SvelteKit gives its own start-up script, no inline script or eval, no framing. Styles allow
    // 'unsafe-inline' for the style attributes Svelte and ECharts write (never for scripts).
    csp: {
      mode: 'auto',
      directives: {
        'default-src': ['self'],
        'script-src': ['self'],
        'style-src': ['self', 'unsafe-inline'],
        'img-src': ['self', 'data:'],
        'font-src': ['self'],
        'connect-src': ['self'],
        'object-src': ['none'],
        'base-uri': ['self'],
        'form-action': ['self'],
        'frame-ancestors': ['none'],
      },
    },
  },
};
export default config;
