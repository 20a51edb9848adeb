import { dirname, resolve } from 'node:path';
import { mkdirSync } from 'node:fs';
import { Option, type Command } from 'commander';
import { loadProject } from '../../app/project.js';
import { applyPolicy } from '../../policy/load.js';
import { writeJson } from '../../results/io.js';
import { stressSearch, type StressFile, type Strategy } from '../../stress/search.js';
import { pct } from '../../util/format.js';
import { intOption } from '../options.js';
import { openTarget } from './run.js';
import { statusLine } from '../progress.js';
import { ExitError } from '../errors.js';

export interface StressCliOptions {
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
}

export async function stressCommand(o: StressCliOptions): Promise<StressFile> {
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
      onRound: progress(),
    });
    mkdirSync(dirname(resolve(o.out)), { recursive: true });
    writeJson(resolve(o.out), file);
    return file;
  } finally {
    await target.close?.();
    await attacker?.close?.();
  }
}

function progress() {
  const show = statusLine();
  return (done: number, total: number, unique: number) =>
    show(() => `stress: ${done}/${total} rollouts, ${unique} distinct failures`, done === total);
}

export function describeStress(f: StressFile): string {
  const s = f.summary;
  const lines = [
    `stress on ${f.target.name}: ${f.rollouts} rollouts (${f.strategy}, up to ${f.maxTurns} turns) -> ${s.failingRollouts} failing (${pct(s.failingRollouts / f.rollouts)}), ${s.unique} distinct failures (seed case x rules), ${s.delayed} delayed (first failure at turn >= ${f.delayedTurn}), ${s.errors} errors, ${s.calls} calls`,
    ...f.failures
      .slice(0, 10)
      .map(
        (x) =>
          `  ${x.id}: ${x.count} rollout(s); shortest breaks at turn ${x.firstFailureTurn}${x.delayed ? ' (delayed)' : ''} via ${x.tactics.join(' > ')}${x.reproduced ? `; reproduced ${x.reproduced.k}/${x.reproduced.n}` : ''}`,
      ),
    ...(f.failures.length > 10 ? [`  and ${f.failures.length - 10} more`] : []),
  ];
  return lines.join('\n') + '\n';
}

export function registerStress(program: Command): void {
  program
    .command('stress')
    .description(
      'adaptive multi-turn red-teaming: attack the suite cases turn by turn and keep the conversations that break a rule',
    )
    .option('--target <target>', 'sim:v2, a target file, or the config target')
    .option('--attacker <target>', 'a model (target file) that writes attack turns beside the templates')
    .option('--rollouts <n>', 'conversations to play (the budget)', intOption, 200)
    .option('--turns <n>', 'most user turns per conversation', intOption, 8)
    .option('--suite <path...>', 'seed cases (default: the config suite)')
    .option('--rules <path...>', 'rule packs (default: the config rules)')
    .option('--config <file>', 'project config (default: .safety-gate.yml when present)')
    .option('--seed <seed>', 'seed for the attacker and simulated agents')
    .option('--concurrency <n>', 'conversations in flight (one round)', intOption)
    .addOption(
      new Option('--strategy <s>', 'thompson (adaptive) or uniform (the baseline it is measured against)')
        .choices(['thompson', 'uniform'])
        .default('thompson'),
    )
    .option(
      '--confirm <k>',
      'scripted replays of each unique failure, to measure how reproducible it is (0: none)',
      (v) => (v === '0' ? 0 : intOption(v)),
      3,
    )
    .option('--no-cache', 'do not read or write the response cache')
    .requiredOption('--out <file>', 'stress failures file to write (input of promote)')
    .action(async (o: StressCliOptions) => {
      const f = await stressCommand(o);
      process.stdout.write(describeStress(f));
      process.stdout.write(
        `wrote ${o.out}; promote them with: safety-gate promote --failures ${o.out} --suite DIR\n`,
      );
      // Kept, like run's results; but a search that could not play or confirm everything must not look complete.
      const incomplete = stressIncomplete(f);
      if (incomplete) throw new ExitError(incomplete);
    });
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
