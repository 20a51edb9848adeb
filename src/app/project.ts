import type { LoadedCase } from '../case/schema.js';
import { loadCases } from '../case/load.js';
import { collectRules, type RuleRegistry } from '../rule/registry.js';
import { InputError, type InputProblem } from '../input/errors.js';
import { loadConfig, type LoadedConfig } from '../config/load.js';
import { collectSources } from '../input/sources.js';
import type { TargetFactory } from '../rule/kinds/judge.js';
import { createTarget, parseTargetArg } from '../target/resolve.js';
import { responseCacheDir } from './target.js';

export interface ProjectOverrides {
  config?: string;
  /** Suite entries given on the command line (resolved against the working directory). */
  suite?: string[];
  rules?: string[];
  cwd?: string;
  /** false: config and rules only (a replay brings its own case). */
  withSuite?: boolean;
  /** false for a pull request's head: its module and judge rules are read as data, never run. */
  trusted?: boolean;
  /** The response cache for judge rules, outside the checkout (the action); else the config's `cache` folder. */
  cacheDir?: string;
}

export interface Project extends LoadedConfig {
  rules: RuleRegistry;
  cases: LoadedCase[];
}

/**
 * Config, rule packs and suite, with every problem from all three reported together.
 * Throws InputError listing them; returns only a project that loaded completely.
 */
export async function loadProject(o: ProjectOverrides = {}): Promise<Project> {
  const cwd = o.cwd ?? process.cwd();
  const loaded = loadConfig(o.config, cwd);
  const cfgFile = loaded.file ?? '(defaults)';
  const problems: InputProblem[] = [];
  const sources = (entries: string[], base: string, file: string, path: string) => {
    const found = collectSources(entries, base, { file, path });
    problems.push(...found.problems);
    return found.files;
  };
  const cli = '(command line)';
  const ruleFiles = o.rules
    ? sources(o.rules, cwd, cli, '--rules')
    : sources(loaded.config.rules, loaded.baseDir, cfgFile, 'rules');
  const rulePackMissing = problems.length > 0;
  const withSuite = o.withSuite !== false;
  const suiteFiles = !withSuite
    ? []
    : o.suite
      ? sources(o.suite, cwd, cli, '--suite')
      : sources(loaded.config.suite, loaded.baseDir, cfgFile, 'suite');
  const cache = responseCacheDir(loaded, o.cacheDir);
  // Judge rules grade through a target of their own, cached like any other.
  const judges: TargetFactory = (spec, where, dir) => {
    const parsed = typeof spec === 'string' ? parseTargetArg(spec, dir) : spec;
    return () => createTarget(parsed, where, { cwd: dir, cacheDir: cache });
  };
  const {
    registry,
    problems: ruleProblems,
    declared,
  } = await collectRules(ruleFiles, judges, {
    trusted: o.trusted,
  });
  // A rule pack that is missing or unreadable is reported once; the "unknown rule" errors it causes are not.
  const rulesIncomplete = rulePackMissing || ruleProblems.some((p) => !p.path);
  problems.push(...ruleProblems);
  let cases: LoadedCase[] = [];
  try {
    cases = loadCases(suiteFiles, declared, { rulesIncomplete });
  } catch (e) {
    if (e instanceof InputError) problems.push(...e.problems);
    else throw e;
  }
  if (problems.length) throw new InputError(problems);
  if (withSuite && cases.length === 0)
    throw InputError.one(cfgFile, 'suite', 'expected at least one case; the suite is empty');
  return { ...loaded, rules: registry, cases };
}
