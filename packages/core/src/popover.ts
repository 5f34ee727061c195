import type { ReactiveController, ReactiveControllerHost } from 'lit';
import type { Placement } from '@floating-ui/dom';

type Host = ReactiveControllerHost & HTMLElement;

/**
 * A popover anchored to a button inside a widget's shadow root. The host renders the
 * panel while `openFor` is set; on open, ./popover-attach.js (with @floating-ui/dom,
 * loaded on first use) places it, closes it on Escape, an outside click or focus
 * leaving it, and this controller hands focus back to the anchor.
 */
export class PopoverController implements ReactiveController {
  /** Which popover is open (the host's own key, e.g. a network name), or undefined. */
  openFor: string | undefined;
  private anchor?: HTMLElement;
  private detach?: () => void;

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
    // Until the placing code has arrived (a chunk of its own on the first popover), the
    // panel stays unseen: shown in the wrong place, it would also not yet hear Escape.
    if (panel) panel.style.visibility = 'hidden';
    const { attach } = await import('./popover-attach.js');
    if (!panel || this.openFor !== key) return;
    const detach = await attach(anchor, panel, this.placement, (returnFocus) => this.hide(returnFocus));
    if (this.openFor === key) this.detach = detach;
    else detach();
  }

  hide(returnFocus = true): void {
    if (!this.openFor) return;
    this.detach?.();
    this.detach = undefined;
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
