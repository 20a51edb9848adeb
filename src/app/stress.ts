import { dirname, resolve } from 'node:path';
import { mkdirSync } from 'node:fs';
import { loadProject } from './project.js';
import { applyPolicy } from '../policy/load.js';
import { writeJson } from '../results/io.js';
import { stressSearch, type StressFile, type Strategy } from '../stress/search.js';
import { openTarget } from './target.js';

export interface StressOptions {
  target?: string;
  rollouts: number;
  turns: number;
  suite?: string[];
  rules?: string[];
  config?: string;
  seed?: string;
  concurrency?: number;
  strategy: Strategy;
  confirm: number;
  out: string;
  cache?: boolean;
  cwd?: string;
  cacheDir?: string;
  /** A target that writes attack turns (an LLM), beside the templates. */
  attacker?: string;
  onRound?: (done: number, total: number, unique: number) => void;
}

export async function stress(o: StressOptions): Promise<StressFile> {
  const project = await loadProject({ config: o.config, suite: o.suite, rules: o.rules, cwd: o.cwd });
  const policy = applyPolicy(project.config.policy, undefined, project.file ?? 'config');
  const target = openTarget(o.target, project, o);
  const attacker = o.attacker ? openTarget(o.attacker, project, o) : undefined;
  try {
    const file = await stressSearch({
      seeds: project.cases,
      target,
      rules: project.rules,
      rollouts: o.rollouts,
      maxTurns: o.turns,
      delayedTurn: policy.policy.delayedTurn,
      concurrency: o.concurrency ?? project.config.concurrency,
      seed: o.seed ?? project.config.seed,
      maxSteps: project.config.maxSteps,
      strategy: o.strategy,
      confirm: o.confirm,
      attacker,
      onRound: o.onRound,
    });
    mkdirSync(dirname(resolve(o.out)), { recursive: true });
    writeJson(resolve(o.out), file, { shapes: false });
    return file;
  } finally {
    await target.close?.();
    await attacker?.close?.();
  }
}

/** Why a search is incomplete (errored rollouts or confirmation replays), or null: the CLI and the action exit on it. */
export function stressIncomplete(f: StressFile): string | null {
  const parts = [
    f.summary.errors ? `${f.summary.errors} of ${f.rollouts} rollouts` : '',
    f.summary.confirmErrors ? `${f.summary.confirmErrors} confirmation replays` : '',
  ].filter(Boolean);
  return parts.length
    ? `${parts.join(' and ')} ended in an error (the target failed to answer): the search is incomplete`
    : null;
}
