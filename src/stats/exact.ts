import { logChoose, logSumExp } from './logmath.js';

/**
 * P(X >= k) for X ~ Binomial(n, 1/2), summed in log space: jstat's binomial CDF underflows to 0 long before
 * the truth does (n = 10,000, k = 6,000 is about 1e-89).
 */
export function binomialUpperTailHalf(n: number, k: number): number {
  if (k <= 0) return 1;
  if (k > n) return 0;
  const terms: number[] = [];
  const log2n = n * Math.LN2;
  for (let j = k; j <= n; j++) terms.push(logChoose(n, j) - log2n);
  return Math.min(1, Math.exp(logSumExp(terms)));
}

/**
 * One-sided Fisher exact test on [[a, b], [c, d]] = [[baseline passes, baseline fails], [candidate passes,
 * candidate fails]], H1: the candidate's pass probability is lower. Conditioning on the margins, the candidate
 * pass count C is hypergeometric and p = P(C <= c). Equals scipy fisher_exact(alternative='greater').
 */
export function fisherOneSided(a: number, b: number, c: number, d: number): number {
  const n1 = a + b;
  const n2 = c + d;
  const m = a + c;
  const lo = Math.max(0, m - n1);
  const denom = logChoose(n1 + n2, m);
  const terms: number[] = [];
  for (let x = lo; x <= c; x++) terms.push(logChoose(n2, x) + logChoose(n1, m - x) - denom);
  return Math.min(1, Math.exp(logSumExp(terms)));
}
