// Each widget's size before its code arrives, written once. The loader reserves it in
// the page (nothing moves when the widget renders); the README, the docs and the demo
// show the same rules for site owners to put in their own CSS, and a test holds every
// copy to this one. Keys: '' for the tag itself, else an attribute selector.

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

/** The placeholder as shadow-root CSS for `tag`, or '' when it has none. */
export function placeholderCss(tag: string): string {
  const rules = PLACEHOLDERS[tag];
  if (!rules) return '';
  return Object.entries(rules)
    .map(([sel, css]) => (sel ? `:host(${sel}){${css}}` : `:host{display:block;${css}}`))
    .join('');
}
