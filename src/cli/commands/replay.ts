import { mkdirSync, rmSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { Option, type Command } from 'commander';
import { loadProject } from '../../app/project.js';
import { displayPath } from '../../input/sources.js';
import { applyPolicy } from '../../policy/load.js';
import { loadIncident } from '../../incident/load.js';
import { replayIncident, type Replay } from '../../incident/replay.js';
import { writeReplay, type ReplayFiles } from '../../report/write.js';
import type { FailOn } from '../../verdict/gate.js';
import { pct } from '../../util/format.js';
import { intOption } from '../options.js';
import { progressReporter } from '../progress.js';
import { openTarget } from './run.js';
import type { CliContext } from '../main.js';

export interface ReplayCliOptions {
  incident: string;
  traffic?: string;
  skipBadLines?: boolean;
  target?: string;
  outDir: string;
  config?: string;
  rules?: string[];
  samples: number;
  concurrency?: number;
  seed?: string;
  maxCases: number;
  ref?: string;
  failOn?: FailOn;
  cache?: boolean;
  reportUrl?: string;
  /** Where the project lives when it is not the working directory (the action's checkout). */
  cwd?: string;
  /** Response cache outside the checkout (the action keeps worktrees clean). */
  cacheDir?: string;
}

/**
 * Loads and checks every input (incident, traffic is checked as it streams, config, rules, target) before the
 * first call to the target; writes the replay beside its checkpoint, so a rerun after a kill resumes.
 */
export async function replayCommand(o: ReplayCliOptions): Promise<{ replay: Replay; files: ReplayFiles }> {
  const outDir = resolve(o.outDir);
  const incident = loadIncident(resolve(o.incident));
  const project = await loadProject({ config: o.config, rules: o.rules, cwd: o.cwd, withSuite: false });
  const policy = applyPolicy(project.config.policy, undefined, project.file ?? 'config');
  const target = openTarget(o.target, project, o);
  mkdirSync(outDir, { recursive: true });
  const checkpoint = join(outDir, 'replay.checkpoint.jsonl');
  try {
    const replay = await replayIncident({
      incident,
      traffic: o.traffic
        ? { path: resolve(o.traffic), label: displayPath(resolve(o.traffic)), skipBadLines: o.skipBadLines }
        : undefined,
      rules: project.rules,
      delayedTurn: policy.policy.delayedTurn,
      target,
      samples: o.samples,
      concurrency: o.concurrency ?? project.config.concurrency,
      seed: o.seed ?? project.config.seed,
      maxSteps: project.config.maxSteps,
      ref: o.ref ?? null,
      maxCases: o.maxCases,
      casesFile: `cases/incident-${incident.incident.id}.yml`,
      checkpoint,
      failOn: o.failOn,
      onProgress: progressReporter('replay'),
    });
    const files = writeReplay(replay, outDir, { reportUrl: o.reportUrl });
    rmSync(checkpoint, { force: true });
    return { replay, files };
  } finally {
    await target.close?.();
  }
}

export function describeReplay(r: Replay): string {
  const f = r.file;
  const rc = f.rootCause;
  const b = f.blastRadius;
  const lines = [
    `${f.verdict}: incident ${f.incident.id} on ${f.target.name}: ${f.statement}`,
    `  root cause: ${rc.category} (${rc.labelledBy}) · ${rc.summary}`,
    ...(b
      ? [
          `  blast radius: ${b.affected.k} of ${b.conversations} logged conversations failed the same rules (${pct(b.affected.rate ?? 0, 2)}, 95% CI ${pct(b.affected.ci[0], 2)}–${pct(b.affected.ci[1], 2)})` +
            (b.volume ? `; about ${b.volume.affected} of ${b.volume.conversations} in the period` : ''),
        ]
      : []),
    `  new cases: ${f.cases.map((c) => c.id).join(', ')}`,
    ...f.reasons.map((x) => `  ${x.level} ${x.code}: ${x.message}`),
  ];
  return lines.join('\n') + '\n';
}

export function registerReplay(program: Command, ctx: CliContext): void {
  program
    .command('replay')
    .description(
      'replay a production incident: root cause, blast radius from a traffic log, new regression cases, and whether the target still fails it',
    )
    .requiredOption('--incident <file>', 'incident file (YAML/JSON, see docs/replay.md)')
    .option('--traffic <file>', 'traffic log: JSONL, one conversation per line, for the blast radius')
    .option('--skip-bad-lines', 'skip traffic lines that are not conversations (counted in the blast radius)')
    .option('--target <target>', 'the agent to replay against: sim:v1, a target file, or the config target')
    .option('--out-dir <dir>', 'where replay.json, replay.md and cases/ go', 'artifacts/replay')
    .option('--samples <k>', 'replays of each emitted case', intOption, 10)
    .option(
      '--max-cases <n>',
      'cases to emit: the incident plus up to n-1 variants from traffic',
      intOption,
      5,
    )
    .option('--concurrency <n>', 'conversations in flight', intOption)
    .option('--seed <seed>', 'seed for simulated agents')
    .option('--rules <path...>', 'rule packs (default: the config rules)')
    .option('--config <file>', 'project config (default: .safety-gate.yml when present)')
    .option('--ref <ref>', 'git ref recorded in the results')
    .option('--report-url <url>', 'link shown in replay.md')
    .option('--no-cache', 'do not read or write the response cache')
    .addOption(
      new Option('--fail-on <level>', 'which verdicts exit non-zero').choices(['block', 'warn', 'never']),
    )
    .action(async (o: ReplayCliOptions) => {
      const { replay, files } = await replayCommand(o);
      process.stdout.write(describeReplay(replay));
      process.stdout.write(
        `wrote replay.json, replay.md, replay.results.json and ${relative(resolve(o.outDir), files.cases)} to ${o.outDir}\n`,
      );
      ctx.exitCode = replay.file.exitCode;
    });
}
