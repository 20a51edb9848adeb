import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { GateFile } from '../verdict/gate.js';
import { renderHtml } from './html.js';
import { renderJunit } from './junit.js';
import { renderSummary, type SummaryOptions } from './markdown.js';

export interface ReportFiles {
  gate: string;
  html: string;
  summary: string;
  junit: string;
}

/** gate.json, report.html, summary.md and junit.xml into one folder. */
export function writeReports(g: GateFile, outDir: string, o: SummaryOptions = {}): ReportFiles {
  mkdirSync(outDir, { recursive: true });
  const files: ReportFiles = {
    gate: join(outDir, 'gate.json'),
    html: join(outDir, 'report.html'),
    summary: join(outDir, 'summary.md'),
    junit: join(outDir, 'junit.xml'),
  };
  writeFileSync(files.gate, JSON.stringify(g, null, 1) + '\n');
  writeFileSync(files.html, renderHtml(g));
  writeFileSync(files.summary, renderSummary(g, o));
  writeFileSync(files.junit, renderJunit(g));
  return files;
}
