import { createHash } from 'node:crypto';
import { InputError } from '../input/errors.js';
import type { ResultsFile } from '../results/schema.js';
import {
  addUnique,
  CaseGroups,
  clipText,
  errorSample,
  failSample,
  finishRun,
  isRecord,
  passSample,
  str,
  textOf,
  type ImportedCase,
  type TranscriptEntry,
} from './common.js';
import type { ImportConfig } from './schema.js';

/** promptfoo's ResultFailureReason: 0 none, 1 an assertion failed, 2 the provider (or the run) errored. */
const FAILURE_ERROR = 2;

export interface Row {
  value: unknown;
  /** "results.results[4]" or "line 5". */
  where: string;
}

/** `promptfoo eval -o out.json`: `{ evalId, results: { version, timestamp, results: [row…] }, config }`. */
export function importPromptfooJson(file: string, data: unknown, cfg: ImportConfig): ResultsFile {
  const results = isRecord(data) ? data.results : undefined;
  const rows = isRecord(results) ? results.results : undefined;
  if (!Array.isArray(rows))
    throw InputError.one(
      file,
      'results.results',
      'expected the array of promptfoo result rows (the file `promptfoo eval -o out.json` writes)',
    );
  return importPromptfooRows(
    file,
    rows.map((value, i) => ({ value, where: `results.results[${i}]` })),
    { createdAt: isRecord(results) ? str(results.timestamp) : undefined },
    cfg,
  );
}

/**
 * Rows of one eval (from `-o out.json` or one per line of `-o out.jsonl`). promptfoo has no repeat index: each
 * repeat is its own row, so rows are grouped by test description, vars, prompt and provider.
 */
export function importPromptfooRows(
  file: string,
  rows: Row[],
  meta: { createdAt?: string },
  cfg: ImportConfig,
): ResultsFile {
  const parsed = rows.map((r) => ({ ...r, row: checkRow(file, r) }));
  const providers = new Set(parsed.map((p) => providerName(p.row)));
  const prompts = new Set(parsed.map((p) => promptKey(p.row)));
  const groups = new CaseGroups();
  const idOwners = new Map<string, Set<string>>();
  const keyed = parsed.map((p) => {
    const tc = p.row.testCase;
    const key = JSON.stringify([
      str(tc.description) ?? null,
      tc.vars ?? p.row.vars ?? null,
      promptKey(p.row),
      providerName(p.row),
    ]);
    let id = str(tc.description) ?? `vars-${shortHash(JSON.stringify(tc.vars ?? p.row.vars ?? {}))}`;
    if (prompts.size > 1) id += ` [${promptLabel(p.row)}]`;
    if (providers.size > 1) id += ` @${providerName(p.row)}`;
    if (!idOwners.has(id)) idOwners.set(id, new Set());
    idOwners.get(id)!.add(key);
    return { ...p, key, id };
  });
  for (const p of keyed) {
    const tc = p.row.testCase;
    // Same description with other vars: the vars tell the tests apart.
    const id =
      idOwners.get(p.id)!.size > 1
        ? `${p.id} {${shortHash(JSON.stringify(tc.vars ?? p.row.vars ?? {}))}}`
        : p.id;
    const md = isRecord(tc.metadata) ? tc.metadata : isRecord(p.row.metadata) ? p.row.metadata : {};
    const c: ImportedCase = groups.get(p.key, () => ({
      id,
      category: md.category,
      severity: md.severity,
      where: p.where,
    }));
    addUnique(
      c.plugins,
      str(md.pluginId),
      str(isRecord(p.row.metadata) ? p.row.metadata.pluginId : undefined),
    );
    for (const a of Array.isArray(tc.assert) ? tc.assert : [])
      if (isRecord(a)) addUnique(c.scorers, str(a.metric), str(a.type));
    c.samples.push(sample(p.row));
  }
  const first = parsed[0]?.row;
  return finishRun(
    file,
    {
      target: { name: first ? providerName(first) : 'promptfoo', ref: null },
      createdAt: meta.createdAt,
      cases: groups.cases(),
    },
    cfg,
  );
}

interface CheckedRow extends Record<string, unknown> {
  testCase: Record<string, unknown>;
  success: boolean;
}

function checkRow(file: string, r: Row): CheckedRow {
  const v = r.value;
  if (!isRecord(v)) throw InputError.one(file, r.where, 'expected a promptfoo result row (an object)');
  if (!isRecord(v.testCase))
    throw InputError.one(file, `${r.where}.testCase`, 'expected the test case of the row (an object)');
  if (typeof v.success !== 'boolean')
    throw InputError.one(file, `${r.where}.success`, 'expected true or false');
  if (v.failureReason !== undefined && ![0, 1, 2].includes(v.failureReason as number))
    throw InputError.one(file, `${r.where}.failureReason`, 'expected 0, 1 or 2');
  return v as CheckedRow;
}

function providerName(row: Record<string, unknown>): string {
  const p = row.provider;
  if (isRecord(p)) return str(p.label) ?? str(p.id) ?? 'promptfoo';
  return str(p) ?? 'promptfoo';
}

function promptKey(row: Record<string, unknown>): string {
  return str(row.promptId) ?? promptLabel(row);
}

function promptLabel(row: Record<string, unknown>): string {
  const p = row.prompt;
  return isRecord(p) ? (str(p.label) ?? str(p.raw) ?? '?') : String(row.promptIdx ?? '?');
}

function shortHash(s: string): string {
  return createHash('sha256').update(s).digest('hex').slice(0, 8);
}

function sample(row: CheckedRow): ReturnType<typeof passSample> {
  const prompt = isRecord(row.prompt) ? str(row.prompt.raw) : undefined;
  const user: TranscriptEntry[] =
    prompt !== undefined ? [{ role: 'user', content: clipText(prompt), turn: 1 }] : [];
  const response = isRecord(row.response) ? row.response : undefined;
  // Only failureReason 2 is a provider error: `error` is also filled for plain assertion failures. Files written
  // before failureReason existed mark a provider error with response.error.
  const isError =
    row.failureReason === FAILURE_ERROR || (row.failureReason === undefined && !!str(response?.error));
  if (isError) return errorSample(str(row.error) ?? str(response?.error) ?? '', 0, user);
  const transcript = [...user, assistant(response?.output)];
  if (row.success) return passSample(1, transcript);
  const grading = isRecord(row.gradingResult) ? row.gradingResult : undefined;
  const failed = (Array.isArray(grading?.componentResults) ? grading.componentResults : [])
    .filter((r): r is Record<string, unknown> => isRecord(r) && r.pass === false)
    .map((r) => {
      const a = isRecord(r.assertion) ? r.assertion : {};
      return { rule: str(a.metric) ?? str(a.type) ?? 'assertion', evidence: str(r.reason) ?? '' };
    });
  return failSample(
    1,
    1,
    failed.length
      ? failed
      : [{ rule: 'promptfoo', evidence: str(row.error) ?? str(grading?.reason) ?? 'the test failed' }],
    transcript,
  );
}

/** A provider output: text, OpenAI-style tool calls, or anything else shown as JSON. */
function assistant(output: unknown): TranscriptEntry {
  if (Array.isArray(output) && output.length && output.every((o) => isRecord(o) && isRecord(o.function))) {
    const calls = (output as Array<Record<string, unknown>>).map((o) => {
      const f = o.function as Record<string, unknown>;
      return {
        id: str(o.id) ?? '',
        type: 'function',
        function: { name: String(f.name ?? '?'), arguments: clipText(textOf(f.arguments)) },
      };
    });
    return { role: 'assistant', content: '', tool_calls: calls, turn: 1 };
  }
  return { role: 'assistant', content: clipText(textOf(output)), turn: 1 };
}
