import { normalCdf, zQuantile } from './difference.js';

/**
 * Group-sequential boundaries for run mode's sequential sampling (SPEC §6.2): an O'Brien–Fleming-type α-spending
 * boundary for BLOCK (Lan–DeMets) and a non-binding β-spending futility boundary for OK, computed by recursive
 * numerical integration of the canonical joint distribution (Jennison & Turnbull, ch. 19): the score S_k = Z_k·√t_k
 * has independent increments N(θ·Δt, Δt), θ being the drift (E[Z] at full information under the alternative).
 */

/** Lan–DeMets O'Brien–Fleming-type spending of a one-sided level `alpha` at information fraction t ∈ (0, 1]. */
export function obfSpending(alpha: number, t: number): number {
  if (t <= 0) return 0;
  if (t >= 1) return alpha;
  return 2 - 2 * normalCdf(zQuantile(1 - alpha / 2) / Math.sqrt(t));
}

const STD = 1 / Math.sqrt(2 * Math.PI);
const phi = (x: number) => STD * Math.exp(-0.5 * x * x);
/** Grid points per look (odd, for Simpson's rule) and the half-width in standard deviations. */
const POINTS = 401;
const SPAN = 10;

interface Grid {
  s: Float64Array;
  /** Sub-density of S_k on continuing paths, times the Simpson weight of the point. */
  wf: Float64Array;
}

/** Simpson grid over [lo, hi] with density values from `f`, weights folded in. */
function grid(lo: number, hi: number, f: (s: number) => number): Grid {
  const s = new Float64Array(POINTS);
  const wf = new Float64Array(POINTS);
  if (!(hi > lo)) return { s, wf }; // empty region: nothing continues
  const h = (hi - lo) / (POINTS - 1);
  for (let i = 0; i < POINTS; i++) {
    s[i] = lo + i * h;
    const w = i === 0 || i === POINTS - 1 ? 1 : i % 2 ? 4 : 2;
    wf[i] = ((w * h) / 3) * f(s[i]);
  }
  return { s, wf };
}

/** P(S_k ≥ c, continuing until k) given the previous grid (k ≥ 2) or from 0 (k = 1). */
function upperCross(prev: Grid | null, c: number, mean: number, sd: number): number {
  if (!prev) return 1 - normalCdf((c - mean) / sd);
  let p = 0;
  for (let j = 0; j < POINTS; j++) p += prev.wf[j] * (1 - normalCdf((c - prev.s[j] - mean) / sd));
  return p;
}
function lowerCross(prev: Grid | null, c: number, mean: number, sd: number): number {
  if (!prev) return normalCdf((c - mean) / sd);
  let p = 0;
  for (let j = 0; j < POINTS; j++) p += prev.wf[j] * normalCdf((c - prev.s[j] - mean) / sd);
  return p;
}

/** Density of S_k on [lo, hi] for paths that continued through look k − 1. */
function advance(prev: Grid | null, lo: number, hi: number, mean: number, sd: number): Grid {
  if (!prev) return grid(lo, hi, (s) => phi((s - mean) / sd) / sd);
  return grid(lo, hi, (s) => {
    let d = 0;
    for (let j = 0; j < POINTS; j++) d += prev.wf[j] * phi((s - prev.s[j] - mean) / sd);
    return d / sd;
  });
}

/** Smallest c with f(c) ≤ target for a decreasing f, by bisection on [lo, hi]. */
function solveDecreasing(f: (c: number) => number, target: number, lo: number, hi: number): number {
  for (let i = 0; i < 100; i++) {
    const mid = (lo + hi) / 2;
    if (f(mid) > target) lo = mid;
    else hi = mid;
    if (hi - lo < 1e-10) break;
  }
  return (lo + hi) / 2;
}

export interface Boundaries {
  /** Information fractions of the looks, increasing, the last one 1. */
  fractions: number[];
  /** Z-scale efficacy (BLOCK) boundary per look: stop and BLOCK when Z ≥ efficacy[k]. */
  efficacy: number[];
  /** The nominal one-sided p-value of each efficacy boundary: 1 − Φ(efficacy[k]). */
  nominal: number[];
  /** Cumulative α spent by look k. */
  spent: number[];
}

/**
 * O'Brien–Fleming-type efficacy boundaries for a one-sided level `alpha` at the given information fractions.
 * Non-binding futility: they are computed as if no futility stop existed, so stopping early for OK never raises
 * the false-BLOCK rate above `alpha`.
 */
export function efficacyBoundaries(alpha: number, fractions: readonly number[]): Boundaries {
  check(fractions);
  const efficacy: number[] = [];
  const spent: number[] = [];
  let prev: Grid | null = null;
  let tPrev = 0;
  let spentPrev = 0;
  for (const t of fractions) {
    const target = obfSpending(alpha, t) - spentPrev;
    const dt = t - tPrev;
    const sd = Math.sqrt(dt);
    const p = prev;
    // Solve on the score scale, report on the Z scale.
    const c =
      target <= 0
        ? Infinity
        : solveDecreasing((x) => upperCross(p, x, 0, sd), target, -SPAN * Math.sqrt(t), 2 * SPAN);
    const b = c / Math.sqrt(t);
    efficacy.push(b);
    spentPrev += target;
    spent.push(spentPrev);
    prev = advance(p, -SPAN * Math.sqrt(t), Math.min(c, SPAN * Math.sqrt(t)), 0, sd);
    tPrev = t;
  }
  return { fractions: [...fractions], efficacy, nominal: efficacy.map((b) => 1 - normalCdf(b)), spent };
}

/**
 * Non-binding futility boundaries by β-spending (the same O'Brien–Fleming shape) under the drift θ at which the
 * design aims for power 1 − β: stop for OK when Z < futility[k]. Never above the efficacy boundary; the last look
 * has no futility boundary of its own (the final decision is the efficacy boundary alone).
 */
export function futilityBoundaries(
  beta: number,
  drift: number,
  b: Boundaries,
): { futility: number[]; power: number } {
  const futility: number[] = [];
  let prev: Grid | null = null;
  let tPrev = 0;
  let spentPrev = 0;
  let power = 0;
  const K = b.fractions.length;
  for (let k = 0; k < K; k++) {
    const t = b.fractions[k];
    const dt = t - tPrev;
    const sd = Math.sqrt(dt);
    const mean = drift * dt;
    const p = prev;
    const up = b.efficacy[k] * Math.sqrt(t);
    power += up === Infinity ? 0 : upperCross(p, up, mean, sd);
    let a: number;
    if (k === K - 1) a = b.efficacy[k];
    else {
      const target = obfSpending(beta, t) - spentPrev;
      const lo = drift * t - SPAN * Math.sqrt(t) - SPAN;
      const hi = Math.min(up, drift * t + SPAN * Math.sqrt(t));
      // lowerCross is increasing in c: the largest c with lowerCross(c) ≤ target.
      const c =
        target <= 0 ? -Infinity : -solveDecreasing((x) => lowerCross(p, -x, mean, sd), target, -hi, -lo);
      a = Math.min(c, up) / Math.sqrt(t);
      spentPrev += lowerCross(p, Math.min(c, up), mean, sd);
    }
    futility.push(a);
    if (k < K - 1) {
      const lo = Math.max(a * Math.sqrt(t), drift * t - SPAN * Math.sqrt(t));
      const hi = Math.min(up, drift * t + SPAN * Math.sqrt(t));
      prev = advance(p, lo, hi, mean, sd);
    }
    tPrev = t;
  }
  return { futility, power };
}

/** Probability of crossing the efficacy boundary at some look under drift θ, ignoring futility (fixed-design-like). */
export function rejectionProbability(b: Boundaries, drift: number): number {
  let prev: Grid | null = null;
  let tPrev = 0;
  let p = 0;
  for (let k = 0; k < b.fractions.length; k++) {
    const t = b.fractions[k];
    const dt = t - tPrev;
    const sd = Math.sqrt(dt);
    const up = b.efficacy[k] * Math.sqrt(t);
    const pp = prev;
    p += up === Infinity ? 0 : upperCross(pp, up, drift * dt, sd);
    prev = advance(
      pp,
      drift * t - SPAN * Math.sqrt(t) - SPAN,
      Math.min(up, drift * t + SPAN * Math.sqrt(t)),
      drift * dt,
      sd,
    );
    tPrev = t;
  }
  return p;
}

function check(fractions: readonly number[]): void {
  if (!fractions.length) throw new RangeError('sequential: at least one look');
  let prev = 0;
  for (const t of fractions) {
    if (!(t > prev && t <= 1))
      throw new RangeError(
        `sequential: information fractions must increase within (0, 1], got ${fractions.join(', ')}`,
      );
    prev = t;
  }
  if (Math.abs(fractions[fractions.length - 1] - 1) > 1e-12)
    throw new RangeError('sequential: the last look must be at information fraction 1');
}

/** Equally spaced looks: one per round of one sample per side per case. */
export function roundFractions(maxRounds: number): number[] {
  return Array.from({ length: maxRounds }, (_, i) => (i + 1) / maxRounds);
}
