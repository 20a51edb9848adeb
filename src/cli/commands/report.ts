import type { Command } from 'commander';
import { readGate } from '../../verdict/read.js';
import { writeReports } from '../../report/write.js';

export function registerReport(program: Command): void {
  program
    .command('report')
    .description('re-render report.html, summary.md and junit.xml from a gate.json')
    .argument('<gate>', 'gate.json written by `safety-gate gate`')
    .option('--out-dir <dir>', 'where the reports go', 'artifacts')
    .option('--report-url <url>', 'link to the full report, shown in summary.md')
    .action((file: string, o: { outDir: string; reportUrl?: string }) => {
      const gate = readGate(file);
      const files = writeReports(gate, o.outDir, { reportUrl: o.reportUrl });
      process.stdout.write(`${files.html}\n${files.summary}\n${files.junit}\n`);
    });
}
