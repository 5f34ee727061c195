import { LitElement } from 'lit';
import { fanfare } from './config.js';
import { withAttribute } from './converters.js';
import type { FanEventDetails, FanEventName } from './events.js';
import { pickLocale, type Locale } from './logic/locale.js';

/**
 * The base of every Fanfare widget: typed events, a define() that survives the SDK
 * being loaded twice, attribute warnings that name the element, and the locale.
 */
export class FanElement extends LitElement {
  /**
   * Register the class under `tag` unless that tag is taken already (the SDK loaded
   * twice, or a bundler copy beside the script tag). Never throws.
   */
  static define(tag: string): void {
    if (!customElements.get(tag)) customElements.define(tag, this);
  }

  static override get observedAttributes(): string[] {
    // `lang` is the native HTMLElement property; observing it re-renders in the new language.
    return [...super.observedAttributes, 'lang'];
  }

  private unsubscribe?: () => void;

  override connectedCallback(): void {
    super.connectedCallback();
    // A page may set the language or other settings later through fanfare.configure().
    this.unsubscribe = fanfare().subscribe(() => this.requestUpdate());
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.unsubscribe?.();
    this.unsubscribe = undefined;
  }

  override attributeChangedCallback(name: string, old: string | null, value: string | null): void {
    if (name === 'lang') this.requestUpdate();
    withAttribute(this, name, () => super.attributeChangedCallback(name, old, value));
  }

  /**
   * The widget's locale: its own `lang`, then the page-wide `lang` setting, then the
   * closest `[lang]` ancestor (across shadow roots), then the browser's language.
   */
  get locale(): Locale {
    return pickLocale([this.getAttribute('lang'), fanfare().config.lang, closestLang(this), navigator.language]);
  }

  /**
   * Dispatch a typed `fan-*` event that bubbles out of the shadow root.
   * Returns false when a listener called preventDefault() on a cancelable event.
   */
  emit<K extends FanEventName>(name: K, detail: FanEventDetails[K], options: { cancelable?: boolean } = {}): boolean {
    return this.dispatchEvent(
      new CustomEvent(name, { detail, bubbles: true, composed: true, cancelable: options.cancelable ?? false }),
    );
  }
}

/** The closest `lang` above `el`, crossing shadow roots up to the page. */
function closestLang(el: Element): string | null {
  for (let n: Node | null = el.parentNode; n; n = n instanceof ShadowRoot ? n.host : n.parentNode) {
    if (n instanceof Element && n.hasAttribute('lang')) return n.getAttribute('lang');
  }
  return null;
}
