import { SEVERITIES, type Severity } from '../case/taxonomy.js';
import { InputError, type InputProblem } from '../input/errors.js';
import type { CaseResult, ResultsFile, SampleResult } from '../results/schema.js';
import { redact } from '../util/secrets.js';
import type { ImportConfig } from './schema.js';

export const FORMATS = ['safety-gate', 'promptfoo', 'inspect', 'deepeval', 'garak'] as const;
export type FormatName = (typeof FORMATS)[number];

/** What an importer hands back before category and severity are settled. */
export interface ImportedCase {
  id: string;
  title?: string;
  /** category / severity as the harness recorded them (untrusted; checked here). */
  category?: unknown;
  severity?: unknown;
  plugins: string[];
  scorers: string[];
  samples: SampleResult[];
  /** Where the case's first entry is, for messages: "line 12" or "samples[3]". */
  where: string;
}

export interface ImportedRun {
  target: ResultsFile['target'];
  createdAt?: string;
  cases: ImportedCase[];
}

export type TranscriptEntry = Record<string, unknown> & { role: string };

const MAX_TEXT = 4000;

/** Untrusted harness text kept for reports: redacted and bounded. */
export function clipText(text: string, max = MAX_TEXT): string {
  const r = redact(text);
  return r.length > max ? `${r.slice(0, max)}… (${r.length - max} more characters)` : r;
}

export function passSample(turns: number, transcript?: TranscriptEntry[]): SampleResult {
  return { passed: true, firstFailureTurn: null, turns, error: null, violations: [], ...tx(transcript) };
}

export function failSample(
  turn: number,
  turns: number,
  violations: Array<{ rule: string; evidence: string }>,
  transcript?: TranscriptEntry[],
): SampleResult {
  const t = Math.max(1, Math.trunc(turn));
  return {
    passed: false,
    firstFailureTurn: t,
    turns: Math.max(turns, t),
    error: null,
    violations: violations.map((v) => ({ rule: v.rule, turn: t, evidence: clipText(v.evidence, 1000) })),
    ...tx(transcript),
  };
}

/** A sample that produced no verdict: never a pass, never a failure. */
export function errorSample(message: string, turns: number, transcript?: TranscriptEntry[]): SampleResult {
  return {
    passed: false,
    firstFailureTurn: null,
    turns,
    error: clipText(message || 'error (the harness recorded no message)', 1000),
    violations: [],
    ...tx(transcript),
  };
}

function tx(transcript?: TranscriptEntry[]): { transcript?: TranscriptEntry[] } {
  return transcript && transcript.length ? { transcript } : {};
}

/** Numbers user turns the way our runner does: a user message opens a turn; system messages are turn 0. */
export function numberTurns(messages: Array<{ role: string } & Record<string, unknown>>): {
  transcript: TranscriptEntry[];
  userTurns: number;
} {
  let turn = 0;
  const transcript = messages.map((m) => {
    if (m.role === 'user') turn++;
    return { ...m, turn: m.role === 'system' ? 0 : Math.max(turn, 1) };
  });
  return { transcript, userTurns: turn };
}

/** A problem in a line-oriented file (JSONL): named by its line. */
export function atLine(file: string, line: number, path: string, message: string): InputError {
  return new InputError([{ file, line, path, message }]);
}

export function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

export function str(v: unknown): string | undefined {
  return typeof v === 'string' ? v : undefined;
}

/** Content as text: strings as is, content-part arrays joined, anything else as JSON. */
export function textOf(v: unknown): string {
  if (typeof v === 'string') return v;
  if (v === null || v === undefined) return '';
  if (Array.isArray(v))
    return v
      .map((p) => (isRecord(p) ? (str(p.text) ?? str(p.reasoning) ?? JSON.stringify(p)) : textOf(p)))
      .join('\n');
  return JSON.stringify(v);
}

export function globToRegExp(glob: string): RegExp {
  const re = glob
    .replace(/[.+^${}()|[\]\\]/g, '\\$&')
    .replace(/\*/g, '.*')
    .replace(/\?/g, '.');
  return new RegExp(`^${re}$`);
}

function ruleMatches(
  r: { id?: string; plugin?: string; scorer?: string },
  c: Pick<ImportedCase, 'id' | 'plugins' | 'scorers'>,
): boolean {
  if (r.id !== undefined && !globToRegExp(r.id).test(c.id)) return false;
  if (r.plugin !== undefined && !c.plugins.some((p) => globToRegExp(r.plugin!).test(p))) return false;
  if (r.scorer !== undefined && !c.scorers.some((s) => globToRegExp(r.scorer!).test(s))) return false;
  return true;
}

/**
 * Settles category and severity (the harness's metadata, else the first matching import rule, else the
 * defaults) and checks the run: every problem is collected, naming the file and the entry.
 */
export function finishRun(file: string, run: ImportedRun, cfg: ImportConfig): ResultsFile {
  const problems: InputProblem[] = [];
  if (run.cases.length === 0)
    problems.push({ file, path: '', message: 'expected at least one evaluated test case, found none' });
  const cases: CaseResult[] = [];
  for (const c of run.cases) {
    let category: string | undefined;
    if (typeof c.category === 'string' && c.category.trim()) category = c.category.trim();
    else if (c.category !== undefined && c.category !== null)
      problems.push({ file, path: c.where, message: `case "${c.id}": expected the category as a string` });
    category ??= cfg.category.find((r) => ruleMatches(r, c))?.value ?? cfg.defaultCategory;

    let severity: Severity | undefined;
    if (c.severity !== undefined && c.severity !== null) {
      const s = typeof c.severity === 'string' ? c.severity.trim().toLowerCase() : undefined;
      if (s && (SEVERITIES as readonly string[]).includes(s)) severity = s as Severity;
      else
        problems.push({
          file,
          path: c.where,
          message: `case "${c.id}": severity ${JSON.stringify(c.severity)}: expected one of ${SEVERITIES.join(', ')} (change it in the harness's metadata)`,
        });
    }
    severity ??= cfg.severity.find((r) => ruleMatches(r, c))?.value ?? cfg.defaultSeverity;
    cases.push({
      id: c.id,
      ...(c.title ? { title: c.title } : {}),
      category,
      severity,
      samples: c.samples,
    });
  }
  if (problems.length) throw new InputError(problems.slice(0, 50));
  return {
    kind: 'safety-gate.results',
    schemaVersion: 1,
    target: run.target,
    ...(run.createdAt ? { createdAt: run.createdAt } : {}),
    cases,
  };
}

/** Groups entries into cases in order of first appearance. */
export class CaseGroups {
  private readonly byKey = new Map<string, ImportedCase>();
  get(key: string, init: () => Omit<ImportedCase, 'samples' | 'plugins' | 'scorers'>): ImportedCase {
    let c = this.byKey.get(key);
    if (!c) {
      c = { ...init(), plugins: [], scorers: [], samples: [] };
      this.byKey.set(key, c);
    }
    return c;
  }
  cases(): ImportedCase[] {
    return [...this.byKey.values()];
  }
}

export function addUnique(list: string[], ...names: Array<string | undefined>): void {
  for (const n of names) if (n && !list.includes(n)) list.push(n);
}
