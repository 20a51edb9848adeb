import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { basename, join, resolve } from 'node:path';
import type { Command } from 'commander';
import { readJsonFile } from '../../input/json.js';
import { loadProject } from '../../app/project.js';
import { globSync } from 'tinyglobby';
import { loadCases } from '../../case/load.js';
import { casesYaml } from '../../case/emit.js';
import { promote, type Promotion } from '../../promote/promote.js';
import { StressFailuresSchema } from '../../stress/schema.js';
import { intOption } from '../options.js';
import { ExitError } from '../errors.js';

export interface PromoteCliOptions {
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
export async function promoteCommand(o: PromoteCliOptions): Promise<Promotion & { files: string[] }> {
  const file = readJsonFile(resolve(o.failures), StressFailuresSchema, 'stress failures file');
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
      writeFileSync(f, casesYaml([x.case], [`Promoted by safety-gate promote from ${o.failures}.`, x.note]));
      files.push(f);
    }
    // What was written must load as a suite: the same loader the gate uses.
    loadCases(files, ruleIds);
  }
  return { ...p, files };
}

export function registerPromote(program: Command): void {
  program
    .command('promote')
    .description('turn discovered failures (stress --out) into regression cases in a suite folder')
    .requiredOption('--failures <file>', 'stress failures file')
    .requiredOption(
      '--suite <dir>',
      'suite folder to write the cases into (existing cases there are not duplicated)',
    )
    .option(
      '--min-rate <x>',
      'keep failures reproduced at this rate or more (0 keeps unconfirmed ones)',
      rate,
      0.01,
    )
    .option('--max <n>', 'at most this many new cases', intOption, 20)
    .option('--dry-run', 'say what would be promoted, write nothing')
    .option('--rules <path...>', 'rule packs the cases are checked against (default: the config rules)')
    .option('--config <file>', 'project config (default: .safety-gate.yml when present)')
    .action(async (o: PromoteCliOptions) => {
      const r = await promoteCommand(o);
      for (const x of r.promoted) process.stdout.write(`+ ${x.case.id}: ${x.note}\n`);
      for (const x of r.skipped) process.stdout.write(`- ${x.id}: ${x.why}\n`);
      process.stdout.write(
        `${o.dryRun ? 'would promote' : 'promoted'} ${r.promoted.length} case(s) into ${o.suite}, skipped ${r.skipped.length}\n`,
      );
    });
}

function rate(v: string): number {
  const n = Number(v);
  if (!(n >= 0 && n <= 1)) throw new ExitError(`--min-rate: expected a number from 0 to 1, got "${v}"`);
  return n;
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
