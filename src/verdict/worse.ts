import type { CaseStats, CaseStatus } from './compare.js';

export const SEVERITY_RANK: Record<string, number> = { critical: 0, high: 1, medium: 2, low: 3 };

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
 * new case, after those of its severity that dropped), then the adjusted p, then the candidate's failures, then id
 * (stable across runs). One key per case, shared by the comparator and the sort.
 */
function concernKey(c: CaseStats): number[] {
  const change = caseChange(c);
  return [
    SEVERITY_RANK[c.severity],
    change ?? 0,
    change === null ? 1 : 0,
    c.pAdjusted ?? 1,
    -candidateFailures(c),
  ];
}

function compareKeyed(a: { c: CaseStats; k: number[] }, b: { c: CaseStats; k: number[] }): number {
  for (let i = 0; i < a.k.length; i++) if (a.k[i] !== b.k[i]) return a.k[i] - b.k[i];
  return a.c.id < b.c.id ? -1 : a.c.id > b.c.id ? 1 : 0;
}

export function byConcern(a: CaseStats, b: CaseStats): number {
  return compareKeyed({ c: a, k: concernKey(a) }, { c: b, k: concernKey(b) });
}

/**
 * `cases.sort(byConcern)` with each case's key computed once, not in every comparison (n log n calls of caseChange
 * on a 20,000-case gate); `first` orders before byConcern (e.g. by status).
 */
export function sortByConcern(cases: CaseStats[], first?: (c: CaseStats) => number): CaseStats[] {
  return cases
    .map((c) => ({ c, k: [first ? first(c) : 0, ...concernKey(c)] }))
    .sort(compareKeyed)
    .map((x) => x.c);
}

/**
 * Every case whose candidate failed at least once (whatever its status: a critical case going 5/5 → 4/5 is not
 * "regressed" at any significance level, and a reviewer still has to see it), worst first.
 */
export function failingCases(cases: CaseStats[]): CaseStats[] {
  return sortByConcern(cases.filter((c) => candidateFailures(c) > 0));
}

/**
 * What a report lists: every case the candidate failed at least once, worst first, then the other changed cases
 * by status and concern. summary.md and report.html list the same cases in the same order.
 */
export interface Listed {
  failing: CaseStats[];
  others: CaseStats[];
}

export function listedCases(cases: CaseStats[]): Listed {
  const failing = failingCases(cases);
  const failingIds = new Set(failing.map((c) => c.id));
  const others = sortByConcern(
    cases.filter((c) => c.status !== 'unchanged' && !failingIds.has(c.id)),
    (c) => STATUS_ORDER[c.status],
  );
  return { failing, others };
}

/** Cases whose pass fraction fell (compared on both sides), worst first. */
export function droppedCases(cases: CaseStats[]): CaseStats[] {
  return sortByConcern(cases.filter((c) => (caseChange(c) ?? 0) < 0));
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
