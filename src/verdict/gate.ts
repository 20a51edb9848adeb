import type { ResultsFile } from '../results/schema.js';
import { InputError } from '../input/errors.js';
import type { AppliedPolicy } from '../policy/load.js';
import { compare } from './compare.js';
import { decide, type Confirmation, type Reason, type Verdict } from './decide.js';
import type { Governance, Signoff, SignoffRules } from '../policy/signoff.js';
import type { FailOn, GateFile, SequentialRecord, StoredResults } from './schema.js';

export type { FailOn, GateFile, SequentialRecord, Signoff, StoredResults };

/** Exit status for a verdict: 0 OK, 1 WARN, 2 BLOCK; `failOn` narrows it for CI that reads zero / non-zero. */
export function exitCodeFor(verdict: Verdict, failOn?: FailOn): number {
  const code = verdict === 'BLOCK' ? 2 : verdict === 'WARN' ? 1 : 0;
  if (failOn === 'never') return 0;
  if (failOn === 'block') return verdict === 'BLOCK' ? 2 : 0;
  return code;
}

export interface GateOptions {
  policy: AppliedPolicy;
  failOn?: FailOn;
  extraReasons?: Reason[];
  /** Run mode: fresh samples of the suspect critical/high cases (files mode leaves it out). */
  confirmations?: Confirmation[];
  sequential?: SequentialRecord;
  signoffs?: Signoff[];
  now?: Date;
}

/** Reasons that say the head changes the gate's own thresholds: only a board quorum clears them. */
export const THRESHOLD_CHANGES = ['policy_changed', 'rules_changed'];

/**
 * Records the sign-offs on a gate. A cleared verdict exits 0 (the required status passes) but stays what it was,
 * in gate.json and in every report, with who cleared it and why. A head that changes the policy or the rules (a
 * threshold change) is cleared only by `quorum` distinct board members, never by one security sign-off: the
 * security sign-offs stay on record, and are listed as not clearing it.
 */
export function withGovernance(g: GateFile, gov: Governance, rules?: Pick<SignoffRules, 'quorum'>): GateFile {
  let clearedBy = gov.clearedBy;
  const rejected = [...gov.rejected];
  // Sign-offs that counted but cannot clear this verdict stay on record, each saying why not.
  const notClearing = (why: string) => {
    clearedBy = null;
    for (const s of gov.signoffs)
      rejected.push({ by: s.by, kind: s.kind, at: s.at, source: s.source ?? '', why });
  };
  // Release criteria are a hard gate: they are met by signing the checklists, never overridden.
  if (clearedBy && g.reasons.some((r) => r.code === 'release_criteria_unmet'))
    notClearing(
      'does not clear unmet release criteria: they are a hard gate, met only by checking and signing each item',
    );
  const thresholds = g.reasons.filter((r) => THRESHOLD_CHANGES.includes(r.code));
  if (clearedBy && thresholds.length) {
    const board = new Set(gov.signoffs.filter((s) => s.kind === 'board').map((s) => s.by.toLowerCase()));
    const quorum = rules?.quorum ?? Number.POSITIVE_INFINITY;
    if (board.size < quorum) {
      const codes = thresholds.map((r) => r.code).join(', ');
      notClearing(
        `does not clear a threshold change (${codes}): that needs a board quorum of ${Number.isFinite(quorum) ? quorum : '(no quorum set)'}, ${board.size} board sign-off(s) so far`,
      );
    } else clearedBy = 'board';
  }
  return {
    ...g,
    signoffs: gov.signoffs,
    rejectedSignoffs: rejected,
    clearedBy,
    exitCode: clearedBy ? 0 : g.exitCode,
  };
}

export function runGate(baseline: ResultsFile, candidate: ResultsFile, o: GateOptions): GateFile {
  const policy = o.policy.policy;
  const baseIds = new Set(baseline.cases.map((c) => c.id));
  if (!candidate.cases.some((c) => baseIds.has(c.id))) {
    throw InputError.one(
      `${baseline.target.name} vs ${candidate.target.name}`,
      'cases',
      `the baseline (${baseline.cases.length} cases) and the candidate (${candidate.cases.length} cases) share no case id: are they results of the same suite?`,
    );
  }
  const cmp = compare(baseline, candidate, policy);
  const { verdict, reasons, notes } = decide(cmp, policy, {
    extra: o.extraReasons,
    confirmations: o.confirmations,
    overallBlockThreshold: o.sequential?.blockThreshold,
  });
  // A suspect its fresh samples confirmed is a regressed case, in every report and annotation.
  const confirmedIds = new Set(
    reasons
      .filter((r) => r.code === 'critical_suspect_confirmed' || r.code === 'high_suspect_confirmed')
      .flatMap((r) => (r.values.cases as string[] | undefined) ?? []),
  );
  for (const c of cmp.cases) if (confirmedIds.has(c.id)) c.status = 'regressed';
  const d = cmp.delayed;
  return {
    kind: 'safety-gate.gate',
    schemaVersion: 1,
    createdAt: (o.now ?? new Date()).toISOString(),
    verdict,
    exitCode: exitCodeFor(verdict, o.failOn),
    failOn: o.failOn ?? null,
    baseline: { target: baseline.target, ...cmp.baseline },
    candidate: { target: candidate.target, ...cmp.candidate },
    delta: cmp.overall.delta,
    ci: cmp.overall.ci,
    pValue: cmp.overall.pValue,
    test: cmp.overall.test,
    alpha: policy.alphaBlock,
    alphaWarn: policy.alphaWarn,
    mde: cmp.overall.mde,
    power: cmp.overall.power,
    compared: cmp.compared,
    delayed: {
      baseline: d.baseline,
      candidate: d.candidate,
      delta: d.delta,
      ci: d.ci,
      pValue: d.pValue,
      test: d.test,
    },
    categories: cmp.categories,
    cases: cmp.cases,
    reasons,
    notes,
    ...(o.sequential ? { sequential: o.sequential } : {}),
    signoffs: o.signoffs ?? [],
    rejectedSignoffs: [],
    clearedBy: null,
    policy: o.policy,
  };
}
