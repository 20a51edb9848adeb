import { logChoose } from './logmath.js';

/** One stratum (case): valid samples and failures (or whatever event is tested) on each side. */
export interface Stratum {
  nb: number;
  fb: number;
  nc: number;
  fc: number;
}

export interface StratifiedResult {
  /** The candidate's total events (failures) over the strata: the test statistic. */
  statistic: number;
  /** Its expectation and variance under H0, conditional on every stratum's margins. */
  expected: number;
  variance: number;
  /** Exact one-sided p = P(S >= statistic | margins); 1 when no stratum is informative. */
  pValue: number;
  /** Strata whose margins leave the candidate's count free (not all events or none). */
  informative: number;
}

/**
 * Hypergeometric pmf of the candidate's events in one stratum given its margins, on x = lo..hi, scaled so its
 * largest term is 1 (the scale cancels in the tail ratio).
 */
function stratumPmf(s: Stratum): { lo: number; pmf: Float64Array } {
  const f = s.fb + s.fc;
  const lo = Math.max(0, f - s.nb);
  const hi = Math.min(s.nc, f);
  const logs: number[] = [];
  for (let x = lo; x <= hi; x++) logs.push(logChoose(s.nc, x) + logChoose(s.nb, f - x));
  const max = Math.max(...logs);
  return { lo, pmf: Float64Array.from(logs, (l) => Math.exp(l - max)) };
}

/**
 * The exact conditional (Mantel–Haenszel, permutation) test stratified by case (SPEC §6.2): given each case's total
 * events over both sides, the candidate's count is hypergeometric; the statistic is the candidate's total and the
 * p-value its exact upper tail, the convolution over cases. With one sample per side it is exact McNemar.
 *
 * The convolution runs in linear space rescaled to its maximum after every case, so nothing overflows, and terms
 * below 1e-40 of the maximum are dropped from the lower end and below `trim` from the upper end, which bounds the
 * work on 20,000-case suites. A first pass trims the upper end at 1e-40 too (dropped mass below 1e-30 of the total,
 * so any p above 1e-20 is exact to ~1e-10 relative); a p below 1e-20 is recomputed trimming the upper end at
 * 1e-280, which only affects p-values below about 1e-270 (reported as 0 or slightly low: far beyond any alpha).
 */
export function stratifiedExact(strata: readonly Stratum[]): StratifiedResult {
  // Far in the tail (z > 9 by the normal approximation, p ~ 1e-19) the coarse pass would only be thrown away.
  let e = 0;
  let v = 0;
  let st = 0;
  for (const s of strata) {
    const n = s.nb + s.nc;
    const f = s.fb + s.fc;
    st += s.fc;
    if (n < 2) continue;
    e += (s.nc * f) / n;
    v += (s.nb * s.nc * f * (n - f)) / (n * n * (n - 1));
  }
  if (v > 0 && (st - e) / Math.sqrt(v) > 9) return convolve(strata, 1e-280);
  const first = convolve(strata, 1e-40);
  return first.pValue >= 1e-20 ? first : convolve(strata, 1e-280);
}

function convolve(strata: readonly Stratum[], trim: number): StratifiedResult {
  let statistic = 0;
  let expected = 0;
  let variance = 0;
  let offset = 0; // value of dist[0]
  let informative = 0;
  // Cases with the same margins share a pmf: suites are mostly a few shapes (k samples, 1 or 2 failures).
  const pmfs = new Map<string, { lo: number; pmf: Float64Array }>();
  let cap = 1024;
  let dist = new Float64Array(cap);
  let next = new Float64Array(cap);
  dist[0] = 1;
  let len = 1;
  for (const s of strata) {
    const f = s.fb + s.fc;
    const n = s.nb + s.nc;
    statistic += s.fc;
    if (n === 0) continue;
    expected += (s.nc * f) / n;
    if (f === 0 || f === n || s.nb === 0 || s.nc === 0) {
      offset += Math.max(0, f - s.nb); // the candidate's count is fixed by the margins
      continue;
    }
    informative++;
    variance += (s.nb * s.nc * f * (n - f)) / (n * n * (n - 1));
    const key = `${s.nb},${s.nc},${f}`;
    let entry = pmfs.get(key);
    if (!entry) pmfs.set(key, (entry = stratumPmf(s)));
    const { lo, pmf } = entry;
    const outLen = len + pmf.length - 1;
    if (outLen > cap) {
      while (cap < outLen) cap *= 2;
      const grown = new Float64Array(cap);
      grown.set(dist.subarray(0, len));
      dist = grown;
      next = new Float64Array(cap);
    }
    next.fill(0, 0, outLen);
    for (let j = 0; j < pmf.length; j++) {
      const w = pmf[j];
      for (let i = 0; i < len; i++) next[i + j] += dist[i] * w;
    }
    offset += lo;
    let max = 0;
    for (let i = 0; i < outLen; i++) if (next[i] > max) max = next[i];
    // Only the upper tail is asked for: the lower end only feeds the total, where 1e-40 of the maximum is nothing.
    const lowFloor = max * 1e-40;
    const highFloor = max * trim;
    let a = 0;
    let b = outLen - 1;
    while (a < b && next[a] < lowFloor) a++;
    while (b > a && next[b] < highFloor) b--;
    len = b - a + 1;
    const inv = 1 / max;
    for (let i = 0; i < len; i++) dist[i] = next[a + i] * inv;
    offset += a;
  }
  if (informative === 0) return { statistic, expected, variance, pValue: 1, informative };
  let total = 0;
  let tail = 0;
  for (let i = 0; i < len; i++) {
    total += dist[i];
    if (offset + i >= statistic) tail += dist[i];
  }
  return { statistic, expected, variance, pValue: Math.min(1, tail / total), informative };
}
