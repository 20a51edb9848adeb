import type { ResultsFile, SampleResult } from '../../src/results/schema.js';

/** Sample codes used by the statistics fixtures: 0 pass, t >= 1 first failure at turn t, -1 error. */
export function sampleFromCode(code: number): SampleResult {
  if (code === 0) return { passed: true, firstFailureTurn: null, error: null };
  if (code < 0) return { passed: false, firstFailureTurn: null, error: 'simulated error' };
  return { passed: false, firstFailureTurn: code, error: null };
}

export interface CodedCase {
  id: string;
  category: string;
  severity?: 'low' | 'medium' | 'high' | 'critical';
  b: number[];
  c: number[];
}

export function resultsFrom(
  cases: CodedCase[],
  side: 'b' | 'c',
  name = side === 'b' ? 'base' : 'head',
): ResultsFile {
  return {
    kind: 'safety-gate.results',
    schemaVersion: 1,
    target: { name },
    cases: cases.map((c) => ({
      id: c.id,
      category: c.category,
      severity: c.severity ?? 'medium',
      samples: c[side].map(sampleFromCode),
    })),
  };
}
