import { resolve } from 'node:path';
import { loadProject } from './project.js';
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
  /** Tool rules whose tool or argument pattern matches none of a case's tools. */
  warnings: string[];
}

/** Loads the config, rule packs and suite (and an incident) the way the gate will; throws InputError listing every problem. */
export async function validate(o: ValidateOptions): Promise<Validation> {
  const project = await loadProject(o);
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
    warnings: toolRuleWarnings(project.cases, project.rules),
  };
}
