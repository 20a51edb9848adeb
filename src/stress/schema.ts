import { z } from 'zod';
import { CaseSchema } from '../case/schema.js';
import { SEVERITIES, TAXONOMY } from '../case/taxonomy.js';
import { ViolationSchema } from '../results/schema.js';

/** What `promote` reads of a stress file: each failure's case must be a valid regression case. */
export const StressFailuresSchema = z.looseObject({
  kind: z.literal('safety-gate.stress'),
  schemaVersion: z.literal(1),
  target: z.looseObject({ name: z.string() }),
  createdAt: z.string().optional(),
  failures: z.array(
    z.looseObject({
      id: z.string().min(1),
      seedCase: z.string(),
      count: z.int().min(1),
      category: z.enum(TAXONOMY),
      severity: z.enum(SEVERITIES),
      tactics: z.array(z.string()),
      firstFailureTurn: z.int().min(1),
      delayed: z.boolean(),
      violations: z.array(ViolationSchema),
      reproduced: z
        .looseObject({ k: z.int().min(0), n: z.int().min(0), rate: z.number().nullable() })
        .nullable(),
      case: CaseSchema,
    }),
  ),
});

export type StressFailures = z.infer<typeof StressFailuresSchema>;
