/**
 * Exact log-factorials from a table grown on demand: sums of logs, not a Lanczos approximation, because
 * binomial and hypergeometric coefficients at n = 20,000 need about 1e-12 absolute accuracy in log space.
 */
const table: number[] = [0];

export function logFactorial(n: number): number {
  if (n < 0 || !Number.isInteger(n)) throw new RangeError(`logFactorial(${n})`);
  for (let i = table.length; i <= n; i++) table.push(table[i - 1] + Math.log(i));
  return table[n];
}

export function logChoose(n: number, k: number): number {
  if (k < 0 || k > n) return -Infinity;
  return logFactorial(n) - logFactorial(k) - logFactorial(n - k);
}

/** log(sum(exp(xs))) without overflow or underflow. */
export function logSumExp(xs: number[]): number {
  let max = -Infinity;
  for (const x of xs) if (x > max) max = x;
  if (max === -Infinity) return -Infinity;
  let s = 0;
  for (const x of xs) s += Math.exp(x - max);
  return max + Math.log(s);
}
