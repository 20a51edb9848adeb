import { z } from 'zod';
import { openObject } from '../input/json.js';

/** The statistics the files this tool writes carry (gate.json, replay.json, stress files). */

/** A two-sided interval [low, high]. */
export const IntervalSchema = z.tuple([z.number(), z.number()]);

export const PowerSchema = openObject({
  mde: z
    .number()
    .describe(
      'smallest drop in pass rate the overall BLOCK rule detects with power 0.8, from the baseline alone',
    ),
  sigma0: z
    .number()
    .nullable()
    .describe('sd of delta under H0 estimated from the baseline alone (σ0); null when no case was compared'),
  brokenCases: z
    .int()
    .describe(
      'fully broken cases (always passing → always failing) that make a drop of `mde`: ceil(mde · cases)',
    ),
});
export type Power = z.infer<typeof PowerSchema>;

export const ProportionSchema = openObject({
  /** Successes (failures, in our use) and trials. */
  k: z.int().min(0),
  n: z.int().min(0),
  rate: z.number().nullable().describe('k / n; null when n = 0 (nothing observed, nothing claimed)'),
  ci: IntervalSchema.describe('exact two-sided interval (Clopper–Pearson); [0, 1] when n = 0'),
});
export type Proportion = z.infer<typeof ProportionSchema>;
