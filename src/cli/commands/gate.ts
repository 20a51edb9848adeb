import { existsSync, mkdirSync, rmSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { Option, type Command } from 'commander';
import { parseJsonFile } from '../../input/json.js';
import { loadConfig } from '../../config/load.js';
import { loadProject, type Project } from '../../app/project.js';
import { applyPolicy } from '../../policy/load.js';
import { resultsFromData, writeJson } from '../../results/io.js';
import type { ResultsFile } from '../../results/schema.js';
import { runGate, withGovernance, type FailOn, type GateFile } from '../../verdict/gate.js';
import { evaluateSignoffs, SignoffsFileSchema, type SignoffRequest } from '../../policy/signoff.js';
import { readStructured } from '../../input/document.js';
import { InputError, problemsFromZod } from '../../input/errors.js';
import { displayPath } from '../../input/sources.js';
import { ExitError } from '../errors.js';
import type { z } from 'zod';
import { withRunOptions, type RunOptions } from '../options.js';
import { runTarget } from './run.js';
import { writeReports } from '../../report/write.js';
import type { CliContext } from '../main.js';
import { pct, pvalue } from '../../util/format.js';

/** A results file is read as is; anything else (sim:v1, a target file) is run with the same suite and seed. */
async function resultsOrRun(
  arg: string,
  side: 'baseline' | 'candidate',
  o: RunOptions,
  outDir: string,
  project: () => Promise<Project>,
): Promise<ResultsFile> {
  if (existsSync(arg) && /\.json$/i.test(arg)) {
    // Parsed once: results files can be large. A JSON file of another kind is a target file.
    const data = parseJsonFile(arg, 'results file');
    if ((data as { kind?: unknown } | null)?.kind === 'safety-gate.results')
      return resultsFromData(data, arg);
  }
  const checkpoint = join(outDir, `${side}.checkpoint.jsonl`);
  mkdirSync(outDir, { recursive: true });
  const results = await runTarget(arg, o, side, checkpoint, await project());
  writeJson(join(outDir, `${side}.results.json`), results);
  rmSync(checkpoint, { force: true });
  return results;
}

export interface GateCliOptions extends RunOptions {
  baseline: string;
  candidate: string;
  policy?: string;
  outDir: string;
  failOn?: FailOn;
  reportUrl?: string;
  signoffs?: string;
  author?: string;
  head?: string;
}

export async function gateCommand(o: GateCliOptions): Promise<GateFile> {
  const outDir = resolve(o.outDir);
  const { config, file } = loadConfig(o.config);
  const policy = applyPolicy(config.policy, o.policy, file ?? 'config');
  // Both sides run the same suite and rules: loaded once, and only when a side is a target.
  let loading: Promise<Project> | undefined;
  const project = () => (loading ??= loadProject({ config: o.config, suite: o.suite, rules: o.rules }));
  const baseline = await resultsOrRun(o.baseline, 'baseline', o, outDir, project);
  const candidate = await resultsOrRun(o.candidate, 'candidate', o, outDir, project);
  let gate = runGate(baseline, candidate, { policy, failOn: o.failOn });
  if (o.signoffs) {
    const head = o.head ?? candidate.target.ref;
    if (!head)
      throw new ExitError(
        '--signoffs: sign-offs name the head commit; pass --head (the candidate results record none)',
      );
    const requests = readSignoffs(o.signoffs);
    // Offline, team membership cannot be checked: only people listed by name count.
    gate = withGovernance(
      gate,
      await evaluateSignoffs(gate.verdict, requests, config.signoff, { headSha: head, author: o.author }),
    );
  }
  writeReports(gate, outDir, { reportUrl: o.reportUrl });
  return gate;
}

export function describeGate(g: GateFile): string {
  const lines = [
    `${g.verdict}: ${g.baseline.target.name} ${pct(g.baseline.passRate)} -> ${g.candidate.target.name} ${pct(g.candidate.passRate)} pass rate; ` +
      `delta ${pct(g.delta)} [95% CI ${pct(g.ci[0])}, ${pct(g.ci[1])}], p = ${pvalue(g.pValue)} (${g.test}, ${g.compared} cases)`,
    ...g.reasons.map((r) => `  ${r.level} ${r.code}: ${r.message}`),
    ...(g.notes ?? []).map((n) => `  note ${n.code}: ${n.message}`),
    ...(g.clearedBy
      ? [
          `  CLEARED by ${g.clearedBy === 'board' ? 'the review board' : 'security'}: ${g.signoffs.map((s) => `${s.by} (${s.reason})`).join('; ')}`,
        ]
      : []),
    ...g.rejectedSignoffs.map((r) => `  not counted: ${r.kind} sign-off by ${r.by}: ${r.why}`),
  ];
  return lines.join('\n') + '\n';
}

export function registerGate(program: Command, ctx: CliContext): void {
  withRunOptions(
    program
      .command('gate')
      .description(
        'compare a baseline and a candidate (results files or targets) and answer OK / WARN / BLOCK',
      )
      .requiredOption('--baseline <x>', 'results file, or a target to run (sim:v1, agent.yml)')
      .requiredOption('--candidate <y>', 'results file, or a target to run')
      .option('--policy <file>', 'failure budget overrides (YAML/JSON)')
      .option('--out-dir <dir>', 'where gate.json and the reports go', 'artifacts')
      .option('--report-url <url>', 'link to the full report, shown in summary.md')
      .option('--signoffs <file>', "sign-offs (YAML/JSON list), judged by the config's signoff lists")
      .option('--author <login>', 'author of the change (their own sign-offs do not count)')
      .option(
        '--head <sha>',
        "the candidate commit the sign-offs must name (default: the candidate results' ref)",
      )
      .addOption(
        new Option('--fail-on <level>', 'which verdicts exit non-zero').choices(['block', 'warn', 'never']),
      ),
  ).action(async (o: GateCliOptions) => {
    const gate = await gateCommand(o);
    process.stdout.write(describeGate(gate));
    process.stdout.write(`wrote gate.json, report.html, summary.md, junit.xml to ${o.outDir}\n`);
    ctx.exitCode = gate.exitCode;
  });
}

function readSignoffs(file: string): SignoffRequest[] {
  const doc = readStructured(resolve(file));
  const parsed = SignoffsFileSchema.safeParse(doc.data);
  if (!parsed.success)
    throw new InputError(problemsFromZod(displayPath(resolve(file)), parsed.error as z.ZodError, doc.locate));
  return parsed.data.map((x) => ({ ...x, source: displayPath(resolve(file)) }));
}
