import type { ResultsFile } from './schema.js';

/** One distinct error message across a side's samples: how often, and in which cases (first few). */
export interface ErrorGroup {
  message: string;
  count: number;
  /** The first five cases it happened in, and how many cases in all. */
  cases: string[];
  caseCount: number;
}

export interface ErrorSummary {
  /** Samples in the file, and how many of them ended in an error / produced a verdict. */
  samples: number;
  errors: number;
  valid: number;
  /** The first `max` distinct messages, most frequent first (ties: first seen first). */
  distinct: ErrorGroup[];
  /** Distinct messages left out of `distinct`. */
  more: number;
}

/** Retry bookkeeping differs between samples that failed the same way; it is not part of what broke. */
const normalise = (m: string) =>
  m
    .replace(/ \(gave up after \d+ attempts?\)/g, '')
    .replace(/\s+/g, ' ')
    .trim()
    .slice(0, 300);

/**
 * What went wrong on one side, grouped: "HTTP 401: Incorrect API key" ×135 rather than 135 lines. Any non-null
 * `error` is an error (SPEC §3.4), even "".
 */
export function summariseErrors(results: ResultsFile, max = 5): ErrorSummary {
  const groups = new Map<string, ErrorGroup & { first: number; all: Set<string> }>();
  let samples = 0;
  let errors = 0;
  for (const c of results.cases) {
    for (const s of c.samples) {
      samples++;
      if (s.error === null || s.error === undefined) continue;
      errors++;
      const message = normalise(s.error) || '(empty error)';
      const g = groups.get(message) ?? {
        message,
        count: 0,
        cases: [],
        caseCount: 0,
        first: groups.size,
        all: new Set<string>(),
      };
      g.count++;
      g.all.add(c.id);
      g.caseCount = g.all.size;
      if (g.cases.length < 5 && !g.cases.includes(c.id)) g.cases.push(c.id);
      groups.set(message, g);
    }
  }
  const sorted = [...groups.values()].sort((a, b) => b.count - a.count || a.first - b.first);
  return {
    samples,
    errors,
    valid: samples - errors,
    distinct: sorted
      .slice(0, max)
      .map(({ message, count, cases, caseCount }) => ({ message, count, cases, caseCount })),
    more: Math.max(0, sorted.length - max),
  };
}

/** A side with no valid sample at all (every sample an error, or none run): nothing about it can be compared. */
export function sideUnusable(results: ResultsFile): boolean {
  return summariseErrors(results, 0).valid === 0;
}

/** The summary as lines for a terminal or a log: "  135× HTTP 401: Incorrect API key (cases a, b, c)". */
export function formatErrorSummary(s: ErrorSummary, label?: string): string {
  const head = `${label ? `${label}: ` : ''}${s.errors} of ${s.samples} sample${s.samples === 1 ? '' : 's'} ended in an error${s.valid === 0 ? ' (no valid sample)' : ''}`;
  const lines = s.distinct.map(
    (g) =>
      `  ${g.count}× ${g.message}${g.cases.length ? ` (${g.cases.join(', ')}${g.caseCount > g.cases.length ? ` and ${g.caseCount - g.cases.length} more` : ''})` : ''}`,
  );
  if (s.more) lines.push(`  … and ${s.more} other distinct error${s.more === 1 ? '' : 's'}`);
  return [head, ...lines].join('\n');
}
