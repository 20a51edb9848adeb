import { readFileSync } from 'node:fs';
import { z } from 'zod';
import { InputError } from '../input/errors.js';
import { parseJsonFile, validateJson } from '../input/json.js';
import { displayPath } from '../input/sources.js';
import { clopperPearson } from '../stats/proportion.js';
import { readAudit, verifyText } from '../audit/log.js';
import { GateFileSchema, GateSideSchema } from '../verdict/schema.js';
import { GateFiguresSchema, type GateFigures, type TrendPoint } from './schema.js';

export type { GateFigures, TrendPoint };

/** What the trend reads of a gate.json: a slice of its schema (the candidate's figures), so any gate file passes. */
const GateSlice = GateFileSchema.pick({ createdAt: true, verdict: true }).extend({
  kind: z.literal('safety-gate.gate', { error: 'expected a gate.json (kind: safety-gate.gate)' }),
  candidate: GateSideSchema.pick({
    target: true,
    passRate: true,
    delayedFailureRate: true,
    cases: true,
    samples: true,
    errors: true,
  }),
});

/** A gate's figures, for the audit log and the trend. */
export type GateLike = Omit<z.infer<typeof GateSlice>, 'kind'>;

export function figuresOf(g: GateLike): GateFigures {
  const ref = g.candidate.target.ref;
  return {
    at: g.createdAt,
    label: ref ? `${g.candidate.target.name}@${ref.slice(0, 12)}` : g.candidate.target.name,
    verdict: g.verdict,
    headSha: ref ?? undefined,
    cases: g.candidate.cases,
    valid: Math.max(0, g.candidate.samples - g.candidate.errors),
    passRate: g.candidate.passRate,
    delayedFailureRate: g.candidate.delayedFailureRate,
  };
}

function point(f: GateFigures, source: string): TrendPoint {
  const ci = (rate: number): [number, number] => {
    if (f.valid === 0) return [0, 1];
    const k = Math.min(f.valid, Math.max(0, Math.round(rate * f.valid)));
    return clopperPearson(k, f.valid).ci;
  };
  return { ...f, source, passCi: ci(f.passRate), delayedCi: ci(f.delayedFailureRate) };
}

/**
 * Past gates from gate.json files and audit logs (`.jsonl`: its `gate` records, after the chain verifies), oldest
 * first. A file that is neither is an error naming it: a trend silently missing gates would mislead.
 */
export function readHistory(files: string[]): TrendPoint[] {
  const points: TrendPoint[] = [];
  for (const file of files) {
    const shown = displayPath(file);
    if (/\.jsonl$/i.test(file)) {
      const text = readFileSync(file, 'utf8');
      const v = verifyText(text);
      if (!v.ok) throw InputError.one(shown, '', `the audit log does not verify: ${v.problem}`);
      readAudit(text).forEach((r, i) => {
        if (r.kind !== 'gate') return;
        const figures = validateJson(r.details?.figures, GateFiguresSchema, `${file} record ${i + 1}`);
        points.push(point(figures, `${shown}#${i + 1}`));
      });
    } else {
      const g = validateJson(parseJsonFile(file, 'gate file'), GateSlice, file);
      points.push(point(figuresOf(g), shown));
    }
  }
  return points.sort((a, b) => (a.at < b.at ? -1 : a.at > b.at ? 1 : 0));
}
