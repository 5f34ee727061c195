// The one warning format of every widget, controller and loader:
//   <fan-share#footer> ignored size="xl": expected one of s, m, l. Keeping the default.
// A widget inside another one (the share buttons of a 2048 game) is named inside its
// outer widget, so a marketer knows which tag on the page to fix.

/** `<fan-2048#spring> <fan-share>`: the element, and the fan-* widgets around it. */
export function widgetLabel(el: Element | undefined): string {
  if (!el) return 'Fanfare';
  let label = '';
  // Out of each shadow root to its host; a detached tree's root ends it, even a link (whose
  // `host` is its URL's, a string with no localName).
  for (let n: Element | undefined = el; n?.localName; n = (n.getRootNode() as ShadowRoot).host) {
    if (n == el || /^fan-/.test(n.localName)) label = `<${n.localName}${n.id ? `#${n.id}` : ''}>${label && ' ' + label}`;
  }
  return label;
}

/**
 * One console warning about `el`, in the shared format. An element not yet in the page
 * (a widget that another one's template is still building) is named a moment later,
 * once it has its place and so its outer widget.
 */
export function warn(el: Element | undefined, text: string): void {
  const say = () => console.warn(`${widgetLabel(el)} ${text}`);
  if (el && !el.isConnected) queueMicrotask(say);
  else say();
}

/**
 * Log one warning that names the element, the attribute and the value, and what the
 * widget keeps instead (its default, unless part of the value was good).
 */
export function warnAttribute(el: Element | undefined, attr: string, value: string, reason: string, keeping = 'the default'): void {
  warn(el, `ignored ${attr}="${value}": ${reason}. Keeping ${keeping}.`);
}
