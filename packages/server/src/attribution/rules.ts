// The rules of attribution that do not need a store: what a share token, an order id, an
// amount and a currency look like, and how amounts add up. Pure, so /e, POST /orders and
// the report all hold a value to one rule.

/** DESIGN.md, "Attribution": a share token is 8–16 of `A-Za-z0-9_-`. Anything else is ignored, never an error. */
export const SHARE_TOKEN = /^[A-Za-z0-9_-]{8,16}$/;

/** The shop's own order id: any text up to 128 characters, no control characters. */
export const MAX_ORDER_ID = 128;
const ORDER_ID = /^[^\u0000-\u001f\u007f]{1,128}$/u;

/** Major units as a decimal string, never negative: "49", "49.00", "0.5". At most 8 decimals. */
const AMOUNT = /^(0|[1-9]\d{0,14})(\.\d{1,8})?$/;
const SCALE = 8;

// ISO 4217 as this Node's ICU knows it (about 160 codes, historical ones included): a code
// a shop can price in is on it, and a typo such as "RMB" or "usd" is not.
const CURRENCIES = new Set(Intl.supportedValuesOf('currency'));

export function isShareToken(value: unknown): value is string {
  return typeof value === 'string' && SHARE_TOKEN.test(value);
}

export function isOrderId(value: unknown): value is string {
  return typeof value === 'string' && ORDER_ID.test(value);
}

export function isCurrency(value: unknown): value is string {
  return typeof value === 'string' && CURRENCIES.has(value);
}

// The page's track() (beacon/src/logic/orders.ts) takes an order id as a number too, and a
// currency in any case; the shop's `POST /orders` takes the same forms, read the same way,
// so the page's report of an order and the shop's have one id and one currency.

/** An order id as track() reads it: a number as its decimal string (7001 → "7001"), text as it is. */
export function orderIdOf(value: unknown): unknown {
  return typeof value === 'number' ? String(value) : value;
}

/** A currency as track() reads it: trimmed and upper-cased ("cny" → "CNY"). */
export function currencyOf(value: unknown): unknown {
  return typeof value === 'string' ? value.trim().toUpperCase() : value;
}

/**
 * An amount as the wire or a shop sends it → its canonical decimal string, or null when it
 * is negative, not a number, or more precise or larger than any price. A JSON number is taken too
 * (shops' backends send either), read through its shortest decimal form.
 */
export function amount(value: unknown): string | null {
  let text: string;
  if (typeof value === 'number') {
    if (!Number.isFinite(value) || value < 0) return null;
    text = String(value);
    if (/e/i.test(text)) return null;
  } else if (typeof value === 'string') {
    text = value.trim();
  } else {
    return null;
  }
  if (!AMOUNT.test(text)) return null;
  return text;
}

/** Decimal digits a currency's amounts are written with (2 for CNY, 0 for JPY). */
function minorDigits(currency: string): number {
  try {
    return new Intl.NumberFormat('en', { style: 'currency', currency }).resolvedOptions().maximumFractionDigits ?? 2;
  } catch {
    return 2;
  }
}

function toUnits(value: string): bigint {
  const [whole, frac = ''] = value.split('.');
  return BigInt(whole!) * 10n ** BigInt(SCALE) + BigInt(frac.padEnd(SCALE, '0'));
}

function fromUnits(units: bigint, currency: string): string {
  const base = 10n ** BigInt(SCALE);
  const whole = units / base;
  let frac = (units % base).toString().padStart(SCALE, '0').replace(/0+$/, '');
  frac = frac.padEnd(minorDigits(currency), '0');
  return frac ? `${whole}.${frac}` : `${whole}`;
}

/** Sums per currency, exactly (no floating point), and never across currencies. */
export class Revenue {
  readonly #units = new Map<string, bigint>();

  add(currency: string, value: string): void {
    this.#units.set(currency, (this.#units.get(currency) ?? 0n) + toUnits(value));
  }

  /** Largest amount first, then by code, so the list reads the same on every request. */
  list(): { currency: string; amount: string }[] {
    return [...this.#units]
      .sort(([a, x], [b, y]) => (x === y ? a.localeCompare(b) : x > y ? -1 : 1))
      .map(([currency, units]) => ({ currency, amount: fromUnits(units, currency) }));
  }
}
