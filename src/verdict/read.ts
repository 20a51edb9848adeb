import { readFileSync } from 'node:fs';
import { z } from 'zod';
import { InputError, problemsFromZod } from '../config/errors.js';
import { displayPath } from '../config/sources.js';
import type { GateFile } from './gate.js';

const Num = z.number();
const Side = z.looseObject({
  target: z.looseObject({ name: z.string() }),
  passRate: Num,
  delayedFailureRate: Num,
  cases: Num,
  samples: Num,
  errors: Num,
  failureCurve: z.array(Num),
});

/** Enough of gate.json to re-render reports from it safely; written by this tool, so extra keys are allowed. */
export const GateFileSchema = z.looseObject({
  kind: z.literal('safety-gate.gate'),
  schemaVersion: z.literal(1),
  verdict: z.enum(['OK', 'WARN', 'BLOCK']),
  exitCode: z.int(),
  baseline: Side,
  candidate: Side,
  delta: Num,
  ci: z.tuple([Num, Num]),
  pValue: Num,
  test: z.string(),
  alpha: Num,
  mde: Num,
  delayed: z.looseObject({ baseline: Num, candidate: Num, delta: Num, pValue: Num }),
  categories: z.array(
    z.looseObject({ name: z.string(), delta: Num, ci: z.tuple([Num, Num]), pAdjusted: Num }),
  ),
  cases: z.array(
    z.looseObject({ id: z.string(), category: z.string(), severity: z.string(), status: z.string() }),
  ),
  reasons: z.array(
    z.looseObject({ code: z.string(), level: z.enum(['WARN', 'BLOCK']), message: z.string() }),
  ),
  signoffs: z.array(z.looseObject({})),
  policy: z.looseObject({ policy: z.looseObject({}), hash: z.string(), sources: z.array(z.string()) }),
});

export function readGate(file: string): GateFile {
  const name = displayPath(file);
  let data: unknown;
  try {
    data = JSON.parse(readFileSync(file, 'utf8'));
  } catch (e) {
    const err = e as NodeJS.ErrnoException;
    throw InputError.one(
      name,
      '',
      err.code ? `cannot read gate file: ${err.code}` : `not valid JSON: ${err.message}`,
    );
  }
  const parsed = GateFileSchema.safeParse(data);
  if (!parsed.success)
    throw new InputError(problemsFromZod(name, parsed.error as z.ZodError, () => undefined).slice(0, 50));
  return parsed.data as unknown as GateFile;
}
