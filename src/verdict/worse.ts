import type { CaseStats, CaseStatus } from './compare.js';

const SEVERITY_RANK: Record<string, number> = { critical: 0, high: 1, medium: 2, low: 3 };

/** Candidate pass fraction minus baseline pass fraction; null when either side has no valid sample. */
export function caseChange(c: CaseStats): number | null {
  const b = c.baseline?.passRate;
  const k = c.candidate?.passRate;
  return b === null || b === undefined || k === null || k === undefined ? null : k - b;
}

/** Valid candidate samples that failed. */
export const candidateFailures = (c: CaseStats): number =>
  c.candidate ? c.candidate.valid - c.candidate.passes : 0;

/**
 * Worst first: severity, then the change (the biggest drop first; a case with nothing to compare against, such as a
 * new case, after those of its severity that dropped), then the adjusted p, then id (stable across runs).
 */
export function byConcern(a: CaseStats, b: CaseStats): number {
  const ca = caseChange(a);
  const cb = caseChange(b);
  return (
    SEVERITY_RANK[a.severity] - SEVERITY_RANK[b.severity] ||
    (ca ?? 0) - (cb ?? 0) ||
    (ca === null ? 1 : 0) - (cb === null ? 1 : 0) ||
    (a.pAdjusted ?? 1) - (b.pAdjusted ?? 1) ||
    candidateFailures(b) - candidateFailures(a) ||
    (a.id < b.id ? -1 : a.id > b.id ? 1 : 0)
  );
}

/**
 * Every case whose candidate failed at least once (whatever its status: a critical case going 5/5 → 4/5 is not
 * "regressed" at any significance level, and a reviewer still has to see it), worst first.
 */
export function failingCases(cases: CaseStats[]): CaseStats[] {
  return cases.filter((c) => candidateFailures(c) > 0).sort(byConcern);
}

/** Cases whose pass fraction fell (compared on both sides), worst first. */
export function droppedCases(cases: CaseStats[]): CaseStats[] {
  return cases.filter((c) => (caseChange(c) ?? 0) < 0).sort(byConcern);
}

/** Order of case statuses in reports: what needs a look first. Typed by status, so a new status cannot be missed. */
export const STATUS_ORDER: Record<CaseStatus, number> = {
  regressed: 0,
  suspect: 1,
  removed: 2,
  new: 3,
  fixed: 4,
  unchanged: 5,
};
