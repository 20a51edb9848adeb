import { Option, type Command } from 'commander';
import { gate, type GateOptions } from '../../app/gate.js';
import { describeGate } from '../../report/text.js';
import { progressReporter } from '../../report/progress.js';
import { withRunOptions } from '../options.js';
import type { CliContext } from '../main.js';

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
      .option(
        '--format <name>',
        'read both results files as this format (promptfoo, inspect, deepeval, garak, safety-gate) instead of by content',
      )
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
  ).action(async (o: GateOptions) => {
    const { gate: g } = await gate({ ...o, progress: (side) => progressReporter(side) });
    process.stdout.write(describeGate(g));
    process.stdout.write(`wrote gate.json, report.html, summary.md, junit.xml to ${o.outDir}\n`);
    ctx.exitCode = g.exitCode;
  });
}
