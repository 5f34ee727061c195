import { LitElement, type PropertyDeclaration } from 'lit';
import { fanfare } from './config.js';
import { converting, withAttribute, type FanConverter } from './converters.js';
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
    // A bundled app imports a widget long before one connects: window.fanfare (and so
    // window.fanfare.configure) must be there from the import on, as with the script tag.
    fanfare();
    if (!customElements.get(tag)) customElements.define(tag, this);
  }

  /**
   * A property takes what its attribute takes. Frameworks (React 19, Vue) set properties,
   * often with the attribute's string form (`networks="x copy"`, `rewards="[…]"`, a
   * relative `url`): such a string goes through the attribute's converter, so it is
   * parsed, resolved against the page and warned about exactly as the attribute would
   * be. A value of the property's own type (an array, an object) is taken as it is.
   */
  protected static override getPropertyDescriptor(name: PropertyKey, key: string | symbol, options: PropertyDeclaration) {
    const d = super.getPropertyDescriptor(name, key, options);
    const c = options.converter as Partial<FanConverter<unknown>> | undefined;
    const set = d?.set;
    // While Lit applies an attribute, the value has been converted already. A warning
    // names the property, which is what the code set.
    if (set && c?.parse) {
      d.set = function (this: FanElement, v: unknown) {
        set.call(this, typeof v == 'string' && !converting(this) ? withAttribute(this, String(name), () => c.fromAttribute!(v || null)) : v);
      };
    }
    return d;
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
      new CustomEvent(name, { detail, bubbles: true, composed: true, cancelable: !!options.cancelable }),
    );
  }
}

/** The closest `lang` above `el`, crossing shadow roots up to the page. */
function closestLang(el: Element): string | null | undefined {
  for (let n: Node | null = el.parentNode; n; n = n instanceof ShadowRoot ? n.host : n.parentNode) {
    // Only elements have attributes; a shadow root or the document reads as undefined.
    const lang = (n as Element).getAttribute?.('lang');
    if (lang != null) return lang;
  }
  return undefined;
}
