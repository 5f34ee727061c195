import type { FanBuyerShow } from './fan-buyer-show.js';
import { buildJsonLd, serializeJsonLd } from './logic/jsonld.js';

/**
 * Write (or update, or remove) the element's schema.org JSON-LD in its light DOM, where
 * search engines read it. Kept apart so pages without `seo` never load it.
 */
export function writeJsonLd(host: FanBuyerShow): void {
  const all = host.all;
  const data =
    host.seo !== null &&
    buildJsonLd({
      product: host.seo || all.find((r) => r.product)?.product?.name || '',
      all,
      shown: host.shown,
      average: host.average,
      name: (r) => host.nameOf(r),
    });
  const text = data ? serializeJsonLd(data) : '';
  if (text === (host.ld?.isConnected ? host.ld.text : '')) return;
  host.ld?.remove();
  host.ld = undefined;
  if (!text) return;
  const script = document.createElement('script');
  script.type = 'application/ld+json';
  try {
    script.text = (policy() ?? String)(text) as string;
  } catch {
    // Trusted Types enforced and our policy refused by the page's allow-list.
    if (!warned) console.warn(`<${host.localName}> could not write JSON-LD: add fanfare-json-ld to the page's trusted-types CSP directive.`);
    warned = true;
    return;
  }
  host.append((host.ld = script));
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
