/**
 * The one message catalogue of the UI: Russian, Kazakh and English, one file each (en.ts defines
 * the keys; the type checker makes ru.ts and kk.ts define every one of them).
 */
import { en, type Catalogue, type MessageKey } from './en.ts';
import { kk } from './kk.ts';
import { ru } from './ru.ts';

export type { MessageKey };

export const LANGUAGES = ['ru', 'kk', 'en'] as const;
export type Lang = (typeof LANGUAGES)[number];
export const DEFAULT_LANG: Lang = 'ru';
export const LANG_COOKIE = 'kezek_lang';

export const CATALOGUES: Record<Lang, Catalogue> = { en, ru, kk };

export function isLang(value: unknown): value is Lang {
  return typeof value === 'string' && (LANGUAGES as readonly string[]).includes(value);
}

/** A translator for one language. */
export function translator(lang: Lang): (key: MessageKey) => string {
  const catalogue = CATALOGUES[lang];
  return (key) => catalogue[key] ?? en[key];
}
