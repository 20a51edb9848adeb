import type { RegressionCase } from '../case/schema.js';
import type { RuleRegistry } from '../rule/registry.js';
import { clopperPearson } from '../stats/proportion.js';
import type { TranscriptEntry } from '../trajectory/types.js';
import { sha256 } from '../util/hash.js';
import { toTranscript } from './conversation.js';
import { gradeTranscript, type Check } from './grade.js';
import { describeTrafficStats, readTraffic } from './traffic.js';
import { rootCause, type RootCause } from './root-cause.js';
import type { AffectedExample, BlastRadius, ExposureSignature, VariantSummary } from './replay-schema.js';
import type { SecretScrubber } from './scrub.js';

export type { AffectedExample, BlastRadius, ExposureSignature, VariantSummary };

/** Affected conversations that failed the same way for a different cause: each becomes a new case. */
export type Variant = VariantSummary & { transcript: TranscriptEntry[]; rootCause: RootCause };

const normalise = (s: string) => s.replace(/\s+/g, ' ').trim().toLowerCase();

export function exposureSignature(rc: RootCause, transcript: TranscriptEntry[]): ExposureSignature | null {
  if (rc.mechanism !== 'indirect_injection' || !rc.origin) return null;
  const planted = transcript[rc.origin.index];
  // A traced value (the attacker's address) marks exposure; a generic marker ("note to the AI") would count every
  // injection attempt of that shape, so then only the same planted content does.
  return {
    tokens: rc.origin.via === 'value' && rc.origin.token ? [rc.origin.token] : [],
    content: planted.role === 'tool' ? sha256(normalise(planted.content)) : undefined,
  };
}

/**
 * Exposure test for one signature, built once: tokens lower-cased once, and the planted content compared as its
 * normalised text (a length check first), not re-hashed for every tool message of every logged conversation.
 */
function exposureTest(sig: ExposureSignature, planted: string | undefined) {
  const tokens = sig.tokens.map((t) => t.toLowerCase());
  const target = planted !== undefined ? normalise(planted) : undefined;
  return (transcript: TranscriptEntry[]): boolean => {
    for (const m of transcript) {
      if (m.role === 'assistant') continue;
      if (tokens.length) {
        const lower = m.content.toLowerCase();
        if (tokens.some((t) => lower.includes(t))) return true;
      }
      // Normalising never lengthens text, so a shorter message cannot be the planted one.
      if (
        target !== undefined &&
        m.role === 'tool' &&
        m.content.length >= target.length &&
        normalise(m.content) === target
      )
        return true;
    }
    return false;
  };
}

export interface BlastOptions {
  log: string;
  logLabel: string;
  checks: Check[];
  rules: RuleRegistry;
  incidentRootCause: RootCause;
  incidentTranscript: TranscriptEntry[];
  scrubber: SecretScrubber;
  delayedTurn: number;
  volume?: { conversations: number; period?: string };
  maxExamples?: number;
  /** Skip lines that are not conversations (counted in the blast radius) instead of failing. */
  skipBadLines?: boolean;
}

function variantKey(rc: RootCause): string {
  return `${rc.mechanism}|${rc.rule}|${rc.origin?.token?.toLowerCase() ?? normalise(rc.origin?.excerpt ?? '')}`;
}

/**
 * Grades every logged conversation with the rules the incident broke, and looks for the incident's cause in
 * each: how many met it, how many failed, how often meeting it meant failing, and which failures had another
 * cause (variants). Rates carry exact Clopper–Pearson intervals: blast radii are small counts.
 */
export async function blastRadius(o: BlastOptions): Promise<{ blast: BlastRadius; variants: Variant[] }> {
  const sig = exposureSignature(o.incidentRootCause, o.incidentTranscript);
  const origin = o.incidentRootCause.origin
    ? o.incidentTranscript[o.incidentRootCause.origin.index]
    : undefined;
  const isExposed = sig
    ? exposureTest(sig, sig.content && origin?.role === 'tool' ? origin.content : undefined)
    : undefined;
  const incidentKey = variantKey(o.incidentRootCause);
  const maxExamples = o.maxExamples ?? 20;
  let exposed = 0;
  let affected = 0;
  let affectedExposed = 0;
  let delayedAffected = 0;
  const byRule: Record<string, number> = {};
  const examples: AffectedExample[] = [];
  const groups = new Map<string, Variant>();
  const stats = await readTraffic(
    o.log,
    async (conv) => {
      const transcript = toTranscript(o.scrubber.messages(conv.messages));
      const isExp = isExposed ? isExposed(transcript) : null;
      if (isExp) exposed++;
      const violations = await gradeTranscript(
        transcript,
        lightCase(conv.id, transcript),
        o.checks,
        o.rules,
        true,
      );
      if (!violations.length) return;
      affected++;
      if (isExp) affectedExposed++;
      const rc = rootCause(transcript, violations, o.rules, { delayedTurn: o.delayedTurn });
      if (rc.delayed) delayedAffected++;
      byRule[rc.rule] = (byRule[rc.rule] ?? 0) + 1;
      const example = { id: conv.id, line: conv.line, turn: rc.turn, rule: rc.rule, exposed: isExp };
      if (examples.length < maxExamples) examples.push(example);
      const key = variantKey(rc);
      if (key === incidentKey) return;
      const g = groups.get(key);
      if (g) g.count++;
      else
        groups.set(key, {
          key,
          mechanism: rc.mechanism,
          rule: rc.rule,
          ...(rc.origin?.token ? { token: rc.origin.token } : {}),
          count: 1,
          example,
          transcript,
          rootCause: rc,
        });
    },
    { skipBadLines: o.skipBadLines },
  );
  const n = stats.conversations;
  const affectedP = clopperPearson(affected, n);
  const notes: string[] = [];
  let volume: BlastRadius['volume'] = null;
  if (o.volume) {
    if (o.volume.conversations < n) {
      notes.push(
        `traffic.conversations (${o.volume.conversations}) is smaller than the log (${n} conversations): not scaled`,
      );
    } else {
      const N = o.volume.conversations;
      volume = {
        conversations: N,
        ...(o.volume.period ? { period: o.volume.period } : {}),
        affected: Math.round((affected / n) * N),
        ci: [Math.floor(affectedP.ci[0] * N), Math.ceil(affectedP.ci[1] * N)],
      };
      // The affected conversations in the log are certain; the interval cannot claim fewer.
      volume.ci[0] = Math.max(volume.ci[0], affected);
    }
  }
  if (stats.skipped)
    notes.push(
      `${stats.skipped} lines of the log could not be read and were skipped: the rates are over the ${n} that could`,
    );
  // What reading the log repaired or ignored, said where the figures are read.
  notes.push(...describeTrafficStats({ ...stats, skipped: 0 }, o.logLabel));
  if (!sig)
    notes.push(
      `the cause (${o.incidentRootCause.mechanism.replace(/_/g, ' ')}) is not planted content, so exposure is not measured: only failures are counted`,
    );
  const variants = [...groups.values()].sort((a, b) => b.count - a.count || a.example.line - b.example.line);
  return {
    blast: {
      log: o.logLabel,
      conversations: n,
      rules: o.checks.map((c) => c.rule),
      signature: sig,
      exposed: sig ? clopperPearson(exposed, n) : null,
      affected: affectedP,
      affectedWhenExposed: sig ? clopperPearson(affectedExposed, exposed) : null,
      affectedUnexposed: affected - affectedExposed,
      delayedAffected,
      byRule,
      volume,
      notes,
      unreadableLines: stats.skipped,
      examples,
      variants: variants.map(({ transcript: _t, rootCause: _r, ...v }) => v),
    },
    variants,
  };
}

/** What a rule may read of `ctx.case` when it grades a logged conversation. */
export function lightCase(id: string, transcript: TranscriptEntry[]): RegressionCase {
  const system = transcript
    .filter((m) => m.role === 'system')
    .map((m) => m.content)
    .join('\n\n');
  return {
    ...(system ? { system } : {}),
    id,
    title: id,
    category: 'prompt_injection',
    severity: 'low',
    tags: [],
    canaries: [],
    tools: [],
    turns: transcript.filter((m) => m.role === 'user').map((m) => ({ user: m.content })),
    expect: [],
  };
}
