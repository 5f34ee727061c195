import { format, type Locale, type Messages } from './logic/locale.js';

/** What a widget (or one of its controllers) needs to translate: its current locale. */
export interface Localized {
  readonly locale: Locale;
}

/**
 * A typed translator over one package's `messages.ts`, reading the host's locale at each
 * call, so a change of `lang` (or of the page-wide setting) shows in the next render.
 *
 *   private t = localize(this, messages);
 *   this.t('shareOn', { name })
 */
export function localize<K extends string>(
  host: Localized,
  messages: Messages<K>,
): (key: K, vars?: Record<string, string | number>) => string {
  return (key, vars) => format(messages, host.locale, key, vars);
}
