import type { Command } from 'commander';
import { resolve } from 'node:path';
import { displayPath } from '../../input/sources.js';
import { parseJsonFile } from '../../input/json.js';
import { GateFileSchema } from '../../verdict/read.js';
import { validateJson } from '../../input/json.js';
import type { GateFile } from '../../verdict/gate.js';
import { readReplay } from '../../incident/read.js';
import { writeReplayReports, writeReports } from '../../report/write.js';

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
      const data = parseJsonFile(resolve(file), 'report input');
      if ((data as { kind?: unknown } | null)?.kind === 'safety-gate.replay') {
        const files = writeReplayReports(readReplay(resolve(file), data), o.outDir, {
          reportUrl: o.reportUrl,
        });
        for (const f of Object.values(files)) process.stdout.write(`wrote ${displayPath(f)}\n`);
        return;
      }
      const gate = validateJson(data, GateFileSchema, file) as unknown as GateFile;
      const files = writeReports(gate, o.outDir, { reportUrl: o.reportUrl });
      for (const f of Object.values(files)) process.stdout.write(`wrote ${displayPath(f)}\n`);
    });
}
