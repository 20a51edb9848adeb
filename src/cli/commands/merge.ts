import { resolve } from 'node:path';
import type { Command } from 'commander';
import { readResults, writeJson } from '../../results/io.js';
import { mergeResults } from '../../results/merge.js';

export function registerMerge(program: Command): void {
  program
    .command('merge')
    .description('join shard results files of one side into one results file')
    .argument('<results...>', 'results files (one per shard)')
    .requiredOption('--out <file>', 'merged results file')
    .action((files: string[], o: { out: string }) => {
      const merged = mergeResults(files.map((file) => ({ file, results: readResults(file) })));
      writeJson(resolve(o.out), merged);
      const n = merged.cases.length;
      process.stdout.write(
        `${n} case${n === 1 ? '' : 's'} from ${files.length} file${files.length === 1 ? '' : 's'}: wrote ${o.out}\n`,
      );
    });
}
