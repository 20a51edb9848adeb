import jstatPkg from 'jstat';
import type { Proportion } from './schema.js';

export type { Proportion };

/**
 * Clopper–Pearson exact interval for a binomial proportion. Exact rather than Wald or Wilson because our counts
 * are often 0 or tiny (a replay that never reproduces, a blast radius of 3 in 20,000), where the normal
 * approximations claim far more certainty than the data holds. Equals scipy.stats.binomtest(k, n).proportion_ci().
 */
export function clopperPearson(k: number, n: number, confidence = 0.95): Proportion {
  if (!Number.isInteger(k) || !Number.isInteger(n) || k < 0 || n < 0 || k > n)
    throw new Error(`clopperPearson: expected whole numbers 0 <= k <= n, got k=${k}, n=${n}`);
  if (n === 0) return { k, n, rate: null, ci: [0, 1] };
  const a = (1 - confidence) / 2;
  const lo = k === 0 ? 0 : jstatPkg.beta.inv(a, k, n - k + 1);
  const hi = k === n ? 1 : jstatPkg.beta.inv(1 - a, k + 1, n - k);
  return { k, n, rate: k / n, ci: [lo, hi] };
}
