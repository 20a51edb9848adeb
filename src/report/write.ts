import { mkdirSync } from 'node:fs';
import { writeArtifact } from '../util/artifact.js';
import { jsonText } from '../util/json-text.js';

/** A replay's conversation was scrubbed on the way in: its same-shape fakes stay, so the emitted cases still test the leak. */
const KEEP_FAKES = { shapes: false };
import { dirname, join } from 'node:path';
import type { Replay } from '../incident/replay.js';
import { casesYaml, stampEmitted } from '../case/emit.js';
import { redact } from '../util/secrets.js';
import { renderReplaySummary } from './replay-markdown.js';
import { renderReplayHtml } from './replay-html.js';
import type { GateFile } from '../verdict/gate.js';
import { renderHtml } from './html.js';
import { listedCases } from '../verdict/worse.js';
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
  writeArtifact(files.gate, jsonText(g, 'cases'));
  // Sorted once for both reports (20,000 cases on a big suite).
  const listed = listedCases(g.cases);
  writeArtifact(files.html, renderHtml(g, listed));
  writeArtifact(files.summary, renderSummary(g, { ...o, listed }));
  writeArtifact(files.junit, renderJunit(g));
  return files;
}

export interface ReplayFiles {
  replay: string;
  html: string;
  summary: string;
  results: string;
  cases: string;
}

/** replay.json, replay.html, replay.md, replay.results.json and cases/<incident>.yml into one folder. */
export function writeReplay(r: Replay, outDir: string, o: { reportUrl?: string } = {}): ReplayFiles {
  const files: ReplayFiles = {
    replay: join(outDir, 'replay.json'),
    html: join(outDir, 'replay.html'),
    summary: join(outDir, 'replay.md'),
    results: join(outDir, 'replay.results.json'),
    cases: join(outDir, r.file.cases[0].file),
  };
  mkdirSync(dirname(files.cases), { recursive: true });
  writeArtifact(files.replay, JSON.stringify(r.file, null, 1) + '\n', KEEP_FAKES);
  writeReplayReports(r, outDir, o);
  writeArtifact(files.results, jsonText(r.results, 'cases'), KEEP_FAKES);
  // Stamped after redaction: the hash is of the text on disk, the one a rerun compares.
  const cases = redact(
    casesYaml(r.cases, [
      `Regression cases from incident ${r.file.incident.id} (${r.file.incident.file}), written by safety-gate replay at ${r.file.createdAt}.`,
      'Review before committing: tool results and user turns are as logged, secrets replaced by same-shape fakes.',
    ]),
  );
  writeArtifact(files.cases, stampEmitted(cases), KEEP_FAKES);
  return files;
}

/** replay.html and replay.md: what `report replay.json` re-renders. */
export function writeReplayReports(r: Replay, outDir: string, o: { reportUrl?: string } = {}) {
  mkdirSync(outDir, { recursive: true });
  const files = { html: join(outDir, 'replay.html'), summary: join(outDir, 'replay.md') };
  writeArtifact(files.summary, renderReplaySummary(r.file, o), KEEP_FAKES);
  writeArtifact(files.html, renderReplayHtml(r), KEEP_FAKES);
  return files;
}
