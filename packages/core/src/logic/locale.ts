// Locale matching for the built-in catalogs. Pure: the element passes in what it found.

export const LOCALES = ['en', 'zh-CN'] as const;
export type Locale = (typeof LOCALES)[number];

/**
 * Map any BCP 47 tag to a built-in locale. All Chinese variants get zh-CN: a reader of
 * Traditional Chinese reads Simplified far more easily than English.
 */
export function matchLocale(tag: string | null | undefined): Locale | undefined {
  const primary = tag?.trim().toLowerCase().split(/[-_]/)[0];
  return primary == 'zh' ? 'zh-CN' : primary == 'en' ? primary : undefined;
}

/** The first candidate that names a built-in locale wins; English otherwise. */
export function pickLocale(candidates: readonly (string | null | undefined)[]): Locale {
  return matchLocale(candidates.find((c) => c?.trim())) ?? 'en';
}

export type Messages<K extends string> = Record<Locale, Record<K, string>>;

/** Look up `key` and fill `{name}` placeholders from `vars`. */
export function format<K extends string>(
  messages: Messages<K>,
  locale: Locale,
  key: K,
  vars?: Record<string, string | number>,
): string {
  const text = messages[locale][key] ?? messages.en[key] ?? key;
  return text.replace(/\{(\w+)\}/g, (m, name: string) => String(vars?.[name] ?? m));
}
