import { adoptStyles, type CSSResultOrNative, type LitElement } from 'lit';

const adopted = new WeakMap<ShadowRoot, Set<CSSResultOrNative>>();

/**
 * Add styles that load with a lazily imported part (a panel, a lightbox) to a widget's
 * shadow root, once, after its own. Pages that never open that part never download them.
 */
export function adoptLazyStyles(host: LitElement, styles: CSSResultOrNative): void {
  const root = host.renderRoot as ShadowRoot;
  const done = adopted.get(root) ?? new Set();
  if (done.has(styles)) return;
  done.add(styles);
  adopted.set(root, done);
  adoptStyles(root, [...(host.constructor as typeof LitElement).elementStyles, ...done]);
}
