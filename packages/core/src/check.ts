import type { PropertyDeclaration } from 'lit';
import type { Parsed } from './logic/parse.js';
import type { FanConverter } from './converters.js';

export type Checked = Parsed<unknown>;

/**
 * What a widget would make of `value` for its attribute `name`, without a console
 * warning: the same parser its converter runs. For tools (the docs configurator) that
 * must know what a widget refuses and why (and, for a partly good value, what it keeps). The tag must be defined. An attribute that
 * takes any text, or that the widget does not have, is reported as such.
 */
export function checkAttribute(tag: string, name: string, value: string): Checked {
  const ctor = customElements.get(tag) as (CustomElementConstructor & { elementProperties?: Map<PropertyKey, PropertyDeclaration> }) | undefined;
  if (!ctor?.elementProperties) return { ok: false, reason: `<${tag}> is not defined` };
  for (const [key, options] of ctor.elementProperties) {
    if (options.state) continue;
    const attr = typeof options.attribute === 'string' ? options.attribute : String(key).toLowerCase();
    if (attr !== name || options.attribute === false) continue;
    const parse = (options.converter as Partial<FanConverter<unknown>> | undefined)?.parse;
    return parse ? parse(value) : { ok: true, value };
  }
  if (name === 'lang') return { ok: true, value };
  return { ok: false, reason: `<${tag}> has no attribute ${name}` };
}
