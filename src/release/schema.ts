import { z } from 'zod';
import { openObject } from '../input/json.js';
import { IntervalSchema } from '../stats/schema.js';

/** One task-list item of a release checklist, as written. */
export const ChecklistItemSchema = openObject({
  file: z.string().describe('the checklist as the config names it (relative to the config)'),
  line: z.int().describe('1-based line in the file'),
  text: z.string(),
  checked: z.boolean(),
  signer: z
    .string()
    .optional()
    .describe('the login the line is signed by (`— @alice 2026-11-20`), without the @'),
  date: z.string().optional(),
});
export type ChecklistItem = z.infer<typeof ChecklistItemSchema>;

export const CriterionSchema = ChecklistItemSchema.extend({
  met: z.boolean(),
  why: z.string().describe('why it is not met, or how the signature was verified'),
});
export type Criterion = z.infer<typeof CriterionSchema>;

/** How a signature was checked: against git history (the action) or taken as written (the CLI). */
export const VerificationSchema = z.enum(['git-history', 'as-written']);
export type Verification = z.infer<typeof VerificationSchema>;

/** Release mode: the release criteria (checklists) and how their signatures were checked. */
export const ReleaseCriteriaSchema = openObject({
  checklists: z.array(z.string()),
  verification: VerificationSchema,
  criteria: z.array(CriterionSchema),
  missing: z.array(z.string()).describe('files the config names that are not there (each one is unmet)'),
  met: z.boolean(),
});
export type ReleaseCriteria = z.infer<typeof ReleaseCriteriaSchema>;

/** The figures of one gate the trend needs; what a `gate` audit record keeps in `details.figures`. */
export const GateFiguresSchema = openObject({
  at: z.string(),
  label: z.string(),
  verdict: z.string(),
  headSha: z.string().optional(),
  /** Candidate side: cases, valid samples (errors excluded), pass rate, delayed-failure rate. */
  cases: z.int().min(0),
  valid: z.int().min(0),
  passRate: z.number().min(0).max(1),
  delayedFailureRate: z.number().min(0).max(1),
});
export type GateFigures = z.infer<typeof GateFiguresSchema>;

/** One past gate on the trend, with exact 95% intervals (Clopper–Pearson over its valid samples). */
export const TrendPointSchema = GateFiguresSchema.extend({
  source: z.string(),
  passCi: IntervalSchema,
  delayedCi: IntervalSchema,
});
export type TrendPoint = z.infer<typeof TrendPointSchema>;
