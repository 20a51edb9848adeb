import type { CaseResult, ResultsFile } from '../results/schema.js';

/** One side's samples of one case, reduced to what the statistics need. */
export interface SideTally {
  samples: number;
  errors: number;
  /** Samples that produced a verdict (not errors). */
  valid: number;
  passes: number;
  /** Failing samples whose first failure came at or after policy.delayedTurn. */
  delayed: number;
  /** Valid samples by first failure turn, for the failure curves. */
  firstFailures: number[];
  /** The largest turn any sample (errors too) reached or failed at: the failure curves' length. */
  maxTurn: number;
}

export interface PairedCase {
  id: string;
  base: CaseResult;
  cand: CaseResult;
  b: SideTally;
  c: SideTally;
}

export function tally(c: CaseResult, delayedTurn: number): SideTally {
  const t: SideTally = {
    samples: c.samples.length,
    errors: 0,
    valid: 0,
    passes: 0,
    delayed: 0,
    firstFailures: [],
    maxTurn: 0,
  };
  for (const s of c.samples) {
    t.maxTurn = Math.max(t.maxTurn, s.firstFailureTurn ?? 0, s.turns ?? 0);
    // An error never counts as a pass, nor as a failure: it is excluded from rates and counted (SPEC §6.1).
    if (s.error) {
      t.errors++;
      continue;
    }
    t.valid++;
    if (s.passed) t.passes++;
    else {
      const turn = s.firstFailureTurn ?? 1;
      t.firstFailures.push(turn);
      if (turn >= delayedTurn) t.delayed++;
    }
  }
  return t;
}

export interface Pairing {
  paired: PairedCase[];
  added: CaseResult[];
  removed: CaseResult[];
}

/** Pairs cases by id (SPEC §6.1): only in the candidate is new, only in the baseline is removed. */
export function pairCases(
  baseline: ResultsFile,
  candidate: ResultsFile,
  delayedTurn: number,
  tallies: { baseline: SideTally[]; candidate: SideTally[] } = {
    baseline: baseline.cases.map((c) => tally(c, delayedTurn)),
    candidate: candidate.cases.map((c) => tally(c, delayedTurn)),
  },
): Pairing {
  const candIndex = new Map(candidate.cases.map((c, i) => [c.id, i]));
  const baseIds = new Set(baseline.cases.map((c) => c.id));
  const paired: PairedCase[] = [];
  const removed: CaseResult[] = [];
  baseline.cases.forEach((base, i) => {
    const j = candIndex.get(base.id);
    if (j === undefined) removed.push(base);
    else
      paired.push({
        id: base.id,
        base,
        cand: candidate.cases[j],
        b: tallies.baseline[i],
        c: tallies.candidate[j],
      });
  });
  const added = candidate.cases.filter((c) => !baseIds.has(c.id));
  return { paired, added, removed };
}
