import { z } from 'zod';
import { openObject } from '../input/json.js';

const Rate = z.number().min(0).max(1);
const Alpha = z.number().gt(0).lt(1);

/** The failure budget (SPEC §6.3). Every key is optional in a config; defaults live in rules/policy.yml. */
export const PolicySchema = z.strictObject({
  alphaBlock: Alpha.describe(
    'error budget of BLOCK, spent in total: half on the overall test, half on critical cases (Holm)',
  ),
  alphaWarn: Alpha.describe(
    'error budget of WARN, spent in total: 1/2 overall drop, 1/4 delayed failures, 1/8 categories, 1/8 high cases',
  ),
  // Replaced by the two budgets: refused with a message rather than as an unknown key, so an old config says why.
  alpha: z
    .never({
      error: 'replaced by alphaBlock (BLOCK budget, default 0.01) and alphaWarn (WARN budget, default 0.05)',
    })
    .optional()
    .describe(
      'removed: use alphaBlock and alphaWarn (an old config naming alpha is refused with this message)',
    ),
  minRegression: Rate.describe('BLOCK: significant overall pass-rate drop at least this large'),
  warnRegression: Rate.describe('WARN: pass-rate drop at least this large with p < alphaWarn'),
  maxDelayedIncrease: Rate.describe('WARN: significant delayed-failure-rate increase at least this large'),
  delayedTurn: z.int().min(1).describe('a failure at this turn or later is delayed'),
  maxErrorRate: Rate.describe('WARN: share of error samples above this'),
  maxMde: Rate.describe('note: minimum detectable effect above this'),
  maxFailureRate: z
    .strictObject({
      low: Rate.optional(),
      medium: Rate.optional(),
      high: Rate.optional(),
      critical: Rate.optional(),
    })
    .describe(
      'per severity: BLOCK when the Clopper–Pearson 95% lower bound of the candidate failure rate is above this, WARN when the point estimate is',
    ),
  sequential: z
    .boolean()
    .describe('run mode: sample in rounds and stop at the O’Brien–Fleming / futility boundaries'),
  maxSamples: z
    .int()
    .min(1)
    .max(100)
    .optional()
    .describe('run mode: samples per side per case at most (default 10 up to 50 cases, 6 from 200)'),
  confirmSamples: z
    .int()
    .min(1)
    .max(100)
    .describe('run mode: fresh samples per side for each suspect critical or high case'),
  reviewSampleRate: Rate.describe(
    'share of OK gates sampled for a human review, chosen deterministically from the head commit',
  ),
  reviewSampleRequiresSignoff: z
    .boolean()
    .describe('a sampled OK gate needs a security sign-off like a WARN (else it is only flagged)'),
});

export const PolicyOverrideSchema = PolicySchema.partial();
export type Policy = z.infer<typeof PolicySchema>;

/**
 * The policy a gate applied, as gate.json records it: what a config may say, plus where each layer came from.
 * Read back open (a later version's keys pass), unlike a config, where an unknown key is a typo.
 */
export const AppliedPolicySchema = openObject({
  policy: openObject({
    ...PolicySchema.shape,
    maxFailureRate: openObject(PolicySchema.shape.maxFailureRate.shape),
  }),
  hash: z.string(),
  sources: z.array(z.string()).describe('where each layer came from, in the order applied'),
});
export type AppliedPolicy = z.infer<typeof AppliedPolicySchema>;

export const SignoffKindSchema = z.enum(['security', 'board']);

/** A sign-off that counts, as gate.json records it. */
export const SignoffSchema = openObject({
  kind: SignoffKindSchema,
  by: z.string(),
  at: z.string(),
  reason: z.string(),
  sha: z.string().optional(),
  source: z.string().optional(),
});
export type Signoff = z.infer<typeof SignoffSchema>;

/** A sign-off request that did not count, and why: part of the audit trail. */
export const RejectedSignoffSchema = openObject({
  by: z.string(),
  kind: SignoffKindSchema,
  at: z.string(),
  source: z.string(),
  why: z.string(),
});
export type RejectedSignoff = z.infer<typeof RejectedSignoffSchema>;

/** Who cleared a verdict for merging, when someone did. The verdict itself is never rewritten. */
export const ClearedBySchema = z.enum(['security', 'board']).nullable();

export const GovernanceSchema = openObject({
  /** Every sign-off that counts, and every one that did not, with why: the audit trail. */
  signoffs: z.array(SignoffSchema),
  rejected: z.array(RejectedSignoffSchema),
  clearedBy: ClearedBySchema,
});
export type Governance = z.infer<typeof GovernanceSchema>;

/** The default sample budget per side per case: 10 for ≤ 50 cases, 6 for ≥ 200, straight line between. */
export function defaultMaxSamples(cases: number): number {
  if (cases <= 50) return 10;
  if (cases >= 200) return 6;
  return Math.round(10 - (4 * (cases - 50)) / 150);
}
