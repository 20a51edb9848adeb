import { readFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import type { z } from 'zod';
import { sha256 } from '../util/hash.js';
import { readCollecting } from '../input/document.js';
import { InputError, formatPath, problemsFromZod, type InputProblem } from '../input/errors.js';
import { displayPath } from '../input/sources.js';
import { RuleSchema, type Rule } from './schema.js';
import type { TurnContext } from './context.js';
import { textGrader } from './kinds/text.js';
import { refusalGrader } from './kinds/refusal.js';
import { toolCallGrader } from './kinds/toolCall.js';
import { leakGrader } from './kinds/leak.js';
import { moduleGrader } from './kinds/module.js';
import { judgeGrader, type TargetFactory } from './kinds/judge.js';
import { provenanceGrader } from './kinds/provenance.js';

/** Returns evidence when the rule is violated in this turn, null when it holds. */
export type Grade = (ctx: TurnContext) => string | null | Promise<string | null>;

export interface CompiledRule {
  rule: Rule;
  file: string;
  grade: Grade;
  /** sha256 of a module rule's code, so a changed module is a changed rule even when its YAML is the same. */
  codeHash?: string;
}

export interface RuleLoadOptions {
  /**
   * false for the head of a pull request: its module rules are hashed as data but never imported, and its judge
   * rules never call out (both would run the change under review inside the gate). Grading with one is an error.
   */
  trusted?: boolean;
}

export type RuleRegistry = Map<string, CompiledRule>;

/** Loads rule packs (each `{ rules: [...] }` or a bare list), compiles them, and reports every problem at once. */
export async function loadRules(
  files: string[],
  factory?: TargetFactory,
  o: RuleLoadOptions = {},
): Promise<RuleRegistry> {
  const { registry, problems } = await collectRules(files, factory, o);
  if (problems.length) throw new InputError(problems);
  return registry;
}

/**
 * Like loadRules, but returns what loaded beside the problems, and every id declared (even by a broken rule),
 * so `validate` can go on to check the cases without reporting spurious unknown-rule errors.
 */
export async function collectRules(files: string[], factory?: TargetFactory, o: RuleLoadOptions = {}) {
  const registry: RuleRegistry = new Map();
  const declared = new Set<string>();
  const problems: InputProblem[] = [];
  const pendingJudges: Array<{ id: string; file: string; path: string; line?: number }> = [];
  for (const abs of files) {
    const file = displayPath(abs);
    const doc = readCollecting(abs, file, problems);
    if (!doc) continue;
    const data = doc.data as unknown;
    let items: unknown[];
    let prefix: PropertyKey[];
    if (Array.isArray(data)) {
      items = data;
      prefix = [];
    } else if (data && typeof data === 'object' && Array.isArray((data as { rules?: unknown }).rules)) {
      const extra = Object.keys(data).filter((k) => k !== 'rules');
      for (const k of extra)
        problems.push({ file, path: k, line: doc.locate([k]), message: 'unknown key (check its spelling)' });
      items = (data as { rules: unknown[] }).rules;
      prefix = ['rules'];
    } else {
      problems.push({ file, path: '', message: 'expected a rule pack: { rules: [...] } or a list of rules' });
      continue;
    }
    for (let i = 0; i < items.length; i++) {
      const path = [...prefix, i];
      const rawId = (items[i] as { id?: unknown } | null)?.id;
      if (typeof rawId === 'string') declared.add(rawId);
      const parsed = RuleSchema.safeParse(items[i]);
      if (!parsed.success) {
        problems.push(...problemsFromZod(file, parsed.error as z.ZodError, doc.locate, path));
        continue;
      }
      const rule = parsed.data;
      const prior = registry.get(rule.id);
      if (prior) {
        problems.push({
          file,
          path: formatPath([...path, 'id']),
          line: doc.locate([...path, 'id']),
          message: `duplicate rule id "${rule.id}" (also in ${prior.file})`,
        });
        continue;
      }
      try {
        const codeHash = rule.kind === 'module' ? moduleCodeHash(rule.module, abs) : undefined;
        const lookup = (id: string) => registry.get(id)?.grade;
        const grade =
          o.trusted === false && (rule.kind === 'module' || rule.kind === 'judge')
            ? untrusted(rule)
            : await compile(rule, abs, formatPath(path), factory, lookup);
        registry.set(rule.id, { rule, file, grade, codeHash });
        if (rule.kind === 'refusal' && rule.unsure)
          pendingJudges.push({
            id: rule.unsure,
            file,
            path: formatPath([...path, 'unsure']),
            line: doc.locate([...path, 'unsure']),
          });
      } catch (e) {
        if (e instanceof InputError)
          problems.push(...e.problems.map((p) => ({ ...p, file, line: doc.locate(path) })));
        else throw e;
      }
    }
  }
  for (const j of pendingJudges) {
    const target = registry.get(j.id);
    if (target?.rule.kind !== 'judge')
      problems.push({
        file: j.file,
        path: j.path,
        line: j.line,
        message: target
          ? `expected the id of a judge rule, got "${j.id}" (a ${target.rule.kind} rule)`
          : `unknown judge rule "${j.id}" (not in any loaded rule pack)`,
      });
  }
  return { registry, problems, declared };
}

async function compile(
  rule: Rule,
  packFile: string,
  path: string,
  factory: TargetFactory | undefined,
  lookup: (id: string) => Grade | undefined,
): Promise<Grade> {
  switch (rule.kind) {
    case 'text':
      return textGrader(rule);
    case 'refusal':
      return refusalGrader(rule, lookup);
    case 'toolCall':
      return toolCallGrader(rule);
    case 'leak':
      return leakGrader(rule);
    case 'module':
      return moduleGrader(rule, packFile, path);
    case 'judge':
      return judgeGrader(rule, packFile, path, factory);
    case 'provenance':
      return provenanceGrader(rule);
  }
}

function moduleCodeHash(module: string, packFile: string): string {
  try {
    return sha256(readFileSync(resolve(dirname(packFile), module), 'utf8'));
  } catch {
    return 'missing';
  }
}

/** A head's own module or judge rule: never run by the gate; a sample graded with it is an error, never a pass. */
function untrusted(rule: Rule): Grade {
  return () => {
    throw new Error(
      `rule ${rule.id} (${rule.kind}) exists only in the head of this change: the gate does not run the change's own ${rule.kind} rules; it runs once the rule is on the base`,
    );
  };
}
