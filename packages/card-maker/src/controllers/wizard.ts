import type { ReactiveController, ReactiveElement } from 'lit';

/** The four steps of making a card, in order. */
export const STEPS = ['design', 'message', 'decorate', 'send'] as const;
export type Step = (typeof STEPS)[number];

/**
 * Where the fan is in making a card. Moving on or back calls `entered(step)`, then,
 * once the new step is on screen, puts focus on its heading, so a screen reader starts
 * reading the new step and a keyboard user goes on from there.
 */
export class Wizard implements ReactiveController {
  step: Step = 'design';
  private moved = false;

  constructor(
    private readonly host: ReactiveElement,
    private readonly entered: (step: Step) => void,
  ) {
    host.addController(this);
  }

  /** The step before this one, or undefined on the first. */
  get previous(): Step | undefined {
    return STEPS[STEPS.indexOf(this.step) - 1];
  }

  /** The step after this one, or undefined on the last. */
  get next(): Step | undefined {
    return STEPS[STEPS.indexOf(this.step) + 1];
  }

  go(step: Step): void {
    this.step = step;
    this.moved = true;
    this.entered(step);
    this.host.requestUpdate();
  }

  hostUpdated(): void {
    if (!this.moved) return;
    this.moved = false;
    this.host.renderRoot.querySelector<HTMLElement>('h2')?.focus();
  }
}
