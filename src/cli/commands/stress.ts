import { Option, type Command } from 'commander';
import { stress, stressIncomplete, type StressOptions } from '../../app/stress.js';
import { describeStress } from '../../report/text.js';
import { statusLine } from '../../report/progress.js';
import { intOption } from '../options.js';
import { ExitError } from '../../app/errors.js';

function progress() {
  const show = statusLine();
  return (done: number, total: number, unique: number) =>
    show(() => `stress: ${done}/${total} rollouts, ${unique} distinct failures`, done === total);
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
    .option(
      '--cache-dir <dir>',
      "response cache folder (default: the config's cache, else the user's cache folder)",
    )
    .requiredOption('--out <file>', 'stress failures file to write (input of promote)')
    .action(async (o: StressOptions) => {
      const f = await stress({ ...o, onRound: progress() });
      process.stdout.write(describeStress(f));
      process.stdout.write(
        `wrote ${o.out}; promote them with: safety-gate promote --failures ${o.out} --suite DIR\n`,
      );
      // Kept, like run's results; but a search that could not play or confirm everything must not look complete.
      const incomplete = stressIncomplete(f);
      if (incomplete) throw new ExitError(incomplete);
    });
}
