// Each widget's size before its code arrives, written once. The build writes them into
// fanfare.css, the stylesheet the README's snippet links beside the script: a stylesheet
// applies before the first paint, which a module script cannot, so nothing on the page
// moves when a widget renders. The README, the docs and the demo show the same rules for
// bundled apps, and a test holds every copy to this one. Keys: '' for the tag itself, else
// an attribute selector.

export const PLACEHOLDERS: Record<string, Record<string, string>> = {
  'fan-share': {
    '': 'min-height:40px',
    '[size=s]': 'min-height:32px',
    '[size=l]': 'min-height:48px',
    '[layout=floating]': 'min-height:0',
  },
  'fan-2048': { '': 'max-width:30rem;aspect-ratio:1;margin-bottom:12rem' },
  'fan-buyer-show': { '': 'height:calc(16rem + min(240px, 78vw) * 1.25)' },
  'fan-invite': { '': 'min-height:11.75rem' },
  'fan-review-form': { '': 'max-width:36rem;min-height:46rem' },
};

/**
 * fanfare.css: every placeholder as a page rule that matches only a `fan-*` tag not yet
 * defined (DESIGN.md's one exception to "nothing outside a widget's shadow root"), so it
 * stops applying the moment the widget takes over its own size.
 */
export function placeholderSheet(): string {
  return Object.entries(PLACEHOLDERS)
    .flatMap(([tag, rules]) => Object.entries(rules).map(([sel, css]) => `${tag}${sel}:not(:defined){${sel ? '' : 'display:block;'}${css}}`))
    .join('\n');
}

/** The placeholder as shadow-root CSS for `tag`, or '' when it has none. */
export function placeholderCss(tag: string): string {
  const rules = PLACEHOLDERS[tag];
  if (!rules) return '';
  return Object.entries(rules)
    .map(([sel, css]) => (sel ? `:host(${sel}){${css}}` : `:host{display:block;${css}}`))
    .join('');
}
