import { noChange } from 'lit';
import { Directive, PartType, directive, type ElementPart, type PartInfo } from 'lit/directive.js';

/**
 * Set CSS custom properties on an element through CSSOM: `<span ${cssVars({'--x': '10%'})}>`.
 * Lit's styleMap writes a `style` attribute on first render, which a strict Content
 * Security Policy (style-src without 'unsafe-inline') blocks; CSSOM is always allowed.
 */
class CssVars extends Directive {
  private previous = new Set<string>();

  constructor(part: PartInfo) {
    super(part);
    if (part.type !== PartType.ELEMENT) throw new Error('cssVars() goes on an element, not in an attribute');
  }

  render(_vars: Record<string, string | number | undefined>) {
    return noChange;
  }

  override update(part: ElementPart, [vars]: [Record<string, string | number | undefined>]) {
    const style = (part.element as HTMLElement).style;
    for (const name of this.previous) if (vars[name] === undefined) style.removeProperty(name);
    this.previous = new Set();
    for (const [name, value] of Object.entries(vars)) {
      if (value === undefined) continue;
      style.setProperty(name, String(value));
      this.previous.add(name);
    }
    return noChange;
  }
}

export const cssVars = directive(CssVars);
