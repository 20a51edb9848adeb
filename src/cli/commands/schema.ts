import type { Command } from 'commander';
import { writeSchemas } from '../../app/schema.js';

export function registerSchema(program: Command): void {
  program
    .command('schema')
    .description('write JSON Schemas for every file kind (for editor autocompletion)')
    .requiredOption('--out <dir>', 'folder to write *.schema.json into')
    .action((o: { out: string }) => {
      for (const f of writeSchemas(o.out)) process.stdout.write(`wrote ${f}\n`);
    });
}
