interface Bucket {
  tokens: number;
  last: number;
}

/** A token bucket per key. `take` answers 0 when allowed, else the seconds to wait. */
export class TokenBuckets {
  readonly #buckets = new Map<string, Bucket>();

  constructor(
    private readonly perSecond: number,
    private readonly burst: number,
    private readonly now: () => number = Date.now,
    private readonly maxKeys = 100_000,
  ) {}

  take(key: string): number {
    if (this.perSecond <= 0) return 0;
    const now = this.now();
    let b = this.#buckets.get(key);
    if (!b) {
      if (this.#buckets.size >= this.maxKeys) this.#sweep(now);
      b = { tokens: this.burst, last: now };
      this.#buckets.set(key, b);
    } else {
      b.tokens = Math.min(this.burst, b.tokens + ((now - b.last) / 1000) * this.perSecond);
      b.last = now;
    }
    if (b.tokens >= 1) {
      b.tokens -= 1;
      return 0;
    }
    return Math.max(1, Math.ceil((1 - b.tokens) / this.perSecond));
  }

  // Full buckets carry no information: forgetting them changes no answer.
  #sweep(now: number): void {
    for (const [key, b] of this.#buckets) {
      if (b.tokens + ((now - b.last) / 1000) * this.perSecond >= this.burst) this.#buckets.delete(key);
    }
    // Under a flood of distinct keys nothing is full; start over rather than grow without bound.
    if (this.#buckets.size >= this.maxKeys) this.#buckets.clear();
  }
}
