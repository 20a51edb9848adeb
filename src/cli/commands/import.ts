import type { Command } from 'commander';
import { importResults } from '../../app/import.js';
import { FORMATS } from '../../import/registry.js';

export function registerImport(program: Command): void {
  program
    .command('import')
    .description(
      'convert promptfoo, inspect_ai, DeepEval or garak output into a results file (gate and merge read them directly too)',
    )
    .argument(
      '<file>',
      'promptfoo out.json/.jsonl, inspect_ai .eval/.json log, DeepEval test_run_*.json, garak report.jsonl',
    )
    .option(
      '--format <name>',
      `force the format instead of recognising it by content (${FORMATS.join(', ')})`,
    )
    .option('--config <file>', 'config whose `import` section maps category and severity')
    .requiredOption('--out <file>', 'results file to write')
    .action((file: string, o: { format?: string; config?: string; out: string }) => {
      const r = importResults({ file, format: o.format, config: o.config, out: o.out });
      process.stdout.write(
        `${r.format}: ${r.cases} cases, ${r.samples} samples (${r.passed} passed, ${r.failed} failed, ${r.errors} errors) -> ${o.out}\n`,
      );
    });
}
