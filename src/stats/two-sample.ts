import jstatPkg from 'jstat';
import { fisherOneSided } from './exact.js';

const jStat = jstatPkg;

/** z quantile of the standard normal. */
export const zQuantile = (p: number): number => jStat.normal.inv(p, 0, 1);

/**
 * Unpaired, exact: P-value of "the second group's event rate is higher" given k0/n0 and k1/n1 (one-sided Fisher
 * exact test, conditional on the margins). Events here are violations, so this is H1: the canary is less safe.
 */
export function rateIncreaseP(k0: number, n0: number, k1: number, n1: number): number {
  if (n0 === 0 || n1 === 0) return 1;
  return fisherOneSided(n0 - k0, k0, n1 - k1, k1);
}

/** Wilson score interval for k/n at two-sided confidence 1 - 2·tail. */
export function wilson(k: number, n: number, z: number): [number, number] {
  if (n === 0) return [0, 1];
  const p = k / n;
  const z2 = z * z;
  const centre = (p + z2 / (2 * n)) / (1 + z2 / n);
  const half = (z / (1 + z2 / n)) * Math.sqrt((p * (1 - p)) / n + z2 / (4 * n * n));
  return [Math.max(0, centre - half), Math.min(1, centre + half)];
}

/**
 * Newcombe's hybrid score interval (his method 10) for p1 - p0 from two independent samples: built from the two
 * Wilson intervals, it keeps its coverage at rates near 0 where the Wald interval collapses (a 0.5% violation
 * rate is the ordinary case here). `confidence` is two-sided.
 */
export function newcombeDiff(
  k0: number,
  n0: number,
  k1: number,
  n1: number,
  confidence = 0.95,
): [number, number] {
  if (n0 === 0 || n1 === 0) return [-1, 1];
  const z = zQuantile(1 - (1 - confidence) / 2);
  const p0 = k0 / n0;
  const p1 = k1 / n1;
  const [l0, u0] = wilson(k0, n0, z);
  const [l1, u1] = wilson(k1, n1, z);
  const d = p1 - p0;
  return [
    Math.max(-1, d - Math.sqrt((p1 - l1) ** 2 + (u0 - p0) ** 2)),
    Math.min(1, d + Math.sqrt((u1 - p1) ** 2 + (p0 - l0) ** 2)),
  ];
}

/**
 * Conversations per side for the one-sided (1 - alpha) upper bound of p1 - p0 to fall below `margin` with the
 * given power when nothing changed, at rate p: n = (z_{1-α} + z_power)² · 2p(1-p) / margin², and at least
 * z_{1-α}² / margin (what a side with no event at all needs).
 */
export function conversationsNeeded(p: number, margin: number, alpha: number, power: number): number {
  if (margin <= 0) return Infinity;
  const q = Math.min(0.5, Math.max(p, 1e-4));
  const za = zQuantile(1 - alpha);
  const z = za + zQuantile(power);
  // At rates near 0 the normal formula promises too much: even with no event at all, the canary's Wilson upper
  // bound is about z²/n, so n must reach z²/margin before any bound can fall below the margin.
  return Math.max(Math.ceil((z * z * 2 * q * (1 - q)) / (margin * margin)), Math.ceil((za * za) / margin));
}

export interface GTest {
  g: number;
  df: number;
  pValue: number;
}

/**
 * G test (likelihood ratio) of homogeneity on a 2 × k table: do two rows of counts (a reference and a window)
 * come from the same mix? Columns empty in both rows are dropped; df = columns - 1.
 */
export function gTestHomogeneity(a: number[], b: number[]): GTest {
  const cols = a.map((x, i) => [x, b[i]] as const).filter(([x, y]) => x + y > 0);
  const na = cols.reduce((s, [x]) => s + x, 0);
  const nb = cols.reduce((s, [, y]) => s + y, 0);
  const df = cols.length - 1;
  if (df < 1 || na === 0 || nb === 0) return { g: 0, df: Math.max(0, df), pValue: 1 };
  const n = na + nb;
  let g = 0;
  for (const [x, y] of cols) {
    const col = x + y;
    const ea = (col * na) / n;
    const eb = (col * nb) / n;
    if (x > 0) g += x * Math.log(x / ea);
    if (y > 0) g += y * Math.log(y / eb);
  }
  g *= 2;
  const p = 1 - jStat.chisquare.cdf(g, df);
  return { g, df, pValue: Number.isFinite(p) ? Math.max(0, p) : g > 0 ? 0 : 1 };
}
