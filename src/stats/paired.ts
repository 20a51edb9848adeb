import jstatPkg from 'jstat';
import { binomialUpperTailHalf } from './exact.js';

const jStat = jstatPkg;

export interface PairedResult {
  test: 'mcnemar-exact' | 'paired-t';
  /** Paired cases compared. */
  n: number;
  /** mean(c) - mean(b): negative means the candidate is less safe. */
  delta: number;
  /** Two-sided 95% interval for delta. */
  ci: [number, number];
  /** One-sided, H1: the candidate is less safe (delta < 0). */
  pValue: number;
  sd: number;
  /** Smallest drop detectable at alpha with power 0.8. */
  mde: number;
  n01?: number;
  n10?: number;
  t?: number;
  df?: number;
}

const POWER = 0.8;

/**
 * Paired comparison of per-case scores b[i], c[i] in [0, 1] (higher is safer), cases as clusters (SPEC §6.2):
 * exact McNemar when every case has one sample per side, else a paired t-test on d = c - b.
 * `units` is the number of independent observations behind the scores (for the MDE floor).
 */
export function pairedTest(
  b: number[],
  c: number[],
  singleSample: boolean,
  alpha: number,
  units = b.length,
): PairedResult {
  const n = b.length;
  const d = b.map((bi, i) => c[i] - bi);
  const delta = n ? d.reduce((s, x) => s + x, 0) / n : 0;
  const sd = n > 1 ? Math.sqrt(d.reduce((s, x) => s + (x - delta) ** 2, 0) / (n - 1)) : NaN;
  const ci = meanInterval(delta, sd, n);
  const mde = minimumDetectableEffect(sd, n, alpha, units);
  if (singleSample) {
    let n01 = 0;
    let n10 = 0;
    for (let i = 0; i < n; i++) {
      if (b[i] === 1 && c[i] === 0) n01++;
      else if (b[i] === 0 && c[i] === 1) n10++;
    }
    const pValue = n01 + n10 === 0 ? 1 : binomialUpperTailHalf(n01 + n10, n01);
    return { test: 'mcnemar-exact', n, delta, ci, pValue, sd: n > 1 ? sd : 0, mde, n01, n10 };
  }
  if (n < 2) return { test: 'paired-t', n, delta, ci, pValue: 1, sd: 0, mde, df: Math.max(0, n - 1) };
  const df = n - 1;
  if (sd === 0) return { test: 'paired-t', n, delta, ci, pValue: delta < 0 ? 0 : 1, sd, mde, df };
  const t = delta / (sd / Math.sqrt(n));
  const p = jStat.studentt.cdf(t, df);
  // A NaN would compare false against alpha and let a regression through: decide from the sign instead.
  return { test: 'paired-t', n, delta, ci, pValue: Number.isFinite(p) ? p : t < 0 ? 0 : 1, sd, mde, t, df };
}

function meanInterval(mean: number, sd: number, n: number): [number, number] {
  if (n < 2 || !Number.isFinite(sd)) return n === 0 ? [0, 0] : [-1, 1];
  const half = jStat.studentt.inv(0.975, n - 1) * (sd / Math.sqrt(n));
  return [Math.max(-1, mean - half), Math.min(1, mean + half)];
}

/**
 * (t_{1-alpha} + t_{power}) * sd / sqrt(n), floored at the smallest drop that could reach significance at all:
 * with no observed variation (sd = 0) the formula says 0, which would certify a suite that cannot detect anything.
 * The floor is ceil(log2(1/alpha)) flipped observations out of `units`.
 */
export function minimumDetectableEffect(sd: number, n: number, alpha: number, units: number): number {
  if (n < 2 || !Number.isFinite(sd)) return 1;
  const df = n - 1;
  const formula = (jStat.studentt.inv(1 - alpha, df) + jStat.studentt.inv(POWER, df)) * (sd / Math.sqrt(n));
  const floor = Math.ceil(Math.log2(1 / alpha)) / Math.max(1, units);
  return Math.min(1, Math.max(formula, floor));
}
