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
 * The convolution runs in linear space rescaled to its maximum after every step, so nothing overflows, and terms
 * below 1e-40 of the maximum are dropped from the lower end and below `trim` from the upper end, which bounds the
 * work on 20,000-case suites; cases with the same margins are summed by repeated squaring. A first pass trims the
 * upper end at 1e-40 too and adds up the share of the total it dropped: that sum bounds the error of p (each drop
 * moves the distribution by at most its share, and convolution adds such moves up), so the first p stands when the
 * bound is within 1e-10 of it (any p above ~1e-24 on a 20,000-case suite). Otherwise p is recomputed trimming the
 * upper end at 1e-280, which only affects p-values below about 1e-270 (reported as 0 or slightly low: far beyond
 * any alpha).
 */
export function stratifiedExact(strata: readonly Stratum[]): StratifiedResult {
  // Far in the tail (z > 11 by the normal approximation, p ~ 1e-28) the coarse pass would only be thrown away.
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
  if (v > 0 && (st - e) / Math.sqrt(v) > 11) return convolve(strata, 1e-280).result;
  const first = convolve(strata, 1e-40);
  return first.lost <= 1e-10 * first.result.pValue ? first.result : convolve(strata, 1e-280).result;
}

/**
 * A distribution on offset + i, scaled so its largest term is 1 (the scale cancels in the tail ratio); `lost`
 * bounds how far (in total variation) the trimming so far has moved it from the exact one.
 */
interface Dist {
  offset: number;
  p: Float64Array;
  lost: number;
}

/**
 * The distribution of the sum of two independent counts, rescaled to its maximum, with terms below 1e-40 of the
 * maximum dropped from the lower end and below `trim` from the upper end (only the upper tail is asked for: the
 * lower end only feeds the total, where 1e-40 of the maximum is nothing).
 */
function add(a: Dist, b: Dist, trim: number): Dist {
  const [x, y] = a.p.length >= b.p.length ? [a.p, b.p] : [b.p, a.p];
  const next = new Float64Array(x.length + y.length - 1);
  for (let j = 0; j < y.length; j++) {
    const w = y[j];
    if (w === 0) continue;
    for (let i = 0; i < x.length; i++) next[i + j] += x[i] * w;
  }
  return trimmed(next, a.offset + b.offset, a.lost + b.lost, trim);
}

/** `next` (terms on offset + i) rescaled to its maximum and trimmed as `add` says, the dropped share added to lost. */
function trimmed(next: Float64Array, offset: number, lost: number, trim: number): Dist {
  let max = 0;
  let total = 0;
  for (let i = 0; i < next.length; i++) {
    total += next[i];
    if (next[i] > max) max = next[i];
  }
  const lowFloor = max * 1e-40;
  const highFloor = max * trim;
  let lo = 0;
  let hi = next.length - 1;
  let dropped = 0;
  while (lo < hi && next[lo] < lowFloor) dropped += next[lo++];
  while (hi > lo && next[hi] < highFloor) dropped += next[hi--];
  const p = next.slice(lo, hi + 1);
  const inv = 1 / max;
  for (let i = 0; i < p.length; i++) p[i] *= inv;
  return { offset: offset + lo, p, lost: lost + dropped / total };
}

/**
 * The sum of m independent copies of one stratum's count. A count with two values (one event among the samples,
 * the commonest case shape) sums to a binomial, computed term by term in log space; any other by repeated
 * squaring: log2(m) convolutions, not m.
 */
function power(d: Dist, m: number, trim: number): Dist {
  if (m > 1 && d.p.length === 2) return binomialSum(d, m, trim);
  let result: Dist | undefined;
  let base = d;
  for (let k = m; k > 0; k >>= 1) {
    if (k & 1) result = result ? add(result, base, trim) : base;
    if (k > 1) base = add(base, base, trim);
  }
  return result!;
}

/**
 * m copies of a count on {offset, offset + 1}: Binomial(m, q) shifted by m * offset. Filled outwards from the mode by
 * the ratio of neighbouring terms, in linear space: terms from log-factorials of m = 20,000 drift by ~3e-10 between
 * the middle and the tail, these by ~1e-13. Terms that underflow are 0, far below any trim.
 */
function binomialSum(d: Dist, m: number, trim: number): Dist {
  const q = d.p[1] / (d.p[0] + d.p[1]);
  const odds = q / (1 - q);
  const terms = new Float64Array(m + 1);
  const mode = Math.min(m, Math.floor((m + 1) * q));
  terms[mode] = 1;
  for (let k = mode; k < m; k++) terms[k + 1] = terms[k] * ((m - k) / (k + 1)) * odds;
  for (let k = mode; k > 0; k--) terms[k - 1] = (terms[k] * (k / (m - k + 1))) / odds;
  return trimmed(terms, m * d.offset, m * d.lost, trim);
}

/** One key per margin triple: a number while each part is below 2^17 (no string built per case), else text. */
export function marginKey(a: number, b: number, c: number): number | string {
  return a < 131072 && b < 131072 && c < 131072 ? (a * 131072 + b) * 131072 + c : `${a},${b},${c}`;
}

function convolve(strata: readonly Stratum[], trim: number): { result: StratifiedResult; lost: number } {
  let statistic = 0;
  let expected = 0;
  let variance = 0;
  let fixed = 0; // the candidate's count in strata whose margins fix it
  let informative = 0;
  // Cases with the same margins share a pmf and are summed by repeated squaring: suites are mostly a few shapes
  // (k samples, 1 or 2 failures), so a 20,000-case suite is a few dozen groups, not 20,000 convolutions.
  const groups = new Map<number | string, { s: Stratum; m: number }>();
  for (const s of strata) {
    const f = s.fb + s.fc;
    const n = s.nb + s.nc;
    statistic += s.fc;
    if (n === 0) continue;
    expected += (s.nc * f) / n;
    if (f === 0 || f === n || s.nb === 0 || s.nc === 0) {
      fixed += Math.max(0, f - s.nb);
      continue;
    }
    informative++;
    variance += (s.nb * s.nc * f * (n - f)) / (n * n * (n - 1));
    const key = marginKey(s.nb, s.nc, f);
    const g = groups.get(key);
    if (g) g.m++;
    else groups.set(key, { s, m: 1 });
  }
  if (informative === 0)
    return { result: { statistic, expected, variance, pValue: 1, informative }, lost: 0 };
  // Narrow groups first, so the running sum stays as narrow as it can for as long as it can.
  const parts = [...groups.values()]
    .map(({ s, m }) => {
      const { lo, pmf } = stratumPmf(s);
      return power({ offset: lo, p: pmf, lost: 0 }, m, trim);
    })
    .sort((a, b) => a.p.length - b.p.length);
  let dist = parts[0];
  for (let i = 1; i < parts.length; i++) dist = add(dist, parts[i], trim);
  const offset = dist.offset + fixed;
  let total = 0;
  let tail = 0;
  for (let i = 0; i < dist.p.length; i++) {
    total += dist.p[i];
    if (offset + i >= statistic) tail += dist.p[i];
  }
  return {
    result: { statistic, expected, variance, pValue: Math.min(1, tail / total), informative },
    lost: dist.lost,
  };
}
