import { z } from 'zod';

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
  // Written since the two error budgets (issue 12): absent from older gate files.
  notes: z.array(z.looseObject({ code: z.string(), message: z.string() })).default([]),
  alphaWarn: Num.optional(),
  signoffs: z.array(z.looseObject({ kind: z.string(), by: z.string(), at: z.string(), reason: z.string() })),
  // Written by later versions: absent from older gate files.
  rejectedSignoffs: z
    .array(z.looseObject({ kind: z.string(), by: z.string(), at: z.string(), why: z.string() }))
    .default([]),
  clearedBy: z.enum(['security', 'board']).nullable().default(null),
  policy: z.looseObject({ policy: z.looseObject({}), hash: z.string(), sources: z.array(z.string()) }),
});
