import type { Command } from 'commander';
import { demo, type DemoOptions } from '../../app/demo.js';
import { displayPath } from '../../input/sources.js';
import { intOption, samplesOption } from '../options.js';

export function registerDemo(program: Command): void {
  program
    .command('demo')
    .description(
      'the whole closed loop (stress, promote, gate, replay, sign-off) on the built-in simulated agents',
    )
    .option('--out-dir <dir>', 'where the demo/ folder goes', 'artifacts')
    .option('--rollouts <n>', 'stress budget', intOption, 300)
    .option('--samples <k>', 'gate samples per case per side', samplesOption, 5)
    .action(async (o: DemoOptions) => {
      const { index, text } = await demo({ ...o, say: (step) => process.stderr.write(`demo: ${step}\n`) });
      process.stdout.write(text);
      // The demo shows a BLOCK on purpose: a demo that ran exits 0; only an error does not.
      process.stdout.write(`wrote ${displayPath(index)}\n`);
    });
}
