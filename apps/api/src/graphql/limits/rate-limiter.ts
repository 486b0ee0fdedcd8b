/**
 * Token buckets by client (a token's id, or the IP of an anonymous client), filled continuously at
 * `perMinute` up to `perMinute`, spent by query cost. In memory, per process: behind a load
 * balancer with N instances a client may spend up to N times the rate.
 */
export class CostRateLimiter {
  private readonly buckets = new Map<string, { level: number; at: number }>();

  constructor(
    private readonly perMinute: (key: string) => number,
    private readonly now: () => number = Date.now,
    private readonly maxClients = 100_000,
  ) {}

  /** Spends `cost` from `key`'s bucket; answers 0 when allowed, else the seconds to wait. */
  take(key: string, cost: number): number {
    const rate = this.perMinute(key);
    if (rate <= 0) return 0;
    const bucket = this.refilled(key, rate);
    // A single operation larger than the whole bucket would wait forever; let it drain the bucket.
    const spend = Math.min(cost, rate);
    if (bucket.level < spend) {
      this.remember(key, bucket);
      return Math.max(1, Math.ceil(((spend - bucket.level) / rate) * 60));
    }
    bucket.level -= spend;
    this.remember(key, bucket);
    return 0;
  }

  /**
   * Spends up to `cost` from `key`'s bucket, whatever is left of it: for work already done that
   * cost more than was taken beforehand (an operation whose lists held more than its cost counted).
   */
  drain(key: string, cost: number): void {
    const rate = this.perMinute(key);
    if (rate <= 0) return;
    const bucket = this.refilled(key, rate);
    bucket.level = Math.max(0, bucket.level - cost);
    this.remember(key, bucket);
  }

  /** `key`'s bucket as it is now: filled for the time since it was last seen. */
  private refilled(key: string, rate: number): { level: number; at: number } {
    const now = this.now();
    const bucket = this.buckets.get(key) ?? { level: rate, at: now };
    bucket.level = Math.min(rate, bucket.level + ((now - bucket.at) / 60_000) * rate);
    bucket.at = now;
    return bucket;
  }

  private remember(key: string, bucket: { level: number; at: number }): void {
    this.buckets.delete(key);
    this.buckets.set(key, bucket);
    if (this.buckets.size > this.maxClients) {
      // Forget the least recently seen client (its bucket would be full again by now anyway).
      const oldest = this.buckets.keys().next().value;
      if (oldest !== undefined) this.buckets.delete(oldest);
    }
  }
}
