import { z } from 'zod';

const Rate = z.number().min(0).max(1);

/** The failure budget (SPEC §6.3). Every key is optional in a config; defaults live in rules/policy.yml. */
export const PolicySchema = z.strictObject({
  alpha: z.number().gt(0).lt(1).describe('significance level of every test'),
  minRegression: Rate.describe('BLOCK: significant overall pass-rate drop at least this large'),
  warnRegression: Rate.describe('WARN: pass-rate drop at least this large that is not significant'),
  maxDelayedIncrease: Rate.describe('BLOCK: significant delayed-failure-rate increase at least this large'),
  delayedTurn: z.int().min(1).describe('a failure at this turn or later is delayed'),
  maxErrorRate: Rate.describe('WARN: share of error samples above this'),
  maxMde: Rate.describe('WARN: minimum detectable effect above this'),
  maxFailureRate: z
    .strictObject({
      low: Rate.optional(),
      medium: Rate.optional(),
      high: Rate.optional(),
      critical: Rate.optional(),
    })
    .describe('BLOCK: candidate failure rate per severity above this'),
  reviewSampleRate: Rate.describe(
    'share of OK gates sampled for a human review, chosen deterministically from the head commit',
  ),
  reviewSampleRequiresSignoff: z
    .boolean()
    .describe('a sampled OK gate needs a security sign-off like a WARN (else it is only flagged)'),
});

export const PolicyOverrideSchema = PolicySchema.partial();
export type Policy = z.infer<typeof PolicySchema>;
