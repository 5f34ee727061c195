import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { warn } from '@fanfare/core';
import { buildJsonLd, serializeJsonLd, type JsonLdInput } from './logic/jsonld.js';

/**
 * Keeps the host's schema.org JSON-LD in its light DOM, where search engines read it, in
 * step with what the carousel shows: after each update it is written, rewritten or
 * removed (an input without a product name writes nothing). Kept apart so pages without
 * `seo` never load it.
 */
export class JsonLdController implements ReactiveController {
  private script?: HTMLScriptElement;

  constructor(
    private readonly host: ReactiveControllerHost & HTMLElement,
    private readonly input: () => JsonLdInput,
  ) {
    host.addController(this);
  }

  hostUpdated(): void {
    const data = buildJsonLd(this.input());
    const text = data ? serializeJsonLd(data) : '';
    if (text === (this.script?.isConnected ? this.script.text : '')) return;
    this.script?.remove();
    this.script = undefined;
    if (!text) return;
    const script = document.createElement('script');
    script.type = 'application/ld+json';
    try {
      script.text = (policy() ?? String)(text) as string;
    } catch {
      // Trusted Types enforced and our policy refused by the page's allow-list.
      if (!warned) warn(this.host, "could not write JSON-LD: add fanfare-json-ld to the page's trusted-types CSP directive.");
      warned = true;
      return;
    }
    this.host.append((this.script = script));
  }
}

let warned = false;

type Policy = { createScript(s: string): unknown };
let made: Policy | null | undefined;

/**
 * Under `require-trusted-types-for 'script'` the text of any script element, even one
 * that never runs, must come from a policy. Ours only ever sees JSON we serialised
 * ourselves. A page with a `trusted-types` allow-list must name `fanfare-json-ld`.
 */
function policy(): ((s: string) => unknown) | undefined {
  if (made === undefined) {
    const tt = (globalThis as { trustedTypes?: { createPolicy(n: string, p: object): Policy } }).trustedTypes;
    try {
      made = tt?.createPolicy('fanfare-json-ld', { createScript: (s: string) => s }) ?? null;
    } catch {
      // Not on the page's trusted-types allow-list; writing the script will then fail.
      made = null;
    }
  }
  return made ? (s) => made!.createScript(s) : undefined;
}
