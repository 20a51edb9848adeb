import { resolve } from 'node:path';
import type { Command } from 'commander';
import { importOptions } from '../../app/import.js';
import { FORMATS } from '../../import/registry.js';
import { readResults, writeJson } from '../../results/io.js';
import { mergeResults } from '../../results/merge.js';

export function registerMerge(program: Command): void {
  program
    .command('merge')
    .description('join shard results files of one side into one results file')
    .argument('<results...>', 'results files (one per shard; other harnesses’ output is read as in gate)')
    .requiredOption('--out <file>', 'merged results file')
    .option('--format <name>', `force the input format (${FORMATS.join(', ')}) instead of recognising it`)
    .option('--config <file>', 'config whose `import` section maps category and severity')
    .action((files: string[], o: { out: string; format?: string; config?: string }) => {
      const read = importOptions(o);
      const merged = mergeResults(files.map((file) => ({ file, results: readResults(file, read) })));
      writeJson(resolve(o.out), merged);
      process.stdout.write(`${merged.cases.length} cases from ${files.length} files -> ${o.out}\n`);
    });
}
