import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { basename, join, resolve } from 'node:path';
import { readJsonFile } from '../input/json.js';
import { loadProject } from './project.js';
import { globSync } from 'tinyglobby';
import { loadCases } from '../case/load.js';
import { casesYaml } from '../case/emit.js';
import { promote, type Promotion } from '../promote/promote.js';
import { StressFileSchema } from '../stress/schema.js';
import { ExitError } from './errors.js';

export interface PromoteOptions {
  failures: string;
  suite: string;
  minRate: number;
  max: number;
  dryRun?: boolean;
  config?: string;
  rules?: string[];
  cwd?: string;
}

/**
 * Discovered failures into the suite folder, one file per case, each checked to load with the project's rules
 * before anything is written.
 */
export async function promoteFailures(o: PromoteOptions): Promise<Promotion & { files: string[] }> {
  const file = readJsonFile(resolve(o.failures), StressFileSchema, 'stress failures file');
  const dir = resolve(o.suite);
  const project = await loadProject({ config: o.config, rules: o.rules, withSuite: false, cwd: o.cwd });
  const ruleIds = new Set(project.rules.keys());
  // A new or empty folder has no cases yet; anything in it must load, or we could not tell duplicates.
  const present = existsSync(dir)
    ? globSync('**/*.{yml,yaml,json}', { cwd: dir, absolute: true }).sort()
    : [];
  const existing = loadCases(present, ruleIds);
  const p = promote(file, existing, { minRate: o.minRate, max: o.max });
  const unknown = p.promoted.flatMap((x) =>
    x.case.expect.filter((e) => !ruleIds.has(e.rule)).map((e) => e.rule),
  );
  if (unknown.length)
    throw new ExitError(
      `the failures check rules this project does not load (${[...new Set(unknown)].join(', ')}): pass --rules or --config`,
    );
  const files: string[] = [];
  if (!o.dryRun && p.promoted.length) {
    mkdirSync(dir, { recursive: true });
    for (const x of p.promoted) {
      // Never over an existing file: a different id can clean up to the same name.
      const f = join(dir, `${fileNameFor(x.case.id, [...present, ...files])}.yml`);
      // Exclusive create: never through a file or a (dangling) symlink already there, which could point outside.
      writeFileSync(f, casesYaml([x.case], [`Promoted by safety-gate promote from ${o.failures}.`, x.note]), {
        flag: 'wx',
      });
      files.push(f);
    }
    // What was written must load as a suite: the same loader the gate uses.
    loadCases(files, ruleIds);
  }
  return { ...p, files };
}

/**
 * Case ids may hold `/` and `:` (and a stress file may come from anywhere): the file name keeps letters, digits,
 * `.`, `_` and `-` only, never `..`, so nothing is written outside the suite folder; a clash gets a number.
 */
export function fileNameFor(id: string, taken: string[]): string {
  const base =
    id
      .replace(/[^A-Za-z0-9._-]/g, '_')
      .replace(/\.{2,}/g, '_')
      .replace(/^[._]+/, '') || 'case';
  let name = base;
  // Case-insensitive: on macOS and Windows `A.yml` and `a.yml` are one file.
  const clash = (n: string) => taken.some((f) => basename(f).toLowerCase() === `${n}.yml`.toLowerCase());
  for (let n = 2; clash(name); n++) name = `${base}-${n}`;
  return name;
}
