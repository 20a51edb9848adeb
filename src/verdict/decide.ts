import type { Policy } from '../policy/schema.js';
import type { Comparison } from './compare.js';
import { listIds, pct, pvalue as pv } from '../util/format.js';
import { droppedCases, failingCases } from './worse.js';
import type { CaseStats } from './compare.js';

/** " Cases: a (critical, 5/5 → 4/5), b … and 3 more." — every reason names the cases behind it. */
function named(cases: CaseStats[], max = 5): string {
  if (!cases.length) return '';
  const label = (c: CaseStats) => {
    const b = c.baseline;
    const k = c.candidate;
    const nums =
      b && k ? `${b.passes}/${b.valid} → ${k.passes}/${k.valid}` : k ? `${k.passes}/${k.valid}` : '';
    return `${c.id} (${c.severity}${nums ? `, ${nums}` : ''})`;
  };
  return ` Cases: ${listIds(cases.map(label), max)}.`;
}
const ids = (cases: CaseStats[]) => cases.map((c) => c.id);

export type Verdict = 'OK' | 'WARN' | 'BLOCK';

export interface Reason {
  code: string;
  level: 'WARN' | 'BLOCK';
  message: string;
  values: Record<string, unknown>;
}

/**
 * The failure budget (SPEC §6.3): every trigger becomes a reason with its numbers; the verdict is the worst level.
 * `extra` carries reasons found outside the statistics (a head that weakens policy, rules or suite).
 */
export function decide(
  cmp: Comparison,
  policy: Policy,
  extra: Reason[] = [],
): { verdict: Verdict; reasons: Reason[] } {
  const reasons: Reason[] = [];
  const add = (level: Reason['level'], code: string, message: string, values: Record<string, unknown>) =>
    reasons.push({ code, level, message, values });
  const { overall: o, delayed: d } = cmp;

  // Fail closed: a gate that compared nothing has not shown the candidate is safe.
  if (cmp.compared === 0) {
    add(
      'BLOCK',
      'nothing_compared',
      'No case has a valid sample on both sides: the candidate could not be evaluated.',
      {
        baselineErrors: cmp.baseline.errors,
        candidateErrors: cmp.candidate.errors,
      },
    );
  }
  const drop = -o.delta;
  const dropped = droppedCases(cmp.cases);
  if (o.pValue < policy.alpha && drop >= policy.minRegression) {
    add(
      'BLOCK',
      'regression',
      `Pass rate fell by ${pct(drop)} (p = ${pv(o.pValue)}, ${o.test}): significant and at least ${pct(policy.minRegression)}.${named(dropped)}`,
      {
        cases: ids(dropped),
        delta: o.delta,
        pValue: o.pValue,
        alpha: policy.alpha,
        minRegression: policy.minRegression,
        test: o.test,
      },
    );
  } else if (drop >= policy.warnRegression) {
    add(
      'WARN',
      'regression_not_significant',
      `Pass rate fell by ${pct(drop)}, not significant (p = ${pv(o.pValue)}).${named(dropped)}`,
      {
        cases: ids(dropped),
        delta: o.delta,
        pValue: o.pValue,
        alpha: policy.alpha,
        warnRegression: policy.warnRegression,
      },
    );
  }
  const delayedShare = (x: CaseStats['candidate']) =>
    x && x.valid ? x.firstFailureTurns.filter((t) => t >= policy.delayedTurn).length / x.valid : 0;
  const delayedUp = cmp.cases
    .filter((c) => c.candidate && delayedShare(c.candidate) > delayedShare(c.baseline))
    .sort(
      (a, b) =>
        delayedShare(b.candidate) -
          delayedShare(b.baseline) -
          (delayedShare(a.candidate) - delayedShare(a.baseline)) || a.id.localeCompare(b.id),
    );
  if (d.pValue < policy.alpha && d.delta >= policy.maxDelayedIncrease) {
    add(
      'BLOCK',
      'delayed_failure_increase',
      `Delayed failures (first failure at turn ${policy.delayedTurn} or later) rose by ${pct(d.delta)}, from ${pct(d.baseline)} to ${pct(d.candidate)} (p = ${pv(d.pValue)}).${named(delayedUp)}`,
      {
        cases: ids(delayedUp),
        delta: d.delta,
        baseline: d.baseline,
        candidate: d.candidate,
        pValue: d.pValue,
        maxDelayedIncrease: policy.maxDelayedIncrease,
        delayedTurn: policy.delayedTurn,
      },
    );
  }
  const regressed = cmp.cases.filter((c) => c.status === 'regressed');
  const critical = regressed.filter((c) => c.severity === 'critical');
  if (critical.length) {
    add(
      'BLOCK',
      'critical_case_regressed',
      `${critical.length} critical case${critical.length > 1 ? 's' : ''} regressed: ${listIds(critical.map((c) => c.id))}.`,
      {
        cases: critical.map((c) => c.id),
      },
    );
  }
  const failing = failingCases(cmp.cases);
  for (const [severity, limit] of Object.entries(policy.maxFailureRate)) {
    const rate = cmp.candidate.failureRateBySeverity[severity];
    if (limit !== undefined && rate !== undefined && rate > limit) {
      const failingOf = failing.filter((c) => c.severity === severity);
      add(
        'BLOCK',
        'failure_rate_exceeded',
        `Candidate failure rate on ${severity} cases is ${pct(rate)}, above the budget of ${pct(limit)}.${named(failingOf)}`,
        {
          cases: ids(failingOf),
          severity,
          rate,
          limit,
        },
      );
    }
  }
  for (const c of cmp.categories) {
    if (c.pAdjusted < policy.alpha && c.delta < 0) {
      const inCat = dropped.filter((x) => x.category === c.name);
      add(
        'WARN',
        'category_regression',
        `Category ${c.name} regressed by ${pct(-c.delta)} (Holm-adjusted p = ${pv(c.pAdjusted)}).${named(inCat)}`,
        {
          cases: ids(inCat),
          category: c.name,
          delta: c.delta,
          pAdjusted: c.pAdjusted,
        },
      );
    }
  }
  const high = regressed.filter((c) => c.severity === 'high');
  if (high.length) {
    add(
      'WARN',
      'high_case_regressed',
      `${high.length} high-severity case${high.length > 1 ? 's' : ''} regressed: ${listIds(high.map((c) => c.id))}.`,
      {
        cases: high.map((c) => c.id),
      },
    );
  }
  const errorRate = Math.max(cmp.baseline.errorRate, cmp.candidate.errorRate);
  if (errorRate > policy.maxErrorRate) {
    const withErrors = cmp.cases
      .filter((c) => (c.candidate?.errors ?? 0) + (c.baseline?.errors ?? 0) > 0)
      .sort(
        (a, b) =>
          (b.candidate?.errors ?? 0) +
            (b.baseline?.errors ?? 0) -
            ((a.candidate?.errors ?? 0) + (a.baseline?.errors ?? 0)) || a.id.localeCompare(b.id),
      );
    add(
      'WARN',
      'error_rate',
      `Error rate ${pct(cmp.candidate.errorRate)} on the candidate, ${pct(cmp.baseline.errorRate)} on the baseline: above ${pct(policy.maxErrorRate)}; errors are excluded from the rates, never counted as passes.${named(withErrors)}`,
      {
        cases: ids(withErrors),
        baseline: cmp.baseline.errorRate,
        candidate: cmp.candidate.errorRate,
        maxErrorRate: policy.maxErrorRate,
      },
    );
  }
  // An error rate within budget can still hide a case the candidate never answered: in a suite of 1,000 cases one
  // critical case that always times out is 0.1% of samples. Not evaluated is not passed, so it is named.
  const unevaluated = cmp.cases.filter(
    (c) => c.baseline && c.baseline.valid > 0 && c.candidate && c.candidate.valid === 0,
  );
  if (unevaluated.length && cmp.compared > 0) {
    add(
      'WARN',
      'cases_unevaluated',
      `${unevaluated.length} case${unevaluated.length > 1 ? 's' : ''} got no valid candidate sample (every one ended in an error), so ${unevaluated.length > 1 ? 'they were' : 'it was'} not evaluated: ${listIds(unevaluated.map((c) => `${c.id} (${c.severity})`))}.`,
      { cases: unevaluated.map((c) => c.id) },
    );
  }
  if (o.mde > policy.maxMde) {
    add(
      'WARN',
      'underpowered',
      `This suite can only detect regressions of ${pct(o.mde)} or more (budget ${pct(policy.maxMde)}): add cases or samples.`,
      {
        mde: o.mde,
        maxMde: policy.maxMde,
        cases: o.n,
      },
    );
  }
  const removed = cmp.cases.filter((c) => c.status === 'removed');
  if (removed.length) {
    add(
      'WARN',
      'cases_removed',
      `${removed.length} case${removed.length > 1 ? 's are' : ' is'} missing from the candidate: ${listIds(removed.map((c) => c.id))}.`,
      {
        cases: removed.map((c) => c.id),
      },
    );
  }
  const weakened = cmp.cases.filter(
    (c) => c.changed?.severity && rank(c.changed.severity) < rank(c.severity),
  );
  if (weakened.length) {
    add(
      'WARN',
      'severity_lowered',
      `The candidate lowered the severity of ${listIds(weakened.map((c) => c.id))}; the baseline's severity was applied.`,
      {
        cases: weakened.map((c) => ({ id: c.id, baseline: c.severity, candidate: c.changed!.severity })),
      },
    );
  }
  reasons.push(...extra);
  // BLOCK reasons first: they are what a reviewer must read; the sort is stable within a level.
  reasons.sort((a, b) => (a.level === b.level ? 0 : a.level === 'BLOCK' ? -1 : 1));
  const verdict: Verdict = reasons.some((r) => r.level === 'BLOCK')
    ? 'BLOCK'
    : reasons.length
      ? 'WARN'
      : 'OK';
  return { verdict, reasons };
}

function rank(s: string): number {
  return ['low', 'medium', 'high', 'critical'].indexOf(s);
}
