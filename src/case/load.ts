import type { z } from 'zod';
import { readCollecting } from '../input/document.js';
import { InputError, formatPath, problemsFromZod, type InputProblem } from '../input/errors.js';
import { displayPath } from '../input/sources.js';
import { CaseSchema, type LoadedCase } from './schema.js';

/**
 * Loads every case file, then checks what only the whole suite can tell: unique ids and rules that exist.
 * All problems are reported together; nothing is half-loaded.
 */
export function loadCases(
  files: string[],
  ruleIds: ReadonlySet<string>,
  o: {
    /**
     * A rule pack could not be read (missing, unparseable): its rules are not in `ruleIds`, so "unknown rule" would
     * only repeat that one problem once per case. Rule references are then not checked (the pack problem is).
     */
    rulesIncomplete?: boolean;
  } = {},
): LoadedCase[] {
  const problems: InputProblem[] = [];
  const cases: LoadedCase[] = [];
  const seen = new Map<string, string>();
  for (const abs of files) {
    const file = displayPath(abs);
    const doc = readCollecting(abs, file, problems);
    if (!doc) continue;
    const list = Array.isArray(doc.data);
    const items: unknown[] = list ? (doc.data as unknown[]) : [doc.data];
    items.forEach((item, i) => {
      const at = (rest: PropertyKey[]) => (list ? [i, ...rest] : rest);
      const parsed = CaseSchema.safeParse(item);
      if (!parsed.success) {
        problems.push(...problemsFromZod(file, parsed.error as z.ZodError, doc.locate, at([])));
        return;
      }
      const c = parsed.data;
      const problem = (rest: PropertyKey[], message: string) =>
        problems.push({ file, path: formatPath(at(rest)), line: doc.locate(at(rest)), message });
      const prior = seen.get(c.id);
      if (prior) problem(['id'], `duplicate case id "${c.id}" (first defined in ${prior})`);
      else seen.set(c.id, file);
      c.expect.forEach((e, j) => {
        if (!o.rulesIncomplete && !ruleIds.has(e.rule))
          problem(['expect', j, 'rule'], `unknown rule "${e.rule}" (not in any loaded rule pack)`);
        if (e.fromTurn !== undefined && e.fromTurn > c.turns.length)
          problem(
            ['expect', j, 'fromTurn'],
            `expected at most ${c.turns.length} (the case has ${c.turns.length} turns)`,
          );
        if (e.toTurn !== undefined && e.toTurn < (e.fromTurn ?? 1))
          problem(['expect', j, 'toTurn'], 'expected toTurn >= fromTurn');
      });
      c.tools.forEach((t, j) => {
        t.results?.forEach((r, k) =>
          Object.entries(r.when).forEach(([arg, re]) => {
            try {
              new RegExp(re);
            } catch {
              problem(['tools', j, 'results', k, 'when', arg], 'expected a valid regular expression');
            }
          }),
        );
        if (t.result === undefined && !t.results)
          problem(['tools', j], 'expected `result` or `results` (the canned answer)');
      });
      cases.push({ case: c, file, line: doc.locate(at([])) });
    });
  }
  if (problems.length) throw new InputError(problems);
  return cases;
}
