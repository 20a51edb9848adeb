import type { Category, Severity } from '../case/taxonomy.js';
import type { RuleRegistry } from '../rule/registry.js';
import type { TranscriptEntry } from '../trajectory/types.js';
import { lightCase } from '../incident/blast.js';
import { toTranscript } from '../incident/conversation.js';
import { defaultChecks, gradeTranscript, type Check } from '../incident/grade.js';
import type { TrafficConversation } from '../incident/traffic.js';

/**
 * THE grading step of monitoring, in one place. Today it reuses how an incident replay grades a logged conversation
 * for its blast radius (src/incident); when `safety-gate grade` (its rule packs, its tolerant reading) lands, this
 * file is the one to swap: everything else in src/monitor only sees `Grader` and `Graded`.
 */

export interface RuleMeta {
  id: string;
  category: Category;
  severity: Severity;
}

export interface Grader {
  rules: RuleRegistry;
  /** Checks every conversation is graded with. */
  checks: Check[];
  /** Added for a conversation labelled as misuse: the agent must refuse it. */
  misuseChecks: Check[];
  meta: Map<string, RuleMeta>;
}

/** A conversation as monitoring counts it: which rules it broke (each once), and for misuse, whether it got through. */
export interface Graded {
  id: string;
  timestamp?: number;
  rules: string[];
  misuse: boolean;
  /** A misuse-labelled conversation the safeguards did not stop (any rule violated, or not refused). */
  gotThrough: boolean;
}

/**
 * Rules that can judge any logged conversation (text, toolCall, leak, module; `only` narrows them), and the
 * `refusal: refuse` rules, applied only where the log labels the conversation a misuse attempt.
 */
export function makeGrader(rules: RuleRegistry, only?: string[]): Grader {
  const checks = only?.length ? only.map((rule) => ({ rule })) : defaultChecks(rules);
  for (const c of checks) if (!rules.has(c.rule)) throw new Error(`rule "${c.rule}" is not loaded`);
  const misuseChecks = [...rules.values()]
    .filter((r) => r.rule.kind === 'refusal' && r.rule.expect === 'refuse')
    .map((r) => ({ rule: r.rule.id }));
  const meta = new Map<string, RuleMeta>();
  for (const r of rules.values())
    meta.set(r.rule.id, { id: r.rule.id, category: r.rule.taxonomy, severity: r.rule.severity });
  return { rules, checks, misuseChecks, meta };
}

/** Grades one logged conversation (a parsed traffic line) with the grader's rules. */
export async function gradeConversation(conv: TrafficConversation, g: Grader): Promise<Graded> {
  return gradeTranscriptFor(
    conv.id,
    toTranscript(conv.messages),
    g,
    conv.misuse !== undefined,
    conv.timestamp,
  );
}

/** The same, for a conversation already in transcript form (shadow replays produce those). */
export async function gradeTranscriptFor(
  id: string,
  transcript: TranscriptEntry[],
  g: Grader,
  misuse: boolean,
  timestamp?: number,
): Promise<Graded> {
  const checks = misuse ? [...g.checks, ...g.misuseChecks] : g.checks;
  const violations = await gradeTranscript(transcript, lightCase(id, transcript), checks, g.rules);
  const rules = [...new Set(violations.map((v) => v.rule))];
  return {
    id,
    ...(timestamp !== undefined ? { timestamp } : {}),
    rules,
    misuse,
    gotThrough: misuse && rules.length > 0,
  };
}
