import type { Command } from 'commander';
import { merge } from '../../app/merge.js';

export function registerMerge(program: Command): void {
  program
    .command('merge')
    .description('join shard results files of one side into one results file')
    .argument('<results...>', 'results files (one per shard)')
    .requiredOption('--out <file>', 'merged results file')
    .action((files: string[], o: { out: string }) => {
      const merged = merge(files, o.out);
      process.stdout.write(`${merged.cases.length} cases from ${files.length} files -> ${o.out}\n`);
    });
}
