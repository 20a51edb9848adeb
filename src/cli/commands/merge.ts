import type { Command } from 'commander';
import { merge } from '../../app/merge.js';
import { importOptions } from '../../app/import.js';
import { FORMATS } from '../../import/registry.js';

export function registerMerge(program: Command): void {
  program
    .command('merge')
    .description('join shard results files of one side into one results file')
    .argument('<results...>', 'results files (one per shard; other harnesses’ output is read as in gate)')
    .requiredOption('--out <file>', 'merged results file')
    .option('--format <name>', `force the input format (${FORMATS.join(', ')}) instead of recognising it`)
    .option('--config <file>', 'config whose `import` section maps category and severity')
    .action((files: string[], o: { out: string; format?: string; config?: string }) => {
      const merged = merge(files, o.out, importOptions(o));
      const n = merged.cases.length;
      process.stdout.write(
        `${n} case${n === 1 ? '' : 's'} from ${files.length} file${files.length === 1 ? '' : 's'}: wrote ${o.out}\n`,
      );
    });
}
