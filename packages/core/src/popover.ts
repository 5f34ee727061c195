import type { ReactiveController, ReactiveControllerHost } from 'lit';

type Placement = 'top' | 'bottom' | 'left' | 'right' | 'top-start' | 'bottom-start' | 'top-end' | 'bottom-end';

type Host = ReactiveControllerHost & HTMLElement;

const FOCUSABLE = 'button, [href], input, select, textarea, [tabindex]:not([tabindex="-1"])';

/**
 * A popover anchored to a button inside a widget's shadow root. The host renders the
 * panel while `openFor` is set; this controller positions it with @floating-ui/dom
 * (loaded on first open), flips and shifts it at the viewport's edges, closes it on
 * Escape, an outside click or focus leaving it, and hands focus back to the anchor.
 */
export class PopoverController implements ReactiveController {
  /** Which popover is open (the host's own key, e.g. a network name), or undefined. */
  openFor: string | undefined;
  private anchor?: HTMLElement;
  private cleanup: (() => void)[] = [];

  constructor(
    private readonly host: Host,
    private readonly panel: () => HTMLElement | null | undefined,
    private readonly placement: Placement = 'bottom',
  ) {
    host.addController(this);
  }

  async show(key: string, anchor: HTMLElement): Promise<void> {
    if (this.openFor) this.hide(false);
    this.openFor = key;
    this.anchor = anchor;
    anchor.setAttribute('aria-expanded', 'true');
    this.host.requestUpdate();
    await this.host.updateComplete;
    const panel = this.panel();
    if (!panel || this.openFor !== key) return;
    panel.style.visibility = 'hidden';
    const { computePosition, autoUpdate, offset, flip, shift } = await import('@floating-ui/dom');
    if (this.openFor !== key) return;
    const place = () =>
      computePosition(anchor, panel, {
        strategy: 'fixed',
        placement: this.placement,
        middleware: [offset(8), flip(), shift({ padding: 8 })],
      }).then(({ x, y }) => {
        panel.style.left = `${x}px`;
        panel.style.top = `${y}px`;
        panel.style.visibility = '';
      });
    this.cleanup.push(autoUpdate(anchor, panel, place));
    const onKey = (e: KeyboardEvent) => {
      if (e.key === 'Escape') {
        e.stopPropagation();
        this.hide(true);
      }
    };
    const inside = (node: EventTarget | null) =>
      node instanceof Node && (panel.contains(node) || anchor.contains(node));
    const onPointer = (e: PointerEvent) => {
      if (!e.composedPath().some(inside)) this.hide(false);
    };
    const onFocusOut = (e: FocusEvent) => {
      if (e.relatedTarget && !inside(e.relatedTarget)) this.hide(false);
    };
    panel.addEventListener('keydown', onKey);
    anchor.addEventListener('keydown', onKey);
    panel.addEventListener('focusout', onFocusOut);
    // An outside click can only be seen at the document; the listener lives only while open.
    document.addEventListener('pointerdown', onPointer, true);
    this.cleanup.push(() => {
      panel.removeEventListener('keydown', onKey);
      anchor.removeEventListener('keydown', onKey);
      panel.removeEventListener('focusout', onFocusOut);
      document.removeEventListener('pointerdown', onPointer, true);
    });
    (panel.querySelector<HTMLElement>(FOCUSABLE) ?? panel).focus();
  }

  hide(returnFocus = true): void {
    if (!this.openFor) return;
    for (const fn of this.cleanup.splice(0)) fn();
    this.openFor = undefined;
    this.anchor?.setAttribute('aria-expanded', 'false');
    if (returnFocus) this.anchor?.focus();
    this.anchor = undefined;
    this.host.requestUpdate();
  }

  hostDisconnected(): void {
    this.hide(false);
  }
}
