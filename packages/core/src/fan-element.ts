import { LitElement, type PropertyDeclaration, type PropertyDeclarations } from 'lit';
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

  // `lang` is the native HTMLElement property, which this leaves alone: a reactive property of
  // another name observes the attribute, so a change of it re-renders in the new language
  // (as an observedAttributes getter would, in fewer bytes).
  static override properties: PropertyDeclarations = { _lang: { attribute: 'lang' } };

  #unsubscribe?: () => void;

  /**
   * The first render is a task of its own, after the one that defined the widget: a module
   * that defines a widget shown several times on a page, then renders each, is otherwise one
   * long task. Meanwhile the widget is `:state(pending)`, which fanfare.css reserves as it
   * does a widget not yet defined, so nothing on the page moves. Only in the page itself:
   * a page's stylesheet reserves nothing inside a shadow root (the 2048 game's share buttons).
   */
  protected override async scheduleUpdate(): Promise<void> {
    if (!this.hasUpdated && this.getRootNode() == document) {
      try {
        const states = this.attachInternals().states;
        states.add('pending');
        // An arrow of this file's, not `resolve` itself: the task then has a script URL, so
        // Long Animation Frames and profiles lay the first render at core's door.
        await new Promise<void>((resolve) => setTimeout(() => resolve()));
        // The render below is in this same task: no frame is drawn between the two.
        states.delete('pending');
      } catch {
        // No custom states (before Chromium 125 or Safari 17.4): nothing holds the reservation, so no wait.
      }
    }
    super.scheduleUpdate();
  }

  override connectedCallback(): void {
    super.connectedCallback();
    // A page may set the language or other settings later through fanfare.configure().
    this.#unsubscribe = fanfare().subscribe(() => this.requestUpdate());
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    // Left in place: a second call is a Set's delete of what is gone, harmless.
    this.#unsubscribe?.();
  }

  /**
   * A property takes what its attribute takes. Frameworks (React 19, Vue) set properties,
   * often with the attribute's string form (`networks="x copy"`, `rewards="[…]"`, a
   * relative `url`): such a string goes through the attribute's converter, so it is
   * parsed, resolved against the page and warned about exactly as the attribute would
   * be (the warning names the property). A value of the property's own type (an array,
   * an object) is taken as it is. Done here rather than in a property descriptor, which
   * Lit no longer lets a class override.
   */
  override requestUpdate(name?: PropertyKey, old?: unknown, options?: PropertyDeclaration): void {
    // First, so the update records the value from before the string.
    super.requestUpdate(name, old, options);
    const c = options?.converter as Partial<FanConverter<unknown>> | undefined;
    // Read only for a property with one of our converters.
    const v = c?.parse && (this as unknown as Record<PropertyKey, unknown>)[name!];
    // While Lit applies an attribute, the value has been converted already.
    if (typeof v == 'string' && !converting(this)) {
      const parsed = withAttribute(this, String(name), () => c!.fromAttribute!(v || null));
      if (parsed !== v) (this as unknown as Record<PropertyKey, unknown>)[name!] = parsed;
    }
  }

  override attributeChangedCallback(name: string, old: string | null, value: string | null): void {
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
  emit<K extends FanEventName>(name: K, detail: FanEventDetails[K], options?: { cancelable?: boolean }): boolean {
    return this.dispatchEvent(
      new CustomEvent(name, { detail, bubbles: true, composed: true, cancelable: !!options?.cancelable }),
    );
  }
}

/** The closest `lang` above `el`, crossing shadow roots up to the page. */
function closestLang(el: Element): string | null | undefined {
  // From the parent (an element, a shadow root or the document), then from each outer host.
  // (A detached tree's root is an element, whose `host` is undefined, or a link's URL host: a string, which ends it too.)
  for (let n: Node | null | undefined = el.parentNode; n?.getRootNode; n = (n.getRootNode() as ShadowRoot).host) {
    // Only elements have closest(); a shadow root or the document reads as undefined.
    const found = (n as Element).closest?.('[lang]');
    if (found) return found.getAttribute('lang');
  }
  return undefined;
}
