import type { GateFile } from '../verdict/gate.js';
import { THRESHOLD_CHANGES } from '../verdict/gate.js';
import { figuresOf } from '../release/trend.js';
import type { AuditEntry } from './log.js';

export interface GateAuditContext {
  /** Who ran the gate (a CI actor, a user). */
  who: string;
  /** The head commit gated, when known. */
  headSha?: string;
  /** What was gated: "pull request #7", "release v1.2", "gate". */
  why: string;
  at?: string;
}

/**
 * The audit records one gate produces: the gate itself (with the figures the trend reads back), every sign-off
 * and override (and every one that did not count), every threshold change the head makes (with the commits that
 * made it), a review sample, and the release decision.
 */
export function gateEntries(g: GateFile, c: GateAuditContext): AuditEntry[] {
  const at = c.at ?? new Date().toISOString();
  const head = c.headSha ?? g.candidate.target.ref ?? null;
  const base = { headSha: head, policyHash: g.policy.hash, verdict: g.verdict };
  const out: AuditEntry[] = [];
  out.push({
    kind: 'gate',
    who: c.who,
    at,
    why: c.why,
    ...base,
    details: {
      exitCode: g.exitCode,
      clearedBy: g.clearedBy,
      reasons: g.reasons.map((r) => ({ code: r.code, level: r.level })),
      policySources: g.policy.sources,
      figures: { ...figuresOf(g), headSha: head ?? undefined },
    },
  });
  for (const r of g.reasons.filter((x) => THRESHOLD_CHANGES.includes(x.code))) {
    const commits =
      (r.values.commits as Array<{ sha: string; author: string; at: string; subject: string }>) ?? [];
    out.push({
      kind: 'threshold_change',
      who: commits.length
        ? [...new Set(commits.map((x) => x.author))].join(', ')
        : 'unknown (no commit history)',
      at: commits[0]?.at ?? at,
      why: commits.length ? commits.map((x) => `${x.sha.slice(0, 7)} ${x.subject}`).join('; ') : r.message,
      ...base,
      details: { code: r.code, message: r.message, changes: r.values.changes ?? r.values },
    });
  }
  for (const s of g.signoffs)
    out.push({
      kind: s.kind === 'board' ? 'override' : 'signoff',
      who: s.by,
      at: s.at,
      why: s.reason,
      ...base,
      details: { sha: s.sha, source: s.source, clearedBy: g.clearedBy },
    });
  for (const s of g.rejectedSignoffs ?? [])
    out.push({
      kind: 'signoff_rejected',
      who: s.by,
      at: s.at,
      why: s.why,
      ...base,
      details: { kind: s.kind, source: s.source },
    });
  if (g.review)
    out.push({
      kind: 'review_sample',
      who: c.who,
      at,
      why: `OK sampled for review at rate ${g.review.rate} (draw ${g.review.draw.toFixed(4)})${g.review.requiresSignoff ? '; a security sign-off is required' : ''}`,
      ...base,
      details: { ...g.review },
    });
  if (g.release)
    out.push({
      kind: 'release',
      who: c.who,
      at,
      why: `${c.why}: criteria ${g.release.met ? 'met' : 'unmet'}; ${g.exitCode === 0 ? 'released' : 'not released'}`,
      ...base,
      details: {
        exitCode: g.exitCode,
        verification: g.release.verification,
        missing: g.release.missing,
        criteria: g.release.criteria.map((x) => ({
          file: x.file,
          line: x.line,
          text: x.text,
          signer: x.signer ?? null,
          date: x.date ?? null,
          met: x.met,
          why: x.why,
        })),
      },
    });
  return out;
}
