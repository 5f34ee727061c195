// Each widget's size before its code arrives, written once. The build writes them into
// fanfare.css, the stylesheet the README's snippet links beside the script: a stylesheet
// applies before the first paint, which a module script cannot, so nothing on the page
// moves when a widget renders. The README, the docs and the demo show the same rules for
// bundled apps, and a test holds every copy to this one. Keys: '' for the tag itself, else
// what follows the tag (attribute selectors, :not([attr]), :lang(zh)), with ::before or
// ::after last; each rule applies only while the tag is not defined.

// <fan-share>'s height is its rows of buttons, and how many rows depends on how many
// buttons and how wide the page lets the row be, which no attribute selector can count.
// So the placeholder lays out the list of networks itself as invisible text: type of size
// 0, each space as wide as a button and its gap (w + gap), a line as tall as a row (h +
// gap), and the line 1 button shorter than the row, so a line holds exactly as many names
// as the row holds buttons (1 in a column). Lines × pitch − the last gap = the height.
// The gap is the page's --fan-share-gap, as the widget's own is.
const GAP = 'var(--fan-share-gap, 8px)';
const rows = (attr: string, h: string, w: string) =>
  `content:attr(${attr});display:block;visibility:hidden;font-size:0;letter-spacing:0;word-spacing:calc(${w} + ${GAP});` +
  `text-indent:0;white-space:normal;line-height:calc(${h} + ${GAP});margin-inline-end:${w};margin-block-end:calc(-1 * ${GAP})`;

// Without a list: the locale's default (packages/share/src/logic/networks.ts), the share
// sheet counted (phones and most desktop browsers have one).
const EN = "content:'native x facebook linkedin whatsapp telegram email copy'";
const ZH = "content:'wechat weibo qq qzone douban copy'";

export const PLACEHOLDERS: Record<string, Record<string, string>> = {
  'fan-share': {
    '': 'display:flow-root;--_h:40px;--_w:var(--_h)',
    '[size=s]': '--_h:32px',
    '[size=l]': '--_h:48px',
    // A button with a label is 3 × its height + 32px wide (fan-share.styles.ts).
    '[variant=label]': '--_w:calc(var(--_h) * 3 + 32px)',
    '::before': rows('networks', 'var(--_h)', 'var(--_w)'),
    '[layout=column]::before': 'width:0',
    ':not([networks])::before': EN,
    ':not([networks]):lang(zh)::before': ZH,
  },
  // A 3rem bar in 0.5rem of padding each side, the square board, 2.5rem a reward (after
  // 0.5rem; the count is told by the JSON: one object has a }, two have },), a 1.25rem line
  // and 0.5rem over the share buttons' rows, 0.5rem under them (fan-2048.styles.ts).
  'fan-2048': {
    '': 'display:flow-root;max-width:var(--fan-2048-max-width, 30rem);padding:4rem 0 0.5rem',
    '::before': "content:'';display:block;aspect-ratio:1;margin-bottom:2.25rem",
    "[rewards*='}']::before": 'margin-bottom:5.25rem',
    "[rewards*='},']::before": 'margin-bottom:7.75rem',
    '::after': rows('share', '40px', '40px'),
    ':not([share])::after': EN,
    ':not([share]):lang(zh)::after': ZH,
  },
  // A slide's photo and text under its 5.5rem of controls, as the page may size them.
  'fan-buyer-show': { '': 'height:calc(5.5rem + var(--fan-buyer-show-slide-width, min(240px, 78vw)) * var(--fan-buyer-show-photo-ratio, 1.25) + var(--fan-buyer-show-text-height, 10.5rem))' },
  'fan-invite': { '': 'min-height:11.75rem' },
  'fan-review-form': { '': 'max-width:36rem;min-height:46rem' },
  // The card (4:5 of the frame's width: 12px of padding and a 1px border each side), and
  // the first step's rows of fixed height around it (fan-card-maker.styles.ts): above it
  // the frame's top, the steps' bar (a 4px bar, 4px, a 1rem line) and a 12px gap;
  // below it a gap, the heading (1.5rem), 8px, the designs' row (2.75rem + 20px), a gap,
  // the buttons (2.75rem) and the frame's foot. Shown from the start, designs or not.
  'fan-card-maker': {
    '': 'display:flow-root;max-width:var(--fan-card-maker-width, 420px)',
    '::before': "content:'';display:block;aspect-ratio:4/5;margin:calc(33px + 1rem) 13px calc(65px + 7rem)",
  },
};

/**
 * What changes on wide screens, as `@media (min-width: 768px)`: the floating share bar is
 * fixed to the window's edge there (fan-share.styles.ts), so it takes nothing of the page's
 * flow: an empty block, whose margins meet as the rendered widget's do. Below, it is a row.
 */
export const WIDE_PLACEHOLDERS: Record<string, Record<string, string>> = {
  'fan-share': { '[layout=floating]': 'display:block', '[layout=floating]::before': 'display:none' },
};

const rule = (tag: string, sel: string, css: string) => `${tag}${undefinedRule(sel)}{${css}}`;

/**
 * fanfare.css: every placeholder as a page rule that matches only a `fan-*` tag not yet
 * defined (DESIGN.md's one exception to "nothing outside a widget's shadow root"), so it
 * stops applying the moment the widget takes over its own size.
 */
export function placeholderSheet(): string {
  const narrow = Object.entries(PLACEHOLDERS).flatMap(([tag, rules]) =>
    Object.entries(rules).map(([sel, css]) => rule(tag, sel, `${sel || css.includes('display:') ? '' : 'display:block;'}${css}`)),
  );
  const wide = Object.entries(WIDE_PLACEHOLDERS).flatMap(([tag, rules]) => Object.entries(rules).map(([sel, css]) => rule(tag, sel, css)));
  return [...narrow, `@media (min-width: 768px){${wide.join('')}}`].join('\n');
}

/**
 * `[a=b]::before` → `[a=b]:is(:not(:defined),:state(pending))::before`: until the tag is defined,
 * and for the task a defined widget waits before its first render (FanElement). A pseudo-element
 * comes last; `:is()` forgives a browser that does not know `:state()`.
 */
const undefinedRule = (sel: string) => sel.replace(/(::before|::after)?$/, ':is(:not(:defined),:state(pending))$1');

/** The placeholder as shadow-root CSS for `tag`, or '' when it has none. */
export function placeholderCss(tag: string): string {
  const rules = PLACEHOLDERS[tag];
  if (!rules) return '';
  return Object.entries(rules)
    .map(([sel, css]) => {
      const [own = '', pseudo = ''] = sel.split(/(?=::)/);
      return own || pseudo ? `:host${own ? `(${own})` : ''}${pseudo}{${css}}` : `:host{display:block;${css}}`;
    })
    .join('');
}
