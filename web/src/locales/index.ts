import { createI18n } from 'vue-i18n';

export const SUPPORTED_LOCALES = ['zh-CN', 'en'] as const;
export type AppLocale = (typeof SUPPORTED_LOCALES)[number];
export const DEFAULT_LOCALE: AppLocale = 'zh-CN';
export const LOCALE_STORAGE_KEY = 'tianshan.locale';

type MessageTree = { [key: string]: string | MessageTree };

// One JSON file per module and locale: locales/<locale>/<module>.json is
// reachable as $t('<module>.<key>').
const files = import.meta.glob<MessageTree>('./*/*.json', {
  eager: true,
  import: 'default',
});

export function buildMessages(
  sources: Record<string, MessageTree>,
): Record<string, Record<string, MessageTree>> {
  const result: Record<string, Record<string, MessageTree>> = {};
  for (const [path, tree] of Object.entries(sources)) {
    const match = /^\.\/([^/]+)\/([^/]+)\.json$/.exec(path);
    if (!match) continue;
    const [, locale, module] = match;
    (result[locale] ??= {})[module] = tree;
  }
  return result;
}

export const messages = buildMessages(files);

export function isSupportedLocale(value: unknown): value is AppLocale {
  return SUPPORTED_LOCALES.includes(value as AppLocale);
}

function readStoredLocale(): AppLocale {
  try {
    const stored = window.localStorage.getItem(LOCALE_STORAGE_KEY);
    if (isSupportedLocale(stored)) return stored;
  } catch {
    // Storage can be unavailable (private mode); the default is fine then.
  }
  return DEFAULT_LOCALE;
}

export const i18n = createI18n({
  legacy: false,
  locale: readStoredLocale(),
  fallbackLocale: DEFAULT_LOCALE,
  messages,
});

export function currentLocale(): AppLocale {
  const value = i18n.global.locale.value;
  return isSupportedLocale(value) ? value : DEFAULT_LOCALE;
}

export function setLocale(locale: AppLocale): void {
  i18n.global.locale.value = locale;
  document.documentElement.lang = locale;
  try {
    window.localStorage.setItem(LOCALE_STORAGE_KEY, locale);
  } catch {
    // Not remembered, but switched for this page.
  }
}

/** Re-reads the remembered choice; used at start-up and by tests. */
export function restoreLocale(): AppLocale {
  const locale = readStoredLocale();
  i18n.global.locale.value = locale;
  document.documentElement.lang = locale;
  return locale;
}
