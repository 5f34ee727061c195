import { html, nothing, type ReactiveControllerHost } from 'lit';
import type { Locale } from '@fanfare/core';
import { MAX_MESSAGE, type Template } from '../logic/card.js';
import { clipGraphemes, graphemeCount } from '../logic/text.js';
import { toHex } from '../color.js';

type Say = (key: 'message' | 'count' | 'countSpoken' | 'color' | 'wishes', vars?: Record<string, number>) => string;
type Host = ReactiveControllerHost & { readonly locale: Locale };

/** The fan's words on the card and their colour: the message step. */
export class MessageEditor {
  message = '';
  /** The colour the fan picked, `#rrggbb`; empty for the design's own. */
  color = '';

  constructor(
    private readonly host: Host,
    private readonly say: Say,
  ) {}

  private set(message: string, color = this.color) {
    this.message = message;
    this.color = color;
    this.host.requestUpdate();
  }

  /** A new design brings its own text colour. */
  designChanged(): void {
    this.set(this.message, '');
  }

  panel(t: Template) {
    const say = this.say;
    const wishes = t.wishes[this.host.locale];
    const count = { n: graphemeCount(this.message), max: MAX_MESSAGE };
    // The visible count is short; screen readers get it in words (a slash would be read out).
    return html`<label for="msg">${say('message')}</label>
      <textarea id="msg" rows="3" aria-describedby="count" .value=${this.message} @input=${this.onText}></textarea>
      <p class="hint"><span aria-hidden="true">${say('count', count)}</span><span id="count" class="sr-only">${say('countSpoken', count)}</span></p>
      <label class="row"
        >${say('color')}
        <input type="color" .value=${this.color || toHex(t.text.color)} @input=${(e: Event) => this.set(this.message, (e.target as HTMLInputElement).value)} />
      </label>
      ${wishes.length
        ? html`<fieldset>
            <legend>${say('wishes')}</legend>
            ${wishes.map((w) => html`<button part="button" class="wish" @click=${() => this.set(w)}>${w}</button>`)}
          </fieldset>`
        : nothing}`;
  }

  private onText = (e: Event) => {
    const area = e.target as HTMLTextAreaElement;
    // The limit is in graphemes, not UTF-16 units: an emoji family counts as one character.
    if (graphemeCount(area.value) > MAX_MESSAGE) area.value = clipGraphemes(area.value, MAX_MESSAGE);
    this.set(area.value);
  };
}
