import { createHash } from 'node:crypto';
import type { GateFile } from './gate.js';
import { exitCodeFor } from './gate.js';
import type { ReviewSample } from './schema.js';

export type { ReviewSample };

/** A deterministic draw in [0, 1) from the head commit (the first 48 bits of its sha256). */
export function reviewDraw(headSha: string): number {
  const hex = createHash('sha256').update(headSha.toLowerCase()).digest('hex').slice(0, 12);
  return parseInt(hex, 16) / 2 ** 48;
}

/**
 * Samples an OK gate for review at `policy.reviewSampleRate`, deterministically from the head commit. A sampled
 * gate says so; with `policy.reviewSampleRequiresSignoff` it carries a WARN reason, so it needs a security
 * sign-off like any WARN. Gates that are not OK, or have no head commit to draw from, are returned as they are.
 */
export function sampleForReview(g: GateFile, headSha: string | undefined): GateFile {
  if (g.verdict !== 'OK' || !headSha) return g;
  const { reviewSampleRate: rate, reviewSampleRequiresSignoff: requiresSignoff } = g.policy.policy;
  const draw = reviewDraw(headSha);
  if (!(draw < rate)) return g;
  const review: ReviewSample = { sampled: true, rate, draw, headSha, requiresSignoff };
  if (!requiresSignoff) return { ...g, review };
  return {
    ...g,
    review,
    verdict: 'WARN',
    exitCode: exitCodeFor('WARN', g.failOn ?? undefined),
    reasons: [
      ...g.reasons,
      {
        code: 'review_sampled',
        level: 'WARN',
        message: `This OK gate was sampled for review (policy.reviewSampleRate ${rate}; draw ${draw.toFixed(4)} from the head commit) and policy.reviewSampleRequiresSignoff asks for a security sign-off.`,
        values: { rate, draw, headSha },
      },
    ],
  };
}
