export interface RestartPolicy {
  /** restarts tried before giving up; 0: give up at once */
  retries: number;
  /** wait before the first restart; each next wait doubles */
  firstDelayMs: number;
  /** the longest wait */
  maxDelayMs: number;
}

/** The wait before each restart: exponential from `firstDelayMs`, capped at `maxDelayMs`. */
export function backoffDelays(policy: RestartPolicy): number[] {
  return Array.from({ length: policy.retries }, (_, attempt) =>
    Math.min(policy.maxDelayMs, policy.firstDelayMs * 2 ** attempt),
  );
}
