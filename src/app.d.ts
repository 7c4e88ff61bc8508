import type { Lang } from '$ui/i18n/messages.ts';
import type { Principal } from '$server/auth/policy.ts';

declare global {
  namespace App {
    interface Locals {
      lang: Lang;
      /** The signed-in user (hooks.server.ts), null for public routes and ingest. */
      user: Principal | null;
      /** Sites a site-limited supervisor may see on site-scoped routes; null = every site. */
      allowedSites: string[] | null;
    }
  }
}

export {};
