import { describe, expect, it } from 'vitest';
import { normalizeConfig } from '../src/logic/config.js';

const base = 'https://shop.example/';

describe('attribution settings (data-attribution-days, data-attribution)', () => {
  it('takes a number of days from 1 to 90 (the server’s own limit) and first or last touch', () => {
    expect(normalizeConfig({ attributionDays: '30', attribution: 'LAST' }, base, () => {})).toEqual({ attributionDays: 30, attribution: 'last' });
    expect(normalizeConfig({ attributionDays: 1, attribution: 'first' }, base, () => {})).toEqual({ attributionDays: 1, attribution: 'first' });
    expect(normalizeConfig({ attributionDays: '90' }, base, () => {})).toEqual({ attributionDays: 90 });
  });

  it('refuses anything else with a reason, keeping the rest', () => {
    const warnings: string[] = [];
    const out = normalizeConfig({ attributionDays: '0', attribution: 'linear', site: 'bloom' }, base, (k, _v, reason) => warnings.push(`${k}: ${reason}`));
    expect(out).toEqual({ site: 'bloom' });
    expect(warnings).toEqual(['attributionDays: expected a whole number from 1 to 90', 'attribution: expected one of first, last']);
    for (const bad of ['91', '366', '7.5', 'seven', '', '-7']) expect(normalizeConfig({ attributionDays: bad }, base, () => {})).toEqual({});
  });
});
