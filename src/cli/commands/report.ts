import type { Command } from 'commander';
import { rerender } from '../../app/report.js';
import { displayPath } from '../../input/sources.js';

export function registerReport(program: Command): void {
  program
    .command('report')
    .description('re-render the reports of a gate.json (report.html, summary.md, junit.xml) or a replay.json')
    .argument(
      '<file>',
      'gate.json written by `safety-gate gate`, or replay.json written by `safety-gate replay`',
    )
    .option('--out-dir <dir>', 'where the reports go', 'artifacts')
    .option('--report-url <url>', 'link to the full report, shown in summary.md')
    .action((file: string, o: { outDir: string; reportUrl?: string }) => {
      for (const f of rerender(file, o)) process.stdout.write(`wrote ${displayPath(f)}\n`);
    });
}
