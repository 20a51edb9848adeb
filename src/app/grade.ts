import { closeSync, openSync, renameSync, rmSync, writeSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { mkdirSync } from 'node:fs';
import { loadProject } from './project.js';
import { InputError } from '../input/errors.js';
import { displayPath } from '../input/sources.js';
import { readTraffic, type TrafficStats } from '../incident/traffic.js';
import { toTranscript } from '../incident/conversation.js';
import { defaultChecks, gradeTranscript, type Check } from '../incident/grade.js';
import { lightCase } from '../incident/blast.js';
import { UNSURE_PREFIX } from '../rule/kinds/refusal.js';
import type { Violation } from '../rule/context.js';

export interface GradeOptions {
  traffic: string;
  out: string;
  /** Rule packs (paths, globs, builtin:NAME); default: the config's. */
  rules?: string[];
  /** Rules every conversation must hold; default: the rules that apply to any conversation. */
  expect?: string[];
  config?: string;
  cwd?: string;
  skipBadLines?: boolean;
  onProgress?: (p: GradeProgress) => void;
}

export interface GradeProgress {
  conversations: number;
  failed: number;
  unsure: number;
  line: number;
  elapsedMs: number;
  finished: boolean;
}

export type GradeVerdict = 'pass' | 'fail' | 'unsure';

/** One output line: what a logged conversation was graded. */
export interface GradedConversation {
  id: string;
  line: number;
  passed: boolean;
  verdict: GradeVerdict;
  violations: Violation[];
}

export interface GradeSummary {
  out: string;
  rules: string[];
  conversations: number;
  passed: number;
  failed: number;
  unsure: number;
  /** Conversations with at least one violation of the rule (unsure readings included). */
  byRule: Record<string, number>;
  traffic: TrafficStats;
}

/** Fail when any violation is definite; unsure when the only ones are unsure readings; else pass. */
export function verdictOf(violations: Violation[]): GradeVerdict {
  if (violations.length === 0) return 'pass';
  return violations.every((v) => v.evidence.startsWith(UNSURE_PREFIX)) ? 'unsure' : 'fail';
}

/**
 * Grades logged conversations (OpenAI chat shape, one per line) offline with the loaded rule packs, streaming: one
 * output line per conversation, written as it is graded. The output appears complete or not at all (written beside
 * and renamed at the end), so a failed run never leaves a half file that reads as a result.
 */
export async function gradeTraffic(o: GradeOptions): Promise<GradeSummary> {
  const cwd = o.cwd ?? process.cwd();
  const project = await loadProject({ config: o.config, rules: o.rules, cwd, withSuite: false });
  const rules = project.rules;
  let checks: Check[];
  if (o.expect?.length) {
    const unknown = o.expect.filter((id) => !rules.has(id));
    if (unknown.length)
      throw new InputError(
        unknown.map((id) => ({
          file: '(command line)',
          path: '--expect',
          message: `unknown rule "${id}" (not in any loaded rule pack: ${[...rules.keys()].join(', ')})`,
        })),
      );
    checks = o.expect.map((rule) => ({ rule }));
  } else checks = defaultChecks(rules);
  if (checks.length === 0)
    throw InputError.one('(command line)', '--expect', 'expected at least one rule to grade with');
  const out = resolve(cwd, o.out);
  mkdirSync(dirname(out), { recursive: true });
  const partial = `${out}.partial`;
  const fd = openSync(partial, 'w');
  const started = Date.now();
  let passed = 0;
  let failed = 0;
  let unsure = 0;
  const byRule: Record<string, number> = {};
  let lastLine = 0;
  const progress = (finished: boolean) =>
    o.onProgress?.({
      conversations: passed + failed + unsure,
      failed,
      unsure,
      line: lastLine,
      elapsedMs: Date.now() - started,
      finished,
    });
  let stats: TrafficStats;
  try {
    stats = await readTraffic(
      resolve(cwd, o.traffic),
      async (conv) => {
        const transcript = toTranscript(conv.messages);
        const violations = await gradeTranscript(transcript, lightCase(conv.id, transcript), checks, rules);
        const verdict = verdictOf(violations);
        if (verdict === 'pass') passed++;
        else if (verdict === 'fail') failed++;
        else unsure++;
        for (const r of new Set(violations.map((v) => v.rule))) byRule[r] = (byRule[r] ?? 0) + 1;
        const row: GradedConversation = {
          id: conv.id,
          line: conv.line,
          passed: verdict === 'pass',
          verdict,
          violations,
        };
        writeSync(fd, JSON.stringify(row) + '\n');
        lastLine = conv.line;
        progress(false);
      },
      { skipBadLines: o.skipBadLines },
    );
    closeSync(fd);
    renameSync(partial, out);
  } catch (e) {
    closeSync(fd);
    rmSync(partial, { force: true });
    throw e;
  }
  progress(true);
  return {
    out: displayPath(out),
    rules: checks.map((c) => c.rule),
    conversations: passed + failed + unsure,
    passed,
    failed,
    unsure,
    byRule,
    traffic: stats,
  };
}
