import { relative, resolve } from 'node:path';
import { Option, type Command } from 'commander';
import { replay, type ReplayOptions } from '../../app/replay.js';
import { describeReplay } from '../../report/text.js';
import { progressReporter } from '../../report/progress.js';
import { intOption, samplesOption } from '../options.js';
import type { CliContext } from '../main.js';

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
    .option('--samples <k>', 'replays of each emitted case', samplesOption, 10)
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
    .option(
      '--cache-dir <dir>',
      "response cache folder (default: the config's cache, else the user's cache folder)",
    )
    .option('--force', 'overwrite the emitted case file even if it was edited since replay wrote it')
    .addOption(
      new Option('--fail-on <level>', 'which verdicts exit non-zero').choices(['block', 'warn', 'never']),
    )
    .action(async (o: ReplayOptions) => {
      const { replay: r, files } = await replay({ ...o, onProgress: progressReporter('replay') });
      process.stdout.write(describeReplay(r));
      process.stdout.write(
        `wrote replay.json, replay.html, replay.md, replay.results.json and ${relative(resolve(o.outDir), files.cases)} to ${o.outDir}\n`,
      );
      ctx.exitCode = r.file.exitCode;
    });
}
