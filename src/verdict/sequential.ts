import type { Policy } from '../policy/schema.js';
import { defaultMaxSamples } from '../policy/schema.js';
import {
  efficacyBoundaries,
  futilityBoundaries,
  roundFractions,
  type Boundaries,
} from '../stats/sequential.js';
import { zQuantile } from '../stats/difference.js';
import type { Comparison } from './compare.js';
import type { SequentialRecord } from './gate.js';

/**
 * Sequential sampling in run mode (SPEC §6.2), as pure functions the run use case calls between rounds:
 *
 *   const design = designSequential(policy, cases.length);
 *   for (let round = 1; round <= design.maxRounds; round++) {
 *     // run one more sample per side per case, append to both results files
 *     const look = sequentialLook(design, compare(baseline, candidate, policy), policy, round);
 *     // show look.message in progress
 *     if (look.stop) break;
 *   }
 *   // then confirm suspects (decide.suspectsToConfirm), and
 *   runGate(baseline, candidate, { ..., sequential: sequentialRecord(design, look, cases.length, extraCalls) });
 *
 * A round is one sample per side per case; round k is at information fraction k / maxRounds. The BLOCK boundary
 * spends α_B/2 (the overall test's half of the BLOCK budget) on the O'Brien–Fleming curve; the futility boundary
 * spends β = 0.2 at the drift of a drop of `minRegression` and is non-binding, so stopping for OK never raises the
 * false-BLOCK rate. The exact stratified p is converted to z = Φ⁻¹(1 − p) at each look.
 */

export interface SequentialDesign {
  maxRounds: number;
  /** One-sided level of the overall BLOCK test: alphaBlock / 2. */
  alpha: number;
  beta: number;
  boundaries: Boundaries;
}

export const FUTILITY_BETA = 0.2;

export function designSequential(policy: Policy, cases: number): SequentialDesign {
  const maxRounds = policy.maxSamples ?? defaultMaxSamples(cases);
  const alpha = policy.alphaBlock / 2;
  return {
    maxRounds,
    alpha,
    beta: FUTILITY_BETA,
    boundaries: efficacyBoundaries(alpha, roundFractions(maxRounds)),
  };
}

export interface Look {
  round: number;
  maxRounds: number;
  pValue: number;
  /** Φ⁻¹(1 − p), capped at ±40 (p of 0 or 1). */
  z: number;
  efficacy: number;
  futility: number;
  /** E[Z at the last round] under a drop of minRegression, from the baseline alone. */
  drift: number;
  stop: boolean;
  stoppedFor: SequentialRecord['stoppedFor'] | null;
  message: string;
}

/**
 * The drift of Z under a uniform drop of `minRegression`, at maxRounds samples per side: minRegression / σ_max with
 * σ_max² = Σ q_i(1−q_i)(2/maxRounds)/K², q_i = p̃_i + minRegression/2 the pooled failure rate under that drop, p̃_i
 * the baseline failure rate of case i so far shrunk by one pseudo-sample toward the suite's (as the MDE's σ0).
 */
export function driftAtMax(cmp: Comparison, policy: Policy, maxRounds: number): number {
  const rows = cmp.cases.filter((c) => c.compared && c.baseline && c.baseline.valid > 0);
  const K = rows.length;
  if (!K) return 0;
  let F = 0;
  let N = 0;
  for (const c of rows) {
    F += c.baseline!.valid - c.baseline!.passes;
    N += c.baseline!.valid;
  }
  const pBar = (F + 1) / (N + 2);
  let v = 0;
  const half = policy.minRegression / 2;
  for (const c of rows) {
    // Under the alternative the pooled failure rate is the baseline's plus half the drop: on a clean baseline the
    // baseline's own variance (near 0) would promise a drift the exact test cannot reach.
    const p = Math.min(0.5, (c.baseline!.valid - c.baseline!.passes + pBar) / (c.baseline!.valid + 1) + half);
    v += (p * (1 - p) * 2) / maxRounds;
  }
  return policy.minRegression / (Math.sqrt(v) / K);
}

export function sequentialLook(
  design: SequentialDesign,
  cmp: Comparison,
  policy: Policy,
  round: number,
): Look {
  const { maxRounds, boundaries } = design;
  if (!Number.isInteger(round) || round < 1 || round > maxRounds)
    throw new RangeError(`sequentialLook: round ${round} outside 1..${maxRounds}`);
  const p = cmp.overall.pValue;
  const z = Math.max(-40, Math.min(40, zQuantile(1 - p)));
  const drift = driftAtMax(cmp, policy, maxRounds);
  const { futility } = futilityFor(design, drift);
  const k = round - 1;
  const efficacy = boundaries.efficacy[k];
  const drop = -cmp.overall.delta;
  let stoppedFor: Look['stoppedFor'] = null;
  if (cmp.compared === 0) stoppedFor = null;
  else if (z >= efficacy && drop >= policy.minRegression) stoppedFor = 'block';
  else if (round === maxRounds) stoppedFor = 'max';
  else if (z < futility[k]) stoppedFor = 'futility';
  const what =
    stoppedFor === 'block'
      ? 'stop: BLOCK boundary crossed'
      : stoppedFor === 'futility'
        ? 'stop: futility boundary (no regression of the budgeted size in sight)'
        : stoppedFor === 'max'
          ? 'stop: sample budget reached'
          : 'continue';
  return {
    round,
    maxRounds,
    pValue: p,
    z,
    efficacy,
    futility: futility[k],
    drift,
    stop: stoppedFor !== null || round === maxRounds,
    stoppedFor: stoppedFor ?? (round === maxRounds ? 'max' : null),
    message: `round ${round}/${maxRounds}: z = ${z.toFixed(2)} (BLOCK at ≥ ${fmt(efficacy)}, OK below ${fmt(futility[k])}) — ${what}`,
  };
}

// The futility boundaries depend on the drift, re-estimated at every look: memoised at 3 decimals of it.
const futilityMemo = new Map<string, number[]>();
function futilityFor(design: SequentialDesign, drift: number): { futility: number[] } {
  const d = Math.round(drift * 1000) / 1000;
  const key = `${design.alpha}:${design.beta}:${design.maxRounds}:${d}`;
  let f = futilityMemo.get(key);
  if (!f) {
    f = futilityBoundaries(design.beta, d, design.boundaries).futility;
    if (futilityMemo.size > 10_000) futilityMemo.clear();
    futilityMemo.set(key, f);
  }
  return { futility: f };
}

const fmt = (x: number) => (Number.isFinite(x) ? x.toFixed(2) : x > 0 ? '∞' : '−∞');

/**
 * What gate.json records of a sequential run: the round that decided and the calls (samples, both sides) saved
 * against the fixed design of maxRounds samples per side. `extraSamples` counts confirmation samples.
 */
export function sequentialRecord(
  design: SequentialDesign,
  look: Look,
  cases: number,
  extraSamples = 0,
): SequentialRecord {
  const calls = 2 * cases * look.round + extraSamples;
  const fixedCalls = 2 * cases * design.maxRounds;
  return {
    rounds: look.round,
    maxRounds: design.maxRounds,
    stoppedFor: look.stoppedFor ?? 'max',
    calls,
    fixedCalls,
    saved: fixedCalls ? 1 - calls / fixedCalls : 0,
    blockThreshold: sequentialThreshold(design, look.round),
  };
}

/**
 * The p-value threshold the overall BLOCK test uses after a sequential run stopped at `round`: the nominal level of
 * that look's O'Brien–Fleming boundary (stricter than α_B/2 before the last round, slightly stricter at it).
 */
export function sequentialThreshold(design: SequentialDesign, round: number): number {
  return design.boundaries.nominal[round - 1];
}
