import type { Lang } from '$ui/i18n/messages.ts';

declare global {
  namespace App {
    interface Locals {
      lang: Lang;
    }
  }
}

export {};
