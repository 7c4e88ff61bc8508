import adapter from '@sveltejs/adapter-node';
import { vitePreprocess } from '@sveltejs/vite-plugin-svelte';

/** @type {import('@sveltejs/kit').Config} */
const config = {
  preprocess: vitePreprocess(),
  kit: {
    adapter: adapter({ out: 'build' }),
    files: { routes: 'dashboards', lib: 'src/ui', appTemplate: 'src/app.html' },
    alias: { $server: 'src/server', $domain: 'src/domain', $ui: 'src/ui', $ingest: 'ingest' },
    // SvelteKit's own CSRF check is off ('*' turns it off; `checkOrigin` is deprecated). It
    // refused every form-typed POST without this site's Origin before our hooks run, so curl's
    // --data-binary, Python urllib and fetch with a string could not send to /api/ingest/*, whose
    // bearer token no other site holds. src/server/auth/csrf.ts, applied to every request in
    // hooks.server.ts, refuses state-changing requests from another origin whatever their
    // content type (SvelteKit's covered form types only); the session cookie is SameSite=Lax.
    csrf: { trustedOrigins: ['*'] },
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
