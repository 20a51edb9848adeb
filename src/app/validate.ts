import { existsSync, readFileSync, statSync } from 'node:fs';
import { resolve } from 'node:path';
import { loadProject, type Project } from './project.js';
import { loadConfig, type LoadedConfig } from '../config/load.js';
import { readStructured } from '../input/document.js';
import { InputError, type InputProblem } from '../input/errors.js';
import { displayPath } from '../input/sources.js';
import { parseChecklist } from '../release/checklist.js';
import { createTarget } from '../target/resolve.js';
import { loadIncident } from '../incident/load.js';
import { analyseIncident } from '../incident/replay.js';
import { applyPolicy } from '../policy/load.js';
import type { RootCause } from '../incident/root-cause.js';
import { toolRuleWarnings } from '../rule/coverage.js';

export interface ValidateOptions {
  config?: string;
  suite?: string[];
  rules?: string[];
  incident?: string;
}

export interface Validation {
  cases: number;
  rules: number;
  configFile?: string;
  incident?: { id: string; rootCause: RootCause; secretsReplaced: number };
  /** The release checklists the config names (`release.checklists`), each with its number of task-list items. */
  checklists: Array<{ file: string; items: number }>;
  /** Tool rules whose tool or argument pattern matches none of a case's tools. */
  warnings: string[];
}

const TASK_LIST = 'a Markdown task list with at least one `- [ ] …` item';

/**
 * The release checklists a config names: each must be a file that is a Markdown task list with at least one item
 * (whether the items are checked and signed is the release gate's question, not validate's).
 */
export function checklistProblems(loaded: LoadedConfig): {
  problems: InputProblem[];
  checklists: Validation['checklists'];
} {
  const list = loaded.config.release?.checklists ?? [];
  const problems: InputProblem[] = [];
  const checklists: Validation['checklists'] = [];
  if (!list.length || !loaded.file) return { problems, checklists };
  const file = displayPath(loaded.file);
  const doc = readStructured(loaded.file);
  list.forEach((entry, i) => {
    const problem = (message: string) =>
      problems.push({
        file,
        path: `release.checklists[${i}]`,
        line: doc.locate(['release', 'checklists', i]),
        message,
      });
    const path = resolve(loaded.baseDir, entry);
    if (!existsSync(path)) return problem(`no such file: ${entry} (expected ${TASK_LIST})`);
    if (!statSync(path).isFile()) return problem(`${entry} is a folder (expected ${TASK_LIST})`);
    const items = parseChecklist(readFileSync(path, 'utf8'), entry).length;
    if (!items) return problem(`${entry} has no task-list items (expected ${TASK_LIST})`);
    checklists.push({ file: entry, items });
  });
  return { problems, checklists };
}

/** Loads the config, rule packs and suite (and an incident) the way the gate will; throws InputError listing every problem. */
export async function validate(o: ValidateOptions): Promise<Validation> {
  let project: Project;
  try {
    project = await loadProject(o);
  } catch (e) {
    // Every problem in one pass: the checklists' too, when the config itself loaded.
    if (!(e instanceof InputError)) throw e;
    let more: InputProblem[] = [];
    try {
      more = checklistProblems(loadConfig(o.config)).problems;
    } catch {
      // The config's own problems are already in e.
    }
    throw more.length ? new InputError([...e.problems, ...more]) : e;
  }
  const { problems, checklists } = checklistProblems(project);
  if (problems.length) throw new InputError(problems);
  let incident: Validation['incident'];
  if (o.incident) {
    const loaded = loadIncident(resolve(o.incident));
    const policy = applyPolicy(project.config.policy, undefined, project.file ?? 'config');
    const { rootCause, scrubber } = await analyseIncident(loaded, project.rules, policy.policy.delayedTurn);
    incident = { id: loaded.incident.id, rootCause, secretsReplaced: scrubber.replaced };
  }
  // Sim targets are checked whole; real ones only by schema here (their API keys may not be in this shell).
  if (project.config.target?.type === 'sim') createTarget(project.config.target, project.file ?? 'target');
  return {
    cases: project.cases.length,
    rules: project.rules.size,
    configFile: project.file,
    incident,
    checklists,
    warnings: toolRuleWarnings(project.cases, project.rules),
  };
}
