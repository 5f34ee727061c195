import { cssVars } from '@fanfare/core/css-vars';
import { html, nothing, type ReactiveController, type ReactiveControllerHost } from 'lit';
import { CARD, MAX_STICKERS, STICKER_SIZE, type Sticker } from '../logic/card.js';
import { clampSticker } from '../logic/geometry.js';

export const EMOJI = ['🎉', '🎂', '🎈', '🎁', '❤️', '🌸', '⭐', '🌙', '🏮', '🎄', '😊', '👍'];

type Say = (key: 'stickers' | 'add' | 'sticker' | 'keys' | 'touch' | 'remove', vars?: Record<string, string>) => string;
type Host = ReactiveControllerHost & HTMLElement;
type Point = { x: number; y: number };
type Field = 'x' | 'y' | 'scale' | 'rotation';

// Arrow keys move by 10 card pixels (50 with Shift); + and - scale by 10 %; R rotates by 15°.
const KEYS: Record<string, [Field, number]> = {
  ArrowLeft: ['x', -1],
  ArrowRight: ['x', 1],
  ArrowUp: ['y', -1],
  ArrowDown: ['y', 1],
  '+': ['scale', 1],
  '=': ['scale', 1],
  '-': ['scale', -1],
  r: ['rotation', 1.5],
  R: ['rotation', -1.5],
};
const span = (q: Point[]) => Math.hypot(q[1].x - q[0].x, q[1].y - q[0].y) || 1;
const turn = (q: Point[]) => (Math.atan2(q[1].y - q[0].y, q[1].x - q[0].x) * 180) / Math.PI;
const pct = (v: number, of: number) => `${(v / of) * 100}%`;

/**
 * The fan's stickers and the ways to place them: a pointer drags, a second pointer
 * pinches to scale and twists to rotate, the wheel scales (Shift: rotates), and keys do
 * all of it for keyboard and screen-reader users. Loaded when the fan first reaches
 * the sticker step.
 */
export class StickerController implements ReactiveController {
  list: Sticker[] = [];
  sel = -1;
  private pointers = new Map<number, Point>();

  constructor(
    private readonly host: Host,
    private readonly say: Say,
  ) {
    host.addController(this);
  }

  hostDisconnected(): void {
    this.pointers.clear();
  }

  private set(list: Sticker[], sel = this.sel) {
    this.list = list;
    this.sel = sel;
    this.host.requestUpdate();
  }

  private change(i: number, field: Field, by: number, set?: Partial<Sticker>) {
    this.set(this.list.map((k, j) => (j === i ? clampSticker({ ...k, [field]: k[field] + by, ...set }) : k)));
  }

  private focus(selector: string) {
    void this.host.updateComplete.then(() => this.host.shadowRoot?.querySelector<HTMLElement>(selector)?.focus());
  }

  add(emoji: string): void {
    this.set([...this.list, { emoji, x: CARD.w / 2, y: CARD.h / 3, scale: 100, rotation: 0 }], this.list.length);
    this.focus(`[data-i="${this.sel}"]`);
  }

  drop(i: number): void {
    this.set(
      this.list.filter((_, j) => j !== i),
      -1,
    );
    this.focus('.emoji');
  }

  /** The handles laid over the card, one transparent button on each sticker. */
  overlay() {
    return html`<div class="stickers" @pointerdown=${this.onDown} @pointermove=${this.onMove} @pointerup=${this.onUp} @pointercancel=${this.onUp}>
      ${this.list.map(
        (k, i) => html`<button
          class="handle"
          ${cssVars({ '--x': pct(k.x, CARD.w), '--y': pct(k.y, CARD.h), '--size': pct((STICKER_SIZE * k.scale) / 100, CARD.w), '--r': `${k.rotation}deg` })}
          aria-label=${this.say('sticker', { e: k.emoji })}
          aria-describedby="keys"
          aria-current=${i === this.sel ? 'true' : nothing}
          data-i=${i}
          @focus=${() => this.set(this.list, i)}
          @keydown=${(e: KeyboardEvent) => this.onKey(e, i)}
          @wheel=${(e: WheelEvent) => {
            e.preventDefault();
            this.change(i, e.shiftKey ? 'rotation' : 'scale', e.deltaY < 0 ? 5 : -5);
          }}
        ></button>`,
      )}
    </div>`;
  }

  /** The palette and help shown in the step's panel. */
  panel() {
    const k = this.list[this.sel];
    return html`<fieldset>
        <legend>${this.say('stickers')}</legend>
        ${EMOJI.map(
          (e) =>
            html`<button part="button" class="emoji" aria-label=${this.say('add', { e })} ?disabled=${this.list.length >= MAX_STICKERS} @click=${() => this.add(e)}>
              ${e}
            </button>`,
        )}
      </fieldset>
      <p id="keys" class="hint">${this.say(matchMedia('(pointer: coarse)').matches ? 'touch' : 'keys')}</p>
      ${k ? html`<button part="button" class="secondary" @click=${() => this.drop(this.sel)}>${this.say('remove')} ${k.emoji}</button>` : nothing}`;
  }

  private onKey(e: KeyboardEvent, i: number) {
    const m = KEYS[e.key];
    if (e.key === 'Delete' || e.key === 'Backspace') this.drop(i);
    else if (m) this.change(i, m[0], m[1] * (e.shiftKey && (m[0] === 'x' || m[0] === 'y') ? 50 : 10));
    else return;
    e.preventDefault();
  }

  private onDown = (e: PointerEvent) => {
    const i = Number((e.target as HTMLElement).dataset.i ?? -1);
    if (i >= 0) this.set(this.list, i);
    // A second finger may land anywhere on the card to pinch the chosen sticker.
    if (this.sel < 0 || (i < 0 && !this.pointers.size)) return;
    (e.currentTarget as HTMLElement).setPointerCapture(e.pointerId);
    this.pointers.set(e.pointerId, { x: e.clientX, y: e.clientY });
  };

  private onMove = (e: PointerEvent) => {
    const p = this.pointers;
    const last = p.get(e.pointerId);
    const k = this.list[this.sel];
    if (!last || !k) return;
    const before = [...p.values()];
    p.set(e.pointerId, { x: e.clientX, y: e.clientY });
    const after = [...p.values()];
    const unit = CARD.w / ((e.currentTarget as HTMLElement).clientWidth || CARD.w);
    if (p.size === 1) this.change(this.sel, 'x', (e.clientX - last.x) * unit, { y: k.y + (e.clientY - last.y) * unit });
    else this.change(this.sel, 'scale', 0, { scale: (k.scale * span(after)) / span(before), rotation: k.rotation + turn(after) - turn(before) });
  };

  private onUp = (e: PointerEvent) => {
    this.pointers.delete(e.pointerId);
  };
}
