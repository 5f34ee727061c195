import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { pageColor, pageUrl, warnAttribute } from '@fanfare/core';
import { Task } from '@fanfare/core/task';
import type { Template } from '../logic/card.js';
import { loadTemplates } from '../logic/templates.js';

type Host = ReactiveControllerHost & HTMLElement;

/** Read the `templates` attribute: inline JSON, or a URL of a JSON file. */
async function read(raw: string, signal: AbortSignal): Promise<unknown> {
  if (/^[[{]/.test(raw)) return JSON.parse(raw);
  const u = pageUrl(raw);
  if (!u.ok) throw Error(u.reason);
  const res = await fetch(u.value, { signal });
  if (!res.ok) throw Error(`HTTP ${res.status}`);
  return res.json();
}

/**
 * A brand's own designs (the `templates` attribute), validated, with one warning for
 * what was left out. Loaded only for a page that names its own templates.
 */
export class TemplateSource implements ReactiveController {
  private raw = '';
  private task: Task<[string], Template[]>;

  constructor(host: Host) {
    this.task = new Task(host, async ([raw], signal) => {
      let data: unknown = [];
      try {
        data = await read(raw, signal);
      } catch (e) {
        if (signal.aborted) throw e;
        warnAttribute(host, 'templates', raw.slice(0, 80), `cannot be read (${(e as Error).message})`);
      }
      const { templates, warnings } = loadTemplates(data, {
        color: (v) => pageColor(v).ok,
        url: (v) => {
          const u = pageUrl(v);
          return u.ok ? u.value : undefined;
        },
      });
      if (warnings.length && !signal.aborted) {
        const kept = templates.length ? templates.map((t) => t.id).join(', ') : 'the built-in designs';
        warnAttribute(host, 'templates', raw.slice(0, 80), warnings.join('; '), kept);
      }
      // The widget renders the designs in a task after the one that checked them: the two
      // together were one task of 20-55 ms at 4× CPU slowdown (the demo shop's three designs).
      await new Promise<void>((go) => setTimeout(() => go()));
      return templates;
    });
    host.addController(this);
  }

  hostConnected(): void {
    // Leaving the page mid-load dropped the answer: a widget put back asks again.
    if (this.raw && this.task.status === 'initial') void this.task.run(this.raw);
  }

  /** The usable designs (maybe none), or undefined until the first answer. */
  get list(): Template[] | undefined {
    return this.task.value;
  }

  /** Follow the attribute's value; a newer value's answer replaces an older one still on its way. */
  load(raw: string): void {
    this.raw = raw.trim();
    if (this.raw) void this.task.run(this.raw);
    else this.task.reset();
  }
}
