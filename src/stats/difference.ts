import jstatPkg from 'jstat';
import type { Power } from './schema.js';

export type { Power };

const jStat = jstatPkg;

/** Standard normal quantile and upper tail (jstat's, wrapped so NaN never leaks into a decision). */
export function zQuantile(p: number): number {
  if (p <= 0) return -Infinity;
  if (p >= 1) return Infinity;
  return jStat.normal.inv(p, 0, 1);
}
export function normalCdf(z: number): number {
  if (z === Infinity) return 1;
  if (z === -Infinity) return 0;
  return jStat.normal.cdf(z, 0, 1);
}

/** Per-case counts behind a pass-rate comparison. */
export interface CaseCounts {
  nb: number;
  /** Baseline failures. */
  fb: number;
  nc: number;
  fc: number;
}

export interface DeltaInterval {
  /** mean over cases of (candidate pass fraction − baseline pass fraction). */
  delta: number;
  /** Two-sided 95% paired interval for delta (t over cases). */
  ci: [number, number];
  /** The sd used for the interval: the observed sd of the per-case differences, floored when few differ. */
  sd: number;
  /** Cases whose pass fraction differs between the sides. */
  differing: number;
}

/**
 * delta and its two-sided 95% paired interval (SPEC §6.2). When fewer than 5 cases differ the observed sd says
 * little (it is 0 when none differ), so it is floored at √(2·p̄(1−p̄)/s), the sd of a per-case difference of two
 * s-sample fractions at the pooled smoothed failure rate p̄ = (failures+1)/(samples+2): no interval has zero width.
 * s is the mean number of valid samples per side per case.
 */
export function deltaInterval(cases: readonly CaseCounts[]): DeltaInterval {
  const n = cases.length;
  if (n === 0) return { delta: 0, ci: [-1, 1], sd: NaN, differing: 0 };
  const d = cases.map((k) => (k.nc - k.fc) / k.nc - (k.nb - k.fb) / k.nb);
  const delta = d.reduce((s, x) => s + x, 0) / n;
  const differing = d.filter((x) => x !== 0).length;
  if (n < 2) return { delta, ci: [-1, 1], sd: NaN, differing };
  let sd = Math.sqrt(d.reduce((s, x) => s + (x - delta) ** 2, 0) / (n - 1));
  if (differing < 5) {
    let failures = 0;
    let samples = 0;
    for (const k of cases) {
      failures += k.fb + k.fc;
      samples += k.nb + k.nc;
    }
    const pBar = (failures + 1) / (samples + 2);
    const s = samples / (2 * n);
    sd = Math.max(sd, Math.sqrt((2 * pBar * (1 - pBar)) / s));
  }
  const half = jStat.studentt.inv(0.975, n - 1) * (sd / Math.sqrt(n));
  return { delta, ci: [Math.max(-1, delta - half), Math.min(1, delta + half)], sd, differing };
}

const POWER = 0.8;

/**
 * σ0² = Σ p̃_i(1−p̃_i)(1/n_bi + 1/n_ci) / K², with p̃_i the case's baseline failure rate shrunk by one pseudo-sample
 * toward the suite's: p̃_i = (f_bi + p̄_b)/(n_bi + 1), p̄_b = (F_b + 1)/(N_b + 2). Only baseline outcomes enter, so
 * a regressed candidate cannot make its own suite look more (or less) sensitive; the candidate contributes only its
 * sample counts. mde = max(minRegression, z(1−α_B/2)·σ0) + z(0.8)·σ0 (SPEC §6.2), at most 1.
 */
export function powerFromBaseline(
  cases: ReadonlyArray<Pick<CaseCounts, 'nb' | 'fb' | 'nc'>>,
  alphaBlock: number,
  minRegression: number,
): Power {
  const K = cases.length;
  // Nothing compared: no σ0 (null, as gate.json has always held it: JSON writes NaN as null).
  if (K === 0) return { mde: 1, sigma0: null, brokenCases: 0 };
  let F = 0;
  let N = 0;
  for (const k of cases) {
    F += k.fb;
    N += k.nb;
  }
  const pBar = (F + 1) / (N + 2);
  let v = 0;
  for (const k of cases) {
    const p = (k.fb + pBar) / (k.nb + 1);
    v += p * (1 - p) * (1 / k.nb + 1 / k.nc);
  }
  const sigma0 = Math.sqrt(v) / K;
  const mde = Math.min(
    1,
    Math.max(minRegression, zQuantile(1 - alphaBlock / 2) * sigma0) + zQuantile(POWER) * sigma0,
  );
  return { mde, sigma0, brokenCases: Math.min(K, Math.ceil(mde * K - 1e-9)) };
}
