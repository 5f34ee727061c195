import { autoUpdate, computePosition, flip, offset, shift, type Placement } from '@floating-ui/dom';

const FOCUSABLE = 'button, [href], input, select, textarea, [tabindex]:not([tabindex="-1"])';

/**
 * Place `panel` by `anchor` (flipping and shifting at the viewport's edges, following
 * scrolls and resizes), wire the ways it closes, and move focus into it. Loaded with
 * @floating-ui/dom on the first popover a page opens. Returns the undo.
 */
export async function attach(
  anchor: HTMLElement,
  panel: HTMLElement,
  placement: Placement,
  close: (returnFocus: boolean) => void,
): Promise<() => void> {
  panel.style.visibility = 'hidden';
  const place = () =>
    computePosition(anchor, panel, {
      strategy: 'fixed',
      placement,
      middleware: [offset(8), flip(), shift({ padding: 8 })],
    }).then(({ x, y }) => {
      panel.style.left = `${x}px`;
      panel.style.top = `${y}px`;
      panel.style.visibility = '';
    });
  const stop = autoUpdate(anchor, panel, place);
  const inside = (node: EventTarget | null) => node instanceof Node && (panel.contains(node) || anchor.contains(node));
  const onKey = (e: KeyboardEvent) => {
    if (e.key !== 'Escape') return;
    e.stopPropagation();
    close(true);
  };
  const onPointer = (e: PointerEvent) => {
    if (!e.composedPath().some(inside)) close(false);
  };
  const onFocusOut = (e: FocusEvent) => {
    if (e.relatedTarget && !inside(e.relatedTarget)) close(false);
  };
  panel.addEventListener('keydown', onKey);
  anchor.addEventListener('keydown', onKey);
  panel.addEventListener('focusout', onFocusOut);
  // An outside click can only be seen at the document; the listener lives only while open.
  document.addEventListener('pointerdown', onPointer, true);
  // Hidden panels cannot take focus: wait until it is placed and shown. Focus goes to the
  // field marked data-autofocus (the one thing to do there), else the first control.
  await place();
  (panel.querySelector<HTMLElement>('[data-autofocus]') ?? panel.querySelector<HTMLElement>(FOCUSABLE) ?? panel).focus();
  return () => {
    stop();
    panel.removeEventListener('keydown', onKey);
    anchor.removeEventListener('keydown', onKey);
    panel.removeEventListener('focusout', onFocusOut);
    document.removeEventListener('pointerdown', onPointer, true);
  };
}
